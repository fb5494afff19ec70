"""The year-plan dashboard: every 2026 target with its figure from the data, checked
against the hand calculation in conftest.py; the admin changes a target; who may see it."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.learninglines.test_figures_page import SVG_NUMBER, admin_in, parse
from yearplan import selectors
from yearplan.models import Target, YearPlan

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/yearplan/dashboard/"

# (measure key, subject) -> (figure, status) by hand (conftest.py)
BY_HAND = {
    ("learninglines.participation", ""): (40.0, "met"),
    ("yearplan.assembly_attendance", ""): (60.0, "met"),
    ("learninglines.session_satisfaction", ""): (3.5, "met"),
    ("memberhub.impact_stories", ""): (3, "behind"),      # 3 < 20 x 336/365 = 18.41
    ("yearplan.campaign_organisations", ""): (2, "behind"),
    ("memberhub.event_participants", "integriteitsbijeenkomst-2026"): (34, "met"),
    ("memberhub.event_participants", "wereldburgerschap-2026"): (46, "behind"),
    ("memberhub.event_evaluation", "top-2026"): (7.8, "met"),
}


def rows_by_key(rows):
    return {(row.target.measure_key, row.target.subject, row.target.period): row
            for row in rows}


def test_every_2026_target_is_seeded_and_computed_by_hand(year_data):
    plan, rows = selectors.dashboard(2026)
    assert plan.year == 2026 and len(rows) == 12
    found = {(row.target.measure_key, row.target.subject): row for row in rows
             if row.target.period != "per_month"}
    for key, (figure, status) in BY_HAND.items():
        row = found[key]
        assert float(row.figure) == pytest.approx(figure), key
        assert row.status == status, key
    mailings = rows_by_key(rows)
    per_year = mailings[("mailings.member_mailings", "", "year")]
    assert per_year.figure == 2 and per_year.status == "behind"
    assert per_year.expected == pytest.approx(10 * 336 / 365, abs=0.01)
    per_month = mailings[("mailings.member_mailings", "", "per_month")]
    assert per_month.figure == 2 and per_month.status == "behind"  # 2 of 11 months
    assert [m["figure"] for m in per_month.months] == [1, 1] + [0] * 10
    # the shared services desk (another app) had no questions: none served
    assert float(found[("servicedesk.organisations_served", "")].figure) == 0
    # half-year review of the evaluations: the one session was in the first half
    satisfaction = found[("learninglines.session_satisfaction", "")]
    assert [h["figure"] for h in satisfaction.review] == ["1/1", None]


def test_the_services_desk_figures_show_on_the_dashboard(year_data):
    """The services desk is another app: it gives its figures through the measures hook."""
    from servicedesk.models import Question
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Vraagsteller")
    question = Question.objects.create(organisation=organisation, category="hr",
                                       subject="Vraag", text="?")
    asked = datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC)  # a Monday
    Question.objects.filter(pk=question.pk).update(
        created_at=asked, answered_at=asked + datetime.timedelta(days=1), status="answered")
    found = {row.target.measure_key: row for row in selectors.dashboard(2026)[1]}
    assert float(found["servicedesk.organisations_served"].figure) == 1
    assert float(found["servicedesk.answered_within_5_days"].figure) == 100


def test_the_dashboard_page_shows_every_target_with_its_figure(client, year_data, editor):
    client.force_login(editor)
    html = client.get(DASHBOARD, {"year": "2026"}).content.decode()
    rows = re.findall(r'<tr data-measure="([^"]+)">.*?class="yp-figure">([^<]*)</td>', html,
                      re.S)
    assert len(rows) == 12
    figures = dict((key, value) for key, value in rows)
    assert figures["learninglines.participation"] in ("40", "40.0")
    assert figures["yearplan.assembly_attendance"] in ("60", "60.0")
    assert figures["memberhub.impact_stories"] == "3"


def _formset_data(plan, **changes):
    targets = list(plan.targets.order_by("sort_order", "pk"))
    data = {"year": str(plan.year), "notes": plan.notes,
            "targets-TOTAL_FORMS": str(len(targets)),
            "targets-INITIAL_FORMS": str(len(targets)),
            "targets-MIN_NUM_FORMS": "0", "targets-MAX_NUM_FORMS": "1000"}
    for index, target in enumerate(targets):
        prefix = f"targets-{index}-"
        data.update({prefix + "id": str(target.pk), prefix + "ORDER": str(index + 1),
                     prefix + "DELETE": "", prefix + "measure_key": target.measure_key,
                     prefix + "subject": target.subject,
                     prefix + "threshold": str(target.threshold),
                     prefix + "period": target.period, prefix + "label": target.label})
        data.update(changes.get(target.measure_key, {}) if target.period != "per_month"
                    else {})
    return data


def _changes(key, **fields):
    keys = list(YearPlan.objects.get(year=2026).targets.order_by("sort_order", "pk")
                .values_list("measure_key", flat=True))
    index = keys.index(key)
    return {key: {f"targets-{index}-{name}": value for name, value in fields.items()}}


def test_changing_a_target_in_the_admin_changes_the_dashboard(client, year_data, editor):
    client.force_login(editor)
    plan = YearPlan.objects.get(year=2026)
    url = reverse("yearplan_plan:edit", args=[plan.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _formset_data(plan, **_changes(
        "memberhub.impact_stories", threshold="3")))
    assert response.status_code == 302
    assert Target.objects.get(plan=plan, measure_key="memberhub.impact_stories"
                              ).threshold == Decimal("3")
    found = {row.target.measure_key: row for row in selectors.dashboard(2026)[1]}
    assert found["memberhub.impact_stories"].status == "met"


@pytest.mark.parametrize("threshold, unit_message", [
    ("-5", "negative"), ("120", "between 0 and 100")])
def test_an_impossible_threshold_is_refused_and_nothing_saved(client, year_data, editor,
                                                              threshold, unit_message):
    admin_in("en", editor, client)
    plan = YearPlan.objects.get(year=2026)
    response = client.post(reverse("yearplan_plan:edit", args=[plan.pk]), _formset_data(
        plan, **_changes("learninglines.participation", threshold=threshold)))
    assert response.status_code == 200
    assert unit_message in response.content.decode()
    assert Target.objects.get(plan=plan, measure_key="learninglines.participation"
                              ).threshold == Decimal("40")


def test_a_count_threshold_is_whole_and_a_score_within_its_scale(year_data):
    from yearplan.selectors import target_errors

    plan = YearPlan.objects.get(year=2026)
    assert "threshold" in target_errors(Target(plan=plan, measure_key="memberhub.impact_stories",
                                               threshold=Decimal("2.5")))
    assert "threshold" in target_errors(Target(
        plan=plan, measure_key="memberhub.event_evaluation", threshold=11,
        period="per_event", subject="top-2026"))
    assert "subject" in target_errors(Target(
        plan=plan, measure_key="memberhub.event_evaluation", threshold=7,
        period="per_event", subject="no-such-event"))
    assert target_errors(Target(plan=plan, measure_key="nobody.knows", threshold=1))


@pytest.mark.parametrize("role, allowed", [("editor", True), ("board", True),
                                           ("member", False), ("visitor", False)])
def test_who_sees_the_dashboard(client, year_data, editor, board, role, allowed):
    user = {"editor": editor, "board": board, "member": year_data["people"]["A"],
            "visitor": None}[role]
    if user is not None:
        client.force_login(user)
    response = client.get(DASHBOARD, {"year": "2026"})
    if allowed:
        assert response.status_code == 200
        assert "yearplan.assembly_attendance" in response.content.decode()
    else:
        assert response.status_code in (302, 403)
        assert "yearplan.assembly_attendance" not in response.content.decode()
    export = client.get(DASHBOARD, {"year": "2026", "export": "targets", "format": "csv"})
    assert (export.status_code == 200) is allowed


def test_the_dutch_admin_draws_svg_numbers_without_decimal_commas(client, year_data,
                                                                  editor):
    admin_in("nl", editor, client)
    response = client.get(DASHBOARD, {"year": "2026"})
    assert 'lang="nl"' in response.content.decode()
    parser = parse(response)
    assert len(parser.found) > 100
    bad = [(tag, name, value) for tag, name, value in parser.found
           if not all(SVG_NUMBER.match(part) for part in value.split())]
    assert bad == []
    assert any("." in value for _tag, _name, value in parser.found)  # decimals drawn


def test_downloads_open_in_a_dutch_excel(client, year_data, editor):
    admin_in("nl", editor, client)
    csv = client.get(DASHBOARD, {"year": "2026", "export": "targets", "format": "csv"})
    text = b"".join(csv.streaming_content).decode() if csv.streaming else \
        csv.content.decode()
    assert text.startswith("\ufeff") and ";" in text
    assert "3,5" in text  # the satisfaction figure with a Dutch decimal comma
    xlsx = client.get(DASHBOARD, {"year": "2026", "export": "review", "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd")
    assert client.get(DASHBOARD, {"export": "nonsense"}).status_code == 404


def _more_data(year_data, count):
    from tests.factories import MembershipFactory, OrganisationFactory
    from yearplan.models import ActionSignup, AssemblyRegistration, CampaignAction

    action = CampaignAction.objects.get(title="Actiedag")
    for number in range(count):
        organisation = OrganisationFactory(name=f"Extra {number}")
        user = MembershipFactory(organisation=organisation).user
        AssemblyRegistration.objects.create(assembly=year_data["assembly"], user=user,
                                            organisation=organisation)
        ActionSignup.objects.create(action=action, organisation=organisation)


@pytest.mark.parametrize("extra", [0, 40])
def test_the_dashboard_runs_a_fixed_number_of_queries(client, year_data, editor, extra,
                                                      django_assert_max_num_queries):
    _more_data(year_data, extra)
    client.force_login(editor)
    with django_assert_max_num_queries(450):
        assert client.get(DASHBOARD, {"year": "2026"}).status_code == 200
