"""Personal data in the learning lines: export, erasure and the retention period.

Registrations are kept without the person once they are anonymised, so participation and
satisfaction figures stay right; working-group participation is removed.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from learninglines.models import Evaluation, Registration, WorkingGroupMembership


def export(user):
    registrations = Registration.objects.filter(user=user).select_related("session",
                                                                          "organisation")
    evaluations = Evaluation.objects.filter(registration__user=user).select_related(
        "registration__session")
    groups = WorkingGroupMembership.objects.filter(user=user).select_related("group",
                                                                            "organisation")
    return {
        "session_registrations": [
            {"session": r.session.title, "start": r.session.start.isoformat(),
             "organisation": r.organisation.name, "status": r.status,
             "registered_at": r.created_at.isoformat()}
            for r in registrations
        ],
        "evaluations": [
            {"session": e.registration.session.title, "score": e.score, "comment": e.comment}
            for e in evaluations
        ],
        "working_groups": [
            {"group": m.group.title, "organisation": m.organisation.name,
             "name_shown": m.show_name}
            for m in groups
        ],
    }


@transaction.atomic
def erase(user):
    """Before the account is deleted: keep attendance and scores, without the person."""
    Evaluation.objects.filter(registration__user=user).update(comment="")
    Registration.objects.filter(user=user).update(user=None)
    WorkingGroupMembership.objects.filter(user=user).delete()


def retention_cutoff(now=None):
    days = getattr(settings, "REGISTRATION_RETENTION_DAYS", 730)
    return (now or timezone.now()) - timedelta(days=days)


@transaction.atomic
def anonymise_old_registrations(now=None):
    """Anonymise registrations of sessions that ended before the retention period.
    Returns how many were anonymised."""
    return Registration.objects.filter(
        user__isnull=False, session__end__lt=retention_cutoff(now)
    ).update(user=None)
