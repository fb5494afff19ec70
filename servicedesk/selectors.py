"""Reads of the shared services desk: a member's questions and the year-plan figures."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from servicedesk.models import Question
from servicedesk.permissions import organisations_asking_for
from servicedesk.workingdays import working_days_between

ANSWER_WITHIN_WORKING_DAYS = 5


def questions_of(user):
    """The questions of the user's organisations, newest first."""
    organisations = organisations_asking_for(user)
    return (Question.objects.filter(organisation__in=organisations)
            .select_related("organisation", "asked_by").order_by("-created_at"))


def _asked_in(start, end):
    """Questions asked on the days ``start`` to ``end`` inclusive (Dutch time)."""
    zone = timezone.get_default_timezone()
    return Question.objects.filter(
        created_at__gte=datetime.combine(start, time.min, tzinfo=zone),
        created_at__lt=datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone))


def share_answered_in_time(start, end, now=None):
    """Percentage of the questions asked from ``start`` to ``end`` (dates, inclusive)
    answered within 5 Dutch working days. Counted: answered questions, and open ones
    already past the 5 days (late whatever happens); open ones still in time wait.
    None when nothing counts yet. One query."""
    now = now or timezone.now()
    counted = in_time = 0
    for created, answered in _asked_in(start, end).values_list("created_at", "answered_at"):
        days = working_days_between(created, answered or now)
        if answered is None and days <= ANSWER_WITHIN_WORKING_DAYS:
            continue
        counted += 1
        in_time += answered is not None and days <= ANSWER_WITHIN_WORKING_DAYS
    return None if counted == 0 else round(100 * in_time / counted, 1)


def organisations_served(start, end):
    """The number of member organisations that asked at least one question. One query."""
    return (_asked_in(start, end).values("organisation").distinct().count())
