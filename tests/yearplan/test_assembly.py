"""The general assembly: attendance per member organisation (two attendees count once, a
proxy counts), registration by members, check-in at the door, and bad input."""

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory
from yearplan import selectors
from yearplan.models import ActionSignup, AssemblyRegistration, CampaignAction, Proxy

pytestmark = pytest.mark.django_db


def test_attendance_counts_organisations_with_two_attendees_once_and_a_proxy(year_data):
    attendance = selectors.attendance(year_data["assembly"])
    orgs = year_data["orgs"]
    assert attendance.present == {orgs["A"].pk, orgs["B"].pk}
    assert attendance.by_proxy == {orgs["C"].pk}
    assert (attendance.counted, attendance.total, attendance.percentage) == (3, 5, 60.0)


def test_a_member_registers_for_their_own_organisation_only(client, year_data):
    assembly, orgs = year_data["assembly"], year_data["orgs"]
    member = MembershipFactory(organisation=orgs["E"]).user
    client.force_login(member)
    url = reverse("yearplan:assembly", args=[assembly.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "register", "organisation": orgs["B"].pk})
    assert response.status_code == 400
    assert not AssemblyRegistration.objects.filter(user=member).exists()
    response = client.post(url, {"action": "register", "organisation": orgs["E"].pk})
    assert response.status_code == 302
    assert AssemblyRegistration.objects.get(user=member).organisation == orgs["E"]


def test_a_proxy_to_an_inactive_organisation_is_refused(client, year_data):
    assembly, orgs = year_data["assembly"], year_data["orgs"]
    client.force_login(year_data["people"]["E"])
    url = reverse("yearplan:assembly", args=[assembly.pk])
    response = client.post(url, {"action": "proxy", "giver": orgs["E"].pk,
                                 "holder": orgs["X"].pk})
    assert response.status_code == 400
    assert not Proxy.objects.filter(giver=orgs["E"]).exists()
    from django.utils import translation

    from yearplan import services

    with translation.override("en"), pytest.raises(services.YearPlanError,
                                                   match="active member organisation"):
        services.give_proxy(year_data["people"]["E"], assembly, orgs["E"].pk, orgs["X"].pk)
    response = client.post(url, {"action": "proxy", "giver": orgs["E"].pk,
                                 "holder": orgs["B"].pk})
    assert response.status_code == 302
    assert Proxy.objects.get(giver=orgs["E"]).holder == orgs["B"]


def test_check_in_at_the_door(client, year_data, editor):
    assembly, orgs = year_data["assembly"], year_data["orgs"]
    client.force_login(editor)
    url = reverse("yearplan:check_in", args=[assembly.pk])
    html = client.get(url, {"q": "Org D"}).content.decode()
    assert "Org D" in html and "Org B" not in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>")[0]
    registration = AssemblyRegistration.objects.get(assembly=assembly, organisation=orgs["D"])
    assert client.post(url, {"registration": registration.pk}).status_code == 302
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert selectors.attendance(assembly).percentage == 80.0  # A, B, D + C by proxy


@pytest.mark.parametrize("tampered", ["", "abc", "999999", "-1", "1e9"])
def test_check_in_of_someone_not_registered_or_tampered_ids(client, year_data, editor,
                                                            tampered):
    client.force_login(editor)
    url = reverse("yearplan:check_in", args=[year_data["assembly"].pk])
    before = list(AssemblyRegistration.objects.values_list("pk", "checked_in_at"))
    response = client.post(url, {"registration": tampered})
    assert response.status_code == 400
    assert "not registered" in response.content.decode() or \
        "niet aangemeld" in response.content.decode()
    assert list(AssemblyRegistration.objects.values_list("pk", "checked_in_at")) == before


def test_check_in_of_a_registration_for_another_assembly_is_refused(
        client, year_data, editor, site_structure):
    from tests.yearplan.conftest import make_event, moment
    from yearplan.models import GeneralAssembly

    other = GeneralAssembly.objects.create(
        event=make_event(site_structure, "ALV najaar", "alv-najaar", moment(11)),
        season="autumn")
    stranger = AssemblyRegistration.objects.create(
        assembly=other, user=year_data["people"]["E"], organisation=year_data["orgs"]["E"])
    client.force_login(editor)
    response = client.post(reverse("yearplan:check_in", args=[year_data["assembly"].pk]),
                           {"registration": stranger.pk})
    assert response.status_code == 400
    stranger.refresh_from_db()
    assert stranger.checked_in_at is None


def test_only_check_in_staff_open_the_door_list(client, year_data):
    url = reverse("yearplan:check_in", args=[year_data["assembly"].pk])
    assert client.get(url).status_code == 302  # visitor: to the login
    client.force_login(year_data["people"]["A"])
    assert client.get(url).status_code == 403
    assert client.get(reverse("yearplan:assembly", args=[999999])).status_code == 404


def test_campaign_sign_up_only_for_the_own_organisation(client, year_data):
    orgs = year_data["orgs"]
    action = CampaignAction.objects.get(title="Petitie")
    client.force_login(year_data["people"]["E"])
    url = reverse("yearplan:campaigns")
    assert "Petitie" in client.get(url).content.decode()
    response = client.post(url, {"action": action.pk, "organisation": orgs["B"].pk})
    assert response.status_code == 400
    assert not ActionSignup.objects.filter(action=action, organisation=orgs["B"]).exists()
    assert client.post(url, {"action": "x", "organisation": orgs["E"].pk}).status_code == 400
    assert client.post(url, {"action": action.pk,
                             "organisation": orgs["E"].pk}).status_code == 302
    assert ActionSignup.objects.filter(action=action, organisation=orgs["E"]).exists()
    assert selectors.organisations_in_campaigns(*_year()) == 3


def test_visitors_and_non_members_get_no_campaigns(client, year_data, outsider):
    url = reverse("yearplan:campaigns")
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def _year():
    import datetime

    return datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
