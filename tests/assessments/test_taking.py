"""Members take a scan for their organisation through the URLs: start, answer per page,
resume, own answers only, complete; and the bad input of issue 16."""

import pytest
from django.urls import reverse

from assessments.models import Answer, DimensionResult, Response, Round, ScanVersion
from tests.assessments.conftest import questions

pytestmark = pytest.mark.django_db


def start(client, scan, organisation):
    return client.post(reverse("assessments:start", args=[scan.slug]),
                       {"organisation": organisation.pk})


def page_url(round_, number):
    return reverse("assessments:answer", args=[round_.pk, number])


def fill_all(client, round_, version, value="4"):
    definition = questions(version)
    for number, item in enumerate(definition, start=1):
        data = {}
        for question in item.questions:
            data[f"q-{question.key}"] = str(question.choices[0][0]) if question.kind != \
                "scale" else value
        assert client.post(page_url(round_, number), data).status_code == 302


def test_member_starts_answers_resumes_and_completes(client, site_structure, scan, version,
                                                    member, organisation):
    client.force_login(member)
    response = start(client, scan, organisation)
    round_ = Round.objects.get(organisation=organisation)
    assert response.url == reverse("assessments:round", args=[round_.pk])
    page = client.get(page_url(round_, 1))
    html = page.content.decode()
    assert "<fieldset" in html and "<legend>1. Vraag A</legend>" in html
    assert 'aria-describedby="id_q-' in html  # the explanation belongs to its group
    first = questions(version)[0].questions[0]
    client.post(page_url(round_, 1), {f"q-{first.key}": "5", "go": "next"})
    assert Answer.objects.get(question_key=first.key).value == 5
    # Resumable: the saved answer is checked when the page is opened again.
    html = client.get(page_url(round_, 1)).content.decode()
    assert f'value="5" name="q-{first.key}"' in html.replace(
        f'name="q-{first.key}" value="5"', f'value="5" name="q-{first.key}"') and "checked" in html
    fill_all(client, round_, version)
    client.post(reverse("assessments:submit", args=[round_.pk]))
    assert Response.objects.get(round=round_).submitted_at is not None
    response = client.post(reverse("assessments:complete", args=[round_.pk]))
    assert response.url == reverse("assessments:results", args=[round_.pk])
    round_.refresh_from_db()
    assert not round_.is_open and round_.respondents == 1
    results = {r.dimension_key: r.score for r in DimensionResult.objects.filter(round=round_)}
    # Block one: scale 4 -> 0.75, "yes" -> 1, lowest option -> 0: mean 58.3.
    assert results == {"een": 58.3, "twee": 75.0}
    html = client.get(reverse("assessments:results", args=[round_.pk])).content.decode()
    assert "58.3" in html or "58,3" in html


def test_a_respondent_sees_and_changes_only_their_own_answers(client, site_structure, scan,
                                                             version, member, colleague,
                                                             organisation):
    client.force_login(member)
    start(client, scan, organisation)
    round_ = Round.objects.get()
    first = questions(version)[0].questions[0]
    client.post(page_url(round_, 1), {f"q-{first.key}": "2"})
    client.force_login(colleague)
    html = client.get(page_url(round_, 1)).content.decode()
    assert "checked" not in html  # the colleague starts empty
    client.post(page_url(round_, 1), {f"q-{first.key}": "5"})
    mine = Answer.objects.get(response__respondent=member)
    theirs = Answer.objects.get(response__respondent=colleague)
    assert (mine.value, theirs.value) == (2, 5)
    # A respondent id in the form changes nothing: answers go to the signed-in person.
    client.post(page_url(round_, 1), {f"q-{first.key}": "1", "respondent": member.pk})
    mine.refresh_from_db()
    assert mine.value == 2


def test_out_of_range_value_is_an_error_on_the_field_and_nothing_is_saved(
        client, site_structure, scan, version, member, organisation):
    client.force_login(member)
    start(client, scan, organisation)
    round_ = Round.objects.get()
    first, second = questions(version)[0].questions[:2]
    response = client.post(page_url(round_, 1), {f"q-{first.key}": "9",
                                                 f"q-{second.key}": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_q-{first.key}_error"' in html
    assert f'{first.key}_error"' in html.split("<fieldset")[1].split(">")[0]
    assert not Answer.objects.exists()  # the valid answer beside it is not half-saved


def test_answers_to_a_question_of_another_version_are_refused(client, site_structure, scan,
                                                             version, member, organisation):
    from assessments.demo import make_scan
    from tests.assessments.conftest import SMALL_SCAN

    other = make_scan({**SMALL_SCAN, "slug": "andere"}).versions.get()
    foreign = questions(other)[0].questions[0]
    client.force_login(member)
    start(client, scan, organisation)
    round_ = Round.objects.get(scan=scan)
    own = questions(version)[0].questions[0]
    response = client.post(page_url(round_, 1), {f"q-{own.key}": "3",
                                                 f"q-{foreign.key}": "4"})
    assert response.status_code == 400
    assert "niet op deze pagina" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_closed_round_takes_no_answers(client, site_structure, scan, version, member,
                                         organisation):
    client.force_login(member)
    start(client, scan, organisation)
    round_ = Round.objects.get()
    fill_all(client, round_, version)
    client.post(reverse("assessments:submit", args=[round_.pk]))
    client.post(reverse("assessments:complete", args=[round_.pk]))
    before = list(Answer.objects.values_list("question_key", "value"))
    first = questions(version)[0].questions[0]
    response = client.post(page_url(round_, 1), {f"q-{first.key}": "1"}, follow=True)
    assert response.status_code == 200
    assert "Deze ronde is afgesloten" in response.content.decode()
    assert list(Answer.objects.values_list("question_key", "value")) == before
    response = client.post(reverse("assessments:complete", args=[round_.pk]), follow=True)
    assert response.status_code == 200 and DimensionResult.objects.count() == 2


def test_a_tampered_organisation_id_starts_nothing(client, site_structure, scan, member,
                                                   other_organisation):
    client.force_login(member)
    response = start(client, scan, other_organisation)
    assert response.status_code == 302
    assert not Round.objects.exists()
    response = client.post(reverse("assessments:start", args=[scan.slug]),
                           {"organisation": "abc"}, follow=True)
    assert response.status_code == 200 and not Round.objects.exists()
    assert "eigen organisaties" in response.content.decode()


def test_a_scan_without_questions_cannot_be_started(client, site_structure, scan, member,
                                                    organisation):
    empty = ScanVersion.objects.create(scan=scan, number=2)
    assert empty.dimensions.count() == 0
    client.force_login(member)
    response = start(client, scan, organisation)
    assert response.status_code == 302 and not Round.objects.exists()
    assert "nog geen vragen" in client.get(response.url).content.decode()


def test_completing_needs_a_complete_response(client, site_structure, scan, version, member,
                                              organisation):
    client.force_login(member)
    start(client, scan, organisation)
    round_ = Round.objects.get()
    response = client.post(reverse("assessments:submit", args=[round_.pk]), follow=True)
    assert response.status_code == 200
    response = client.post(reverse("assessments:complete", args=[round_.pk]), follow=True)
    assert response.status_code == 200
    round_.refresh_from_db()
    assert round_.is_open and not DimensionResult.objects.exists()


def test_unknown_page_number_and_round_are_404(client, site_structure, scan, member,
                                               organisation):
    client.force_login(member)
    start(client, scan, organisation)
    round_ = Round.objects.get()
    assert client.get(page_url(round_, 9)).status_code == 404
    assert client.get(reverse("assessments:round", args=[round_.pk + 100])).status_code == 404
