"""The year-plan figures of the services desk (portal.measures contract), against a hand
calculation: the share answered within 5 Dutch working days and the organisations served."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from portal.measures import COUNT, PERCENT, registered_measures
from servicedesk.models import Question
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
APRIL = (datetime.date(2026, 4, 1), datetime.date(2026, 4, 30))


def at(day, hour=10):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=AMS)


def ask(organisation, asked, answered=None):
    question = Question.objects.create(organisation=organisation, category="hr",
                                       subject="Vraag", text="?")
    Question.objects.filter(pk=question.pk).update(
        created_at=at(asked), answered_at=at(answered, 15) if answered else None,
        status="answered" if answered else "received")
    return question


@pytest.fixture
def april_questions(db):
    alfa, beta, gamma = (OrganisationFactory(name=name) for name in ("Alfa", "Beta", "Gamma"))
    D = datetime.date
    # Thu 23 Apr -> Fri 1 May: Koningsdag (Mon 27) skipped: 5 working days, in time.
    ask(alfa, D(2026, 4, 23), D(2026, 5, 1))
    # Wed 1 Apr -> Thu 9 Apr: Good Friday and Easter Monday skipped: 4, in time.
    ask(alfa, D(2026, 4, 1), D(2026, 4, 9))
    # Mon 13 Apr -> Tue 21 Apr: 6 working days, late.
    ask(beta, D(2026, 4, 13), D(2026, 4, 21))
    # Tue 14 Apr, still open on Mon 4 May: late whatever happens.
    ask(alfa, D(2026, 4, 14))
    # Wed 29 Apr, open on Mon 4 May after 3 working days: not counted yet.
    ask(alfa, D(2026, 4, 29))
    # Asked in March: outside the period.
    ask(gamma, D(2026, 3, 31), D(2026, 4, 1))
    return alfa, beta, gamma


def test_the_figures_match_a_hand_calculation(april_questions):
    measures = registered_measures()
    in_time = measures["servicedesk.answered_within_5_days"]
    served = measures["servicedesk.organisations_served"]
    assert (in_time.unit, served.unit) == (PERCENT, COUNT)
    with time_machine.travel(at(datetime.date(2026, 5, 4)), tick=False):
        # Counted: the two in time, the late one, the open late one: 2 of 4.
        assert in_time.figure(*APRIL) == 50.0
        assert served.figure(*APRIL) == 2  # Alfa and Beta; Gamma asked in March
        assert served.figure(datetime.date(2026, 3, 1), datetime.date(2026, 4, 30)) == 3
        assert in_time.figure(datetime.date(2026, 6, 1), datetime.date(2026, 6, 30)) is None


def test_the_figures_take_a_fixed_number_of_queries(django_assert_max_num_queries):
    measures = registered_measures()
    for size in (2, 30):
        organisation = OrganisationFactory()
        for number in range(size):
            ask(organisation, datetime.date(2026, 4, 1 + number % 28),
                datetime.date(2026, 4, 29))
        for key in ("servicedesk.answered_within_5_days", "servicedesk.organisations_served"):
            with django_assert_max_num_queries(1):
                measures[key].figure(*APRIL)
