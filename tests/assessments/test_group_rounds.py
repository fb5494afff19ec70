"""Group mode of the Power Awareness Tool (issue 16, item 5), through the URLs: a member
opens a round for their own organisation; partners without an account answer once each
with the link or the code; the combined picture shows from three; the round closes."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.demo import make_scan
from assessments.models import GroupAnswer, GroupParticipant, GroupRound
from portal.cache import is_cacheable_request
from tests.assessments.conftest import SMALL_SCAN, questions
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def power_scan(db):
    return make_scan({**SMALL_SCAN, "slug": "pat", "kind": "power"})


def open_round(client, scan, organisation, hours=2):
    return client.post(reverse("assessments:group_start", args=[scan.slug]),
                       {"organisation": organisation.pk, "hours": hours, "title": "Kampala"})


@pytest.fixture
def group_round(client, site_structure, power_scan, member, organisation):
    client.force_login(member)
    assert open_round(client, power_scan, organisation).status_code == 302
    client.logout()
    return GroupRound.objects.get()


def full_answers(scan, value="5"):
    data = {}
    for item in questions(scan.versions.get()):
        for question in item.questions:
            data[f"q-{question.key}"] = value if question.kind == "scale" else str(
                question.choices[0][0])
    return data


def participate(scan, group_round, value="5", participant=None):
    """A participant on their own device: opens the link, answers, sends."""
    participant = participant or Client()
    url = reverse("assessments:group_answer", args=[group_round.token])
    page = participant.get(url)
    assert page.status_code == 200
    return participant, participant.post(url, full_answers(scan, value))


def test_facilitator_opens_a_round_for_own_organisation_only(client, site_structure,
                                                             power_scan, member, organisation,
                                                             other_organisation):
    client.force_login(member)
    refused = open_round(client, power_scan, other_organisation)
    assert refused.status_code == 400 and not GroupRound.objects.exists()
    assert "Kies een van je eigen organisaties" in refused.content.decode()
    assert open_round(client, power_scan, organisation, hours=999).status_code == 400
    assert not GroupRound.objects.exists()
    response = open_round(client, power_scan, organisation)
    group_round = GroupRound.objects.get()
    assert response.url == reverse("assessments:group_round", args=[group_round.pk])
    assert group_round.organisation == organisation and group_round.facilitator == member
    assert len(group_round.token) >= 30 and len(group_round.code) == 6
    assert abs(group_round.closes_at - timezone.now() - datetime.timedelta(hours=2)) < \
        datetime.timedelta(minutes=1)
    html = client.get(response.url).content.decode()
    assert group_round.code in html and group_round.token in html


def test_only_the_power_tool_has_group_mode(client, site_structure, scan, member):
    client.force_login(member)
    assert client.get(reverse("assessments:group_start", args=[scan.slug])).status_code == 404


def test_member_of_other_organisation_and_visitor_see_nothing(client, group_round, member_b,
                                                              member):
    for name in ("group_round", "group_results"):
        url = reverse(f"assessments:{name}", args=[group_round.pk])
        visitor = client.get(url)
        assert visitor.status_code == 302 and "/accounts/login/" in visitor.url
        client.force_login(member_b)
        assert client.get(url).status_code == 404
        client.logout()
    client.force_login(member_b)
    assert client.post(reverse("assessments:group_close", args=[group_round.pk])
                       ).status_code == 404
    group_round.refresh_from_db()
    assert group_round.is_open
    colleague = MembershipFactory(organisation=group_round.organisation).user
    client.force_login(colleague)
    html = client.get(reverse("assessments:group_round", args=[group_round.pk])).content
    assert group_round.code.encode() in html
    client.force_login(member)


def test_three_participants_answer_and_the_facilitator_sees_the_picture(client, group_round,
                                                                         power_scan, member):
    results_url = reverse("assessments:group_results", args=[group_round.pk])
    client.force_login(member)
    for value in ("5", "3"):
        participate(power_scan, group_round, value)
    # Fewer than three: no picture, no figure.
    html = client.get(results_url).content.decode()
    assert "scan-chart" not in html and "scan-table" not in html and "minstens 3" in html
    assert "Bekijk het gezamenlijke beeld" not in client.get(
        reverse("assessments:group_round", args=[group_round.pk])).content.decode()
    _participant, response = participate(power_scan, group_round, "1")
    assert response.status_code == 200 and "Dank je" in response.content.decode()
    assert GroupParticipant.objects.filter(group_round=group_round).count() == 3
    html = client.get(results_url).content.decode()
    # Block two (one scale question): (1.0 + 0.5 + 0) / 3 -> 50; the spread 100.
    assert "scan-chart" in html and "scan-table" in html and "Blok twee" in html
    assert "<td data-label=\"Score\">50.0</td>" in html or ">50,0<" in html
    assert "Spreiding tussen deelnemers" in html
    # The participant pages are not for search engines nor for any cache.
    answer = Client().get(reverse("assessments:group_answer", args=[group_round.token]))
    assert answer["X-Robots-Tag"].startswith("noindex") and "no-store" in answer[
        "Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in answer.content.decode()
    request = answer.wsgi_request
    request.COOKIES.clear()
    assert not is_cacheable_request(request)


def test_a_repeat_answer_is_refused(group_round, power_scan):
    participant, first = participate(power_scan, group_round)
    assert first.status_code == 200
    url = reverse("assessments:group_answer", args=[group_round.token])
    again = participant.post(url, full_answers(power_scan, "1"))
    assert again.status_code == 409 and "al geantwoord" in again.content.decode()
    assert "al geantwoord" in participant.get(url).content.decode()
    assert GroupParticipant.objects.count() == 1
    assert set(GroupAnswer.objects.values_list("value", flat=True)) != {1}


def test_without_the_cookie_nothing_is_saved(group_round, power_scan):
    url = reverse("assessments:group_answer", args=[group_round.token])
    response = Client().post(url, full_answers(power_scan))
    assert response.status_code == 400 and "cookie" in response.content.decode()
    assert not GroupParticipant.objects.exists()


def test_incomplete_or_foreign_answers_save_nothing(group_round, power_scan):
    participant = Client()
    url = reverse("assessments:group_answer", args=[group_round.token])
    participant.get(url)
    data = full_answers(power_scan)
    first = next(iter(data))
    incomplete = participant.post(url, {**data, first: ""})
    assert incomplete.status_code == 400 and "Kies een antwoord" in incomplete.content.decode()
    assert participant.post(url, {**data, "q-other-version": "3"}).status_code == 400
    assert participant.post(url, {**data, first: "9"}).status_code == 400
    assert not GroupParticipant.objects.exists() and not GroupAnswer.objects.exists()


def test_after_closing_answers_are_refused(client, group_round, power_scan, member, member_b):
    for _ in range(3):
        participate(power_scan, group_round)
    late = Client()
    url = reverse("assessments:group_answer", args=[group_round.token])
    late.get(url)
    client.force_login(member_b)
    client.post(reverse("assessments:group_close", args=[group_round.pk]))
    client.force_login(member)
    assert client.post(reverse("assessments:group_close", args=[group_round.pk])
                       ).status_code == 302
    group_round.refresh_from_db()
    assert not group_round.is_open
    response = late.post(url, full_answers(power_scan))
    assert response.status_code == 410 and "gesloten" in response.content.decode()
    assert GroupParticipant.objects.count() == 3
    code = Client().get(reverse("assessments:group_code"), {"code": group_round.code})
    assert code.status_code == 410 and "gesloten" in code.content.decode()
    # The picture stays for the facilitator.
    assert "scan-chart" in client.get(reverse("assessments:group_results",
                                        args=[group_round.pk])).content.decode()


def test_the_round_closes_at_its_time(group_round, power_scan):
    GroupRound.objects.filter(pk=group_round.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1))
    participant = Client()
    url = reverse("assessments:group_answer", args=[group_round.token])
    assert participant.get(url).status_code == 410
    assert participant.post(url, full_answers(power_scan)).status_code == 410
    assert not GroupParticipant.objects.exists()


def test_the_code_opens_the_questions_and_a_wrong_code_gives_a_clear_page(group_round):
    visitor = Client()
    page = visitor.get(reverse("assessments:group_code"))
    assert page.status_code == 200 and 'name="code"' in page.content.decode()
    typed = f" {group_round.code[:3].lower()}-{group_round.code[3:]} "
    found = visitor.get(reverse("assessments:group_code"), {"code": typed})
    assert found.status_code == 302
    assert found.url == reverse("assessments:group_answer", args=[group_round.token])
    wrong = visitor.get(reverse("assessments:group_code"), {"code": "ZZZZZZ"})
    assert wrong.status_code == 404 and "Geen groepsronde heeft deze code" in \
        wrong.content.decode()
    english = visitor.get("/en" + reverse("assessments:group_code"), {"code": "ZZZZZZ"})
    assert english.status_code == 404 and "No group round has this code" in \
        english.content.decode()


def test_a_tampered_token_gives_a_clear_page(group_round):
    visitor = Client()
    for token in (group_round.token[:-1] + ("A" if group_round.token[-1] != "A" else "B"),
                  "x", "a" * 300, "%00"):
        response = visitor.get(f"/mijn/scans/groep/{token}/")
        assert response.status_code in (400, 404)
        if response.status_code == 404:
            assert "opent geen groepsronde" in response.content.decode() or token == "%00"


def test_wrong_codes_are_rate_limited(group_round, settings):
    settings.ASSESSMENTS_GROUP_LOOKUP_LIMIT = (3, 600)
    visitor = Client()
    for _ in range(3):
        assert visitor.get(reverse("assessments:group_code"), {"code": "ZZZZZZ"}
                           ).status_code == 404
    # Even the right code and the right link are refused for a while now.
    limited = visitor.get(reverse("assessments:group_code"), {"code": group_round.code})
    assert limited.status_code == 429 and "Te veel" in limited.content.decode()
    assert visitor.get(reverse("assessments:group_answer", args=[group_round.token])
                       ).status_code == 429


def test_a_flood_of_answers_is_limited(group_round, power_scan, settings):
    settings.ASSESSMENTS_GROUP_ANSWER_LIMIT = (3, 600)
    url = reverse("assessments:group_answer", args=[group_round.token])
    for _ in range(3):
        participate(power_scan, group_round)
    flood = Client()
    flood.get(url)
    response = flood.post(url, full_answers(power_scan))
    assert response.status_code == 429
    assert GroupParticipant.objects.count() == 3


def test_group_rounds_stay_out_of_the_organisations_rounds_and_public_listings(
        client, group_round, power_scan, member):
    from assessments.models import Round

    for _ in range(3):
        participate(power_scan, group_round)
    assert not Round.objects.exists()
    for path in ("/sitemap.xml", "/api/v2/pages/", "/zoeken/?q=Kampala", "/zoeken/?q=Testscan"):
        html = Client().get(path).content.decode()
        assert "/scans/groep/" not in html and group_round.token not in html
        assert group_round.code not in html
    client.force_login(member)
    html = client.get(reverse("assessments:index")).content.decode()
    assert reverse("assessments:group_round", args=[group_round.pk]) in html


def test_the_facilitator_is_in_the_export_and_let_go_with_the_account(client, group_round,
                                                                      power_scan, member):
    import json

    from portal.privacy import delete_account

    participate(power_scan, group_round)
    client.force_login(member)
    data = json.loads(client.get(reverse("my_data") + "?download=1").content)
    assert data["self_scan_group_rounds_facilitated"][0]["title"] == "Kampala"
    delete_account(member)
    group_round.refresh_from_db()
    assert group_round.facilitator is None and GroupAnswer.objects.exists()
