"""Actions on sessions, registrations, working groups and evaluations.

Every action checks its own rules and either succeeds completely or raises
:class:`LearningLineError` with a translated message, leaving the database unchanged
(each runs in one transaction). Capacity and duplicates are protected by locking the
session row (``SELECT … FOR UPDATE``) and by the unique constraint (session, user).
"""

import logging

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from learninglines import permissions
from learninglines.models import (
    Evaluation,
    Registration,
    SessionPage,
    WorkingGroupMembership,
)
from learninglines.selectors.registrations import (
    EVALUATION_MAX_AGE,
    EVALUATION_SALT,
    evaluation_invitations_due,
    evaluation_path,
    places_taken,
)
from learninglines.selectors.sessions import (
    canonical_session,
    registration_closed_reason,
    session_ics,
)
from portal.links import absolute_reverse, absolute_url, page_in_language
from portal.mail import queue_templated_email, recipient_language

logger = logging.getLogger(__name__)

Status = Registration.Status


class LearningLineError(Exception):
    """A rule was not met; ``message`` is translated and safe to show."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- helpers ----------------------------------------------------------------------------


def _lock_session(session):
    """Lock the session row for the rest of the transaction (no-op on SQLite, whose
    writes are serialised anyway) and return a fresh copy."""
    return SessionPage.objects.select_for_update(of=("self",)).get(pk=session.pk)


def _email_context(registration, language, **extra):
    """What the registration e-mails show, in ``language``: the session's translation
    (title, address) when there is one, and links into that language's site."""
    session = page_in_language(registration.session, language)
    context = {
        "registration": registration,
        "session": session,
        "user": registration.user,
        "session_url": absolute_url(session.url or ""),
        "mijn_url": absolute_reverse("memberhub:mijn", language),
    }
    context.update(extra)
    return context


def _send_registration_email(registration, template):
    user = registration.user
    language = recipient_language(user)
    attachments = None
    if registration.status == Status.REGISTERED:
        session = page_in_language(registration.session, language)
        with translation.override(language):
            attachments = [(f"{session.slug}.ics", session_ics(session, registration),
                            "text/calendar")]
    queue_templated_email(
        user.email, f"learninglines/email/{template}", _email_context(registration, language),
        language=language, attachments=attachments, category="learninglines",
    )


# --- registration -----------------------------------------------------------------------


def check_organisation(user, organisation):
    """Raise unless ``user`` may take part on behalf of ``organisation``."""
    reason = permissions.take_part_refusal(user, organisation)
    if reason:
        raise LearningLineError(reason)


@transaction.atomic
def register(*, session, user, organisation, actor):
    """Register ``user`` for ``session`` on behalf of ``organisation``.

    ``actor`` is who asks: members only ever register themselves. Returns the
    registration, REGISTERED or, when the session is full, WAITLISTED.
    """
    if actor is None or not actor.is_authenticated:
        raise LearningLineError(_("Log in to register."))
    if not permissions.acts_for_self(actor, user.pk):
        raise LearningLineError(_("You can only register yourself, not someone else."))
    session = canonical_session(session)
    check_organisation(user, organisation)
    session = _lock_session(session)
    reason = registration_closed_reason(session)
    if reason:
        raise LearningLineError(reason)

    existing = Registration.objects.filter(session=session, user=user).first()
    if existing and existing.status == Status.REGISTERED:
        raise LearningLineError(_("You are already registered for this session."))
    if existing and existing.status == Status.WAITLISTED:
        raise LearningLineError(_("You are already on the waiting list for this session."))
    if existing and existing.status == Status.ATTENDED:
        raise LearningLineError(_("You already attended this session."))

    full = session.capacity is not None and places_taken(session) >= session.capacity
    status = Status.WAITLISTED if full else Status.REGISTERED
    now = timezone.now()
    if existing:  # re-registering after cancelling: the same row, at the back of the line
        existing.status = status
        existing.organisation = organisation
        existing.queued_at = now
        existing.cancelled_at = None
        existing.save(update_fields=["status", "organisation", "queued_at", "cancelled_at",
                                     "updated_at"])
        registration = existing
    else:
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    session=session, user=user, organisation=organisation, status=status,
                    queued_at=now,
                )
        except IntegrityError as error:
            raise LearningLineError(
                _("You are already registered for this session.")) from error
    registration.session = session
    _send_registration_email(
        registration, "registration_confirmed" if status == Status.REGISTERED else "waitlisted"
    )
    return registration


@transaction.atomic
def cancel(*, registration, actor):
    """Cancel one's own registration (or waiting-list place) until the session starts.
    A freed place goes to the first person on the waiting list."""
    if not permissions.acts_for_self(actor, registration.user_id):
        raise LearningLineError(_("You can only cancel your own registration."))
    session = _lock_session(registration.session)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status not in (Status.REGISTERED, Status.WAITLISTED):
        raise LearningLineError(_("You have no registration for this session to cancel."))
    if session.start <= timezone.now():
        raise LearningLineError(_("This session has already started; you can no longer "
                                  "cancel."))
    had_place = registration.status == Status.REGISTERED
    registration.status = Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    registration.session = session
    _send_registration_email(registration, "cancelled")
    promoted = promote_waitlisted(session) if had_place else []
    return registration, promoted


