"""Reads about registrations and evaluations: waiting-list positions, the /mijn/ panel's
lists, the personal evaluation links and who is due an evaluation invitation."""

from collections import defaultdict
from datetime import timedelta

from django.core import signing
from django.db.models import Q
from django.utils import timezone, translation

from learninglines.models import Registration, SessionPage
from learninglines.permissions import administered_organisations
from learninglines.selectors.sessions import PLACE_TAKING, Status
from portal.mail import recipient_language
from portal.visibility import visible_pages

EVALUATION_SALT = "learninglines.evaluation"
# How long an evaluation link works, counted from when it was made.
EVALUATION_MAX_AGE = timedelta(days=60)
# Sessions that ended longer ago than this get no more invitations.
EVALUATION_WINDOW = timedelta(days=30)


def places_taken(session):
    return Registration.objects.filter(session=session, status__in=PLACE_TAKING).count()


def hasattr_evaluation(registration):
    try:
        return registration.evaluation is not None
    except Registration.evaluation.RelatedObjectDoesNotExist:
        return False


def waitlist_position_of(registration):
    """1 for the first person on the waiting list."""
    return Registration.objects.filter(
        session_id=registration.session_id, status=Status.WAITLISTED,
    ).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, id__lt=registration.id)
    ).count() + 1


def _positions(registrations):
    """{registration id: waiting-list position} for waitlisted registrations (one query)."""
    waiting = [r for r in registrations if r.status == Status.WAITLISTED]
    if not waiting:
        return {}
    rows = Registration.objects.filter(
        session_id__in={r.session_id for r in waiting}, status=Status.WAITLISTED,
    ).order_by("session_id", "queued_at", "id").values_list("id", "session_id")
    positions, seen = {}, defaultdict(int)
    for pk, session_id in rows:
        seen[session_id] += 1
        positions[pk] = seen[session_id]
    return positions


def upcoming_registrations(user):
    now = timezone.now()
    registrations = list(
        Registration.objects.filter(
            user=user, status__in=[Status.REGISTERED, Status.WAITLISTED], session__end__gte=now,
            session__in=visible_pages(user, SessionPage.objects.all()).values("pk"),
        ).select_related("session", "organisation").order_by("session__start")
    )
    positions = _positions(registrations)
    for registration in registrations:
        registration.waitlist_position = positions.get(registration.pk)
        registration.can_cancel = registration.session.start > now
    return registrations


def evaluation_token(registration):
    return signing.dumps({"r": registration.pk, "u": registration.user_id}, salt=EVALUATION_SALT)


def evaluation_path(registration):
    from django.urls import reverse

    with translation.override(recipient_language(registration.user)):
        return reverse("learninglines:evaluate", kwargs={"token": evaluation_token(registration)})


def evaluations_due(user):
    """Attended sessions that ended recently and that the user has not evaluated yet."""
    now = timezone.now()
    registrations = list(
        Registration.objects.filter(
            user=user, status=Status.ATTENDED, evaluation__isnull=True,
            session__end__lte=now, session__end__gte=now - EVALUATION_MAX_AGE,
        ).select_related("session", "user").order_by("-session__start")
    )
    for registration in registrations:
        registration.evaluation_url = evaluation_path(registration)
    return registrations


def organisation_registrations(user):
    """Upcoming registrations of the organisations this user is an admin of."""
    now = timezone.now()
    return list(
        Registration.objects.filter(
            organisation__in=administered_organisations(user),
            status__in=[Status.REGISTERED, Status.WAITLISTED], session__end__gte=now,
        ).select_related("session", "user", "organisation")
        .order_by("session__start", "organisation__name", "user__last_name")
    )


def evaluation_invitations_due(now=None):
    now = now or timezone.now()
    return (
        Registration.objects.filter(
            status=Status.ATTENDED, evaluation_invited_at__isnull=True, user__isnull=False,
            evaluation__isnull=True, session__end__lte=now,
            session__end__gte=now - EVALUATION_WINDOW,
        )
        .select_related("session", "user")
        .order_by("id")
    )


def mijn_panel_data(user):
    """The /mijn/ panel: own upcoming registrations, evaluations due, and the upcoming
    registrations of the organisations the user is an admin of."""
    return {
        "registrations": upcoming_registrations(user),
        "evaluations_due": evaluations_due(user),
        "organisation_registrations": organisation_registrations(user),
    }
