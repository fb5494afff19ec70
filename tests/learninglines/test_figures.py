"""Participation and satisfaction figures against hand calculations on fixed data."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from learninglines.models import Evaluation, Registration, SessionPage
from learninglines.selectors import figures
from tests.factories import MembershipFactory, OrganisationFactory
from tests.learninglines.factories import make_line, make_registration, make_session

pytestmark = pytest.mark.django_db
Status = Registration.Status
AMS = ZoneInfo("Europe/Amsterdam")


def at(month, day=10, year=2025):
    start = datetime.datetime(year, month, day, 14, tzinfo=AMS)
    return {"start": start, "end": start + datetime.timedelta(hours=2)}


@pytest.fixture
def fixed(site_structure):
    """5 active organisations (A-E) and one inactive (X); two lines.

    Line 1: session s1 (practitioner, March): A attended 4, B attended 2, C registered
            (no-show); session s2 (leadership, March): A attended 5.
    Line 2: session s3 (practitioner, June): D attended 3, X (inactive) attended 5,
            E cancelled. Session s4 in 2024: B attended 1 (other year).
    """
    orgs = {name: OrganisationFactory(name=f"Org {name}") for name in "ABCDE"}
    orgs["X"] = OrganisationFactory(name="Org X", active=False)
    people = {name: MembershipFactory(organisation=org).user for name, org in orgs.items()}
    line1, line2 = make_line(site_structure, "Lijn 1"), make_line(site_structure, "Lijn 2")
    s1 = make_session(line1, **at(3))
    s2 = make_session(line1, track="leadership", **at(3, 20))
    s3 = make_session(line2, **at(6))
    s4 = make_session(line2, **at(5, year=2024))

    def reg(session, name, status, score=None):
        registration = make_registration(session, people[name], orgs[name], status=status)
        if score is not None:
            Evaluation.objects.create(registration=registration, score=score)

    reg(s1, "A", Status.ATTENDED, 4)
    reg(s1, "B", Status.ATTENDED, 2)
    reg(s1, "C", Status.REGISTERED)
    reg(s2, "A", Status.ATTENDED, 5)
    reg(s3, "D", Status.ATTENDED, 3)
    reg(s3, "X", Status.ATTENDED, 5)
    reg(s3, "E", Status.CANCELLED)
    reg(s4, "B", Status.ATTENDED, 1)
    # the targets come from the 2025 year plan (yearplan; 2026's is seeded by migration)
    from yearplan.models import Target, YearPlan

    plan = YearPlan.objects.create(year=2025)
    Target.objects.create(plan=plan, measure_key="learninglines.participation", threshold=40)
    Target.objects.create(plan=plan, measure_key="learninglines.session_satisfaction",
                          threshold="3.5", period="per_event")
    return {"line1": line1, "line2": line2, "sessions": (s1, s2, s3, s4)}


def test_participation_by_hand(fixed):
    data = figures.participation(2025)
    assert data["active_organisations"] == 5
    # Overall {A, B, D} of 5 active = 60%; X is inactive and does not count.
    assert (data["overall"].organisations, data["overall"].percentage) == (3, 60.0)
    assert data["overall"].meets_target
    lines = {row.label: row for row in data["per_line"]}
    assert (lines["Lijn 1"].organisations, lines["Lijn 1"].percentage) == (2, 40.0)
    assert lines["Lijn 1"].meets_target  # exactly 40% meets the target
    assert (lines["Lijn 2"].organisations, lines["Lijn 2"].percentage) == (1, 20.0)
    assert not lines["Lijn 2"].meets_target
    tracks = {row.label: row.organisations for row in data["per_track"]}
    assert tracks == {"Practitioner": 3, "Leadership": 1}


def test_satisfaction_by_hand(fixed):
    s1, s2, s3, _s4 = fixed["sessions"]
    data = figures.satisfaction(2025)
    sessions = {row.detail["session"].pk: row for row in data["per_session"]}
    assert (sessions[s1.pk].responses, sessions[s1.pk].average) == (2, 3.0)  # (4+2)/2
    assert sessions[s1.pk].below_target
    assert (sessions[s2.pk].responses, sessions[s2.pk].average) == (1, 5.0)
    assert (sessions[s3.pk].responses, sessions[s3.pk].average) == (2, 4.0)  # (3+5)/2
    assert not sessions[s3.pk].below_target
    assert sessions[s1.pk].detail["attended"] == 2
    lines = {row.label: row for row in data["per_line"]}
    assert (lines["Lijn 1"].responses, lines["Lijn 1"].average) == (3, 3.67)  # 11/3
    assert (lines["Lijn 2"].responses, lines["Lijn 2"].average) == (2, 4.0)
    tracks = {row.label: row for row in data["per_track"]}
    assert (tracks["Practitioner"].responses, tracks["Practitioner"].average) == (4, 3.5)
    assert not tracks["Practitioner"].below_target  # 3.5 meets the target
    assert (data["overall"].responses, data["overall"].average) == (5, 3.8)  # 19/5


def test_monthly_activity_by_hand(fixed):
    months = {m["month"]: m for m in figures.monthly_activity(2025)}
    assert months[3] == {"month": 3, "sessions": 2, "registrations": 4, "attended": 3}
    assert months[6] == {"month": 6, "sessions": 1, "registrations": 2, "attended": 2}
    assert sum(m["sessions"] for m in months.values()) == 3


def test_figures_view_permissions_and_csv(client, fixed, editor, outsider):
    from django.contrib.auth.models import Permission

    client.force_login(outsider)  # no admin access: Wagtail sends them to its login
    response = client.get("/admin/learninglines/figures/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    # Admin access without the right to read evaluations: sent back to the dashboard,
    # which has no menu item for the figures.
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client.get("/admin/learninglines/figures/", follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert response.status_code == 200
    assert "/admin/learninglines/figures/" not in response.content.decode()
    client.force_login(editor)
    response = client.get("/admin/learninglines/figures/", {"year": "2025"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and "Lijn 1" in body
    for table in ("participation", "satisfaction", "monthly"):
        csv = client.get("/admin/learninglines/figures/", {"year": "2025", "export": table})
        assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    text = client.get("/admin/learninglines/figures/",
                      {"year": "2025", "export": "participation"}).content.decode("utf-8-sig")
    assert "Lijn 2;1;5;20,0" in text  # Dutch Excel: semicolons, decimal comma
    assert client.get("/admin/learninglines/figures/", {"year": "x"}).status_code == 200
    assert client.get("/admin/learninglines/figures/", {"export": "nope"}).status_code == 404


def test_session_registrations_admin_bulk_attendance_and_csv(client, fixed, editor):
    s1 = fixed["sessions"][0]
    url = f"/admin/learninglines/sessions/{s1.pk}/registrations/"
    client.force_login(editor)
    assert client.get(url).status_code == 200
    no_show = Registration.objects.get(session=s1, status=Status.REGISTERED)
    client.post(url, {"action": "attended", "registration": [no_show.pk]})
    no_show.refresh_from_db()
    assert no_show.status == Status.ATTENDED
    client.post(url, {"action": "attended", "registration": ["abc"]})
    csv = client.get(url, {"export": "csv"})
    assert csv.status_code == 200 and no_show.user.email in csv.content.decode("utf-8-sig")


def test_demo_figures_match_hand_calculation(demo):
    """load_demo gives real numbers, some above and some below target (see demo.py)."""
    data = figures.participation(2026)
    assert data["active_organisations"] == 9
    lines = {row.label: row.organisations for row in data["per_line"]}
    # Digital Readiness: Digitaal Dorp, Waterbron, Gezond Samen, Aarde & Recht,
    # Kinderkansen (Open Ruimte is inactive) = 5/9; Equitable Partnerships: Lokaal
    # Leiderschap, Vrouwen voor Verandering, Waterbron, Vrede Nu = 4/9; Future-ready:
    # Vrede Nu, Lokaal Leiderschap = 2/9 (below 40%).
    assert lines == {"Digital Readiness": 5, "Equitable Partnerships": 4,
                     "Future-ready International Cooperation": 2}
    satisfaction = figures.satisfaction(2026)
    flags = [row.below_target for row in satisfaction["per_session"] if row.responses]
    assert any(flags) and not all(flags)
    assert SessionPage.objects.filter(track="leadership").count() >= 6