@transaction.atomic
def promote_waitlisted(session):
    """Give free places to the waiting list, first come first served, with an e-mail each.
    Returns the promoted registrations. Does nothing once the session has started."""
    session = _lock_session(session)
    if session.start <= timezone.now():
        return []
    waiting = Registration.objects.filter(session=session, status=Status.WAITLISTED).order_by(
        "queued_at", "id").select_related("user")
    if session.capacity is None:
        free = None
    else:
        free = session.capacity - places_taken(session)
        if free <= 0:
            return []
    promoted = []
    for registration in waiting[:free] if free is not None else waiting:
        registration.status = Status.REGISTERED
        registration.save(update_fields=["status", "updated_at"])
        registration.session = session
        _send_registration_email(registration, "promoted")
        promoted.append(registration)
    return promoted


@transaction.atomic
def set_attendance(*, session, registration_ids, attended, actor):
    """Mark registrations of one session as attended (or back to registered), in bulk.
    For editors; only once the session has started. Returns the number changed."""
    if not permissions.can_record_attendance(actor):
        raise LearningLineError(_("You may not record attendance."))
    session = _lock_session(session)
    if session.start > timezone.now():
        raise LearningLineError(_("Attendance can be recorded once the session has started."))
    try:
        ids = {int(pk) for pk in registration_ids}
    except (TypeError, ValueError) as error:
        raise LearningLineError(_("Select registrations from the list.")) from error
    if not ids:
        raise LearningLineError(_("Select at least one registration."))
    rows = Registration.objects.filter(session=session, pk__in=ids)
    if rows.count() != len(ids):
        raise LearningLineError(_("Some of the selected registrations do not belong to this "
                                  "session."))
    if attended:
        return rows.exclude(status=Status.ATTENDED).update(status=Status.ATTENDED,
                                                           updated_at=timezone.now())
    if rows.filter(evaluation__isnull=False).exists():
        raise LearningLineError(_("Some selected people have already evaluated the session; "
                                  "their attendance cannot be undone."))
    return rows.filter(status=Status.ATTENDED).update(status=Status.REGISTERED,
                                                      updated_at=timezone.now())


# --- evaluation -------------------------------------------------------------------------


def registration_for_token(token):
    """The registration a personal evaluation link is for, or an error for a forged,
    damaged or expired link."""
    try:
        data = signing.loads(token, salt=EVALUATION_SALT,
                             max_age=EVALUATION_MAX_AGE.total_seconds())
    except signing.SignatureExpired as error:
        raise LearningLineError(_("This evaluation link has expired.")) from error
    except signing.BadSignature as error:
        raise LearningLineError(_("This evaluation link is not valid. Use the link from your "
                                  "e-mail, or open your portal page.")) from error
    registration = Registration.objects.select_related("session", "user").filter(
        pk=data.get("r"), user_id=data.get("u")).first() if isinstance(data, dict) else None
    if registration is None:
        raise LearningLineError(_("This evaluation link is not valid. Use the link from your "
                                  "e-mail, or open your portal page."))
    return registration


@transaction.atomic
def submit_evaluation(*, registration, score, comment=""):
    """Store the one evaluation of an attended registration."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    reason = permissions.evaluation_refusal(registration)
    if reason:
        raise LearningLineError(reason)
    try:
        score = int(score)
    except (TypeError, ValueError) as error:
        raise LearningLineError(_("Choose a score from 1 to 5.")) from error
    if not 1 <= score <= 5:
        raise LearningLineError(_("Choose a score from 1 to 5."))
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise LearningLineError(_("Keep your comment under 2000 characters."))
    try:
        with transaction.atomic():
            return Evaluation.objects.create(registration=registration, score=score,
                                             comment=comment)
    except IntegrityError as error:
        raise LearningLineError(_("You have already evaluated this session. Thank you!")) \
            from error


def send_evaluation_invitations(now=None):
    """Invite every attendee of a recently ended session to evaluate it, once per
    registration (the e-mail's dedupe key makes a repeated run send nothing new).
    Returns the number of invitations queued."""
    sent = 0
    for registration in evaluation_invitations_due(now):
        with transaction.atomic():
            user = registration.user
            language = recipient_language(user)
            queue_templated_email(
                user.email, "learninglines/email/evaluation_invitation",
                _email_context(registration, language,
                               evaluation_url=absolute_url(evaluation_path(registration))),
                language=language, category="learninglines",
                dedupe_key=f"learninglines-evaluation-{registration.pk}",
            )
            Registration.objects.filter(pk=registration.pk).update(
                evaluation_invited_at=timezone.now())
        sent += 1
    return sent


# --- working groups ---------------------------------------------------------------------


@transaction.atomic
def join_working_group(*, group, user, organisation, show_name, actor):
    if not permissions.acts_for_self(actor, user.pk):
        raise LearningLineError(_("You can only join a working group yourself."))
    if not group.live or not group.open_for_joining:
        raise LearningLineError(_("This working group is not open for joining."))
    check_organisation(user, organisation)
    membership, created = WorkingGroupMembership.objects.get_or_create(
        group=group, user=user,
        defaults={"organisation": organisation, "show_name": bool(show_name)},
    )
    if not created:
        membership.organisation = organisation
        membership.show_name = bool(show_name)
        membership.save(update_fields=["organisation", "show_name"])
    return membership, created


@transaction.atomic
def leave_working_group(*, group, user, actor):
    if not permissions.acts_for_self(actor, user.pk):
        raise LearningLineError(_("You can only leave a working group yourself."))
    deleted, _details = WorkingGroupMembership.objects.filter(group=group, user=user).delete()
    if not deleted:
        raise LearningLineError(_("You are not in this working group."))
    return True
