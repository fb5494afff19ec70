"""An organisation's rounds, answers and results: only its own members see them, through
any path; nothing reaches visitors, search, the sitemap, the API or feeds; answers are
part of the data export and go with the account (the closed result stays)."""

import json

import pytest
from django.urls import reverse

from assessments.models import Answer, DimensionResult, Response, Round
from portal.privacy import delete_account
from tests.assessments.conftest import questions

pytestmark = pytest.mark.django_db

SECRET = "Vraag A"  # a question text: on the answer page only


@pytest.fixture
def answered_round(client, site_structure, scan, version, member, organisation):
    client.force_login(member)
    client.post(reverse("assessments:start", args=[scan.slug]),
                {"organisation": organisation.pk})
    round_ = Round.objects.get()
    for number, item in enumerate(questions(version), start=1):
        client.post(reverse("assessments:answer", args=[round_.pk, number]),
                    {f"q-{q.key}": str(q.choices[-1][0]) for q in item.questions})
    client.post(reverse("assessments:submit", args=[round_.pk]))
    client.logout()
    return round_


def round_urls(round_):
    return [reverse("assessments:round", args=[round_.pk]),
            reverse("assessments:answer", args=[round_.pk, 1]),
            reverse("assessments:results", args=[round_.pk])]


def test_only_members_of_the_organisation_see_its_round(client, answered_round, member,
                                                        colleague, member_b, editor,
                                                        superuser, outsider):
    for url in round_urls(answered_round):
        response = client.get(url)  # visitor: to the login page, nothing shown
        assert response.status_code == 302 and "/accounts/login/" in response.url
        for person in (member_b, editor, outsider):
            client.force_login(person)
            assert client.get(url).status_code == 404, (person, url)
        client.force_login(colleague)
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        client.logout()
    # Nor can anyone else act on it.
    client.force_login(member_b)
    for name in ("submit", "complete"):
        assert client.post(reverse(f"assessments:{name}", args=[answered_round.pk])
                           ).status_code == 404
    answered_round.refresh_from_db()
    assert answered_round.is_open
    # The overview of member B lists nothing of organisation A.
    html = client.get(reverse("assessments:index")).content.decode()
    assert reverse("assessments:round", args=[answered_round.pk]) not in html
    assert answered_round.organisation.name not in html


def test_nothing_reaches_search_sitemap_api_or_feeds(client, answered_round, organisation):
    for url in ("/zoeken/?q=Testscan", "/zoeken/?q=Vraag", "/sitemap.xml", "/api/v2/pages/",
                "/api/v2/pages/?search=Testscan", "/kennisbank/feed/", "/agenda.ics"):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        body = response.content.decode()
        assert SECRET not in body and "/mijn/scans/ronde/" not in body, url
    assert client.get("/mijn/scans/").status_code == 302


def test_answers_are_in_the_export_and_go_with_the_account(client, answered_round, member,
                                                           colleague):
    client.force_login(member)
    response = client.get(reverse("my_data") + "?download=1")
    data = json.loads(response.content)
    exported = data["self_scan_answers"]
    assert exported[0]["organisation"] == answered_round.organisation.name
    assert {row["question"] for row in exported[0]["answers"]} >= {"Vraag A", "Vraag D"}
    client.force_login(colleague)
    assert json.loads(client.get(reverse("my_data") + "?download=1").content)[
        "self_scan_answers"] == []
    # A closed round keeps its combined result when the respondent's account goes.
    client.force_login(member)
    client.post(reverse("assessments:complete", args=[answered_round.pk]))
    scores = list(DimensionResult.objects.values_list("dimension_key", "score"))
    delete_account(member)
    assert not Response.objects.exists() and not Answer.objects.exists()
    assert list(DimensionResult.objects.values_list("dimension_key", "score")) == scores
    answered_round.refresh_from_db()
    assert answered_round.respondents == 1 and answered_round.total_score is not None


def test_the_mijn_panel_shows_own_open_rounds_only(client, answered_round, colleague, member_b):
    client.force_login(colleague)
    assert reverse("assessments:round", args=[answered_round.pk]) in client.get(
        "/mijn/").content.decode()
    client.force_login(member_b)
    assert "/mijn/scans/ronde/" not in client.get("/mijn/").content.decode()


def test_settings_only_for_the_organisations_admin(client, site_structure, organisation,
                                                   member, org_admin):
    url = reverse("assessments:settings", args=[organisation.slug])
    client.force_login(member)
    assert client.get(url).status_code == 404
    assert client.post(url, {"benchmark_opt_out": "on"}).status_code == 404
    client.force_login(org_admin)
    assert client.get(url).status_code == 200
    client.post(url, {"benchmark_opt_out": "on"})
    assert organisation.scan_settings.benchmark_opt_out
