"""Sending a mailing: a test to the editor, then to every recipient in batches, each
person's e-mail once (a resumed or repeated run never sends a second copy)."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mailings import selectors
from mailings.models import Mailing
from mailings.rendering import MailingRenderer
from portal.mail import queue_email, recipient_language
from portal.text import plain_text

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
TEST_CATEGORY = "mailing-test"


def mailing_dedupe_key(mailing, user):
    return f"mailing:{mailing.pk}:user:{user.pk}"


def send_test(mailing, user):
    """Queue the mailing to the editor themself, marked as a test."""
    if not user.email:
        raise ValidationError(_("Your account has no e-mail address."))
    renderer = MailingRenderer(mailing)
    subject, text, html, headers = renderer.personal(user, mailing.language, test=True)
    return queue_email(user.email, _("[Test] %(subject)s") % {"subject": subject}, text, html,
                       headers=headers, category=TEST_CATEGORY)


def validate_ready(mailing):
    errors = []
    if not (mailing.subject or "").strip():
        errors.append(_("Give the mailing a subject."))
    if not plain_text(mailing.intro):
        errors.append(_("Write an introduction."))
    if errors:
        raise ValidationError(errors)


def start_sending(mailing, user):
    """Start (or resume) sending to every recipient. Safe to call twice: each person's
    e-mail has its own record, so a resumed send never sends anyone a second copy."""
    from mailings.tasks import send_mailing_task

    with transaction.atomic():
        locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
        if locked.status == Mailing.Status.SENT:
            raise ValidationError(_("This mailing has already been sent."))
        validate_ready(locked)
        if locked.status == Mailing.Status.DRAFT:
            locked.status = Mailing.Status.SENDING
            locked.send_started_at = timezone.now()
            locked.sent_by = user
            locked.recipient_count = selectors.mailing_recipients(locked).count()
            locked.save(update_fields=["status", "send_started_at", "sent_by",
                                       "recipient_count", "updated_at"])
    transaction.on_commit(lambda: _enqueue(send_mailing_task, locked.pk))
    return locked


def _enqueue(task, *args):
    try:
        task.enqueue(*args)
    except Exception:  # a task backend that is down must not break the editor's request
        logger.exception("Could not enqueue %s%s; run `manage.py send_mailings`", task, args)


def send_mailing(mailing_id, batch_size=BATCH_SIZE):
    """Queue the mailing for every recipient in batches, then mark it sent. Returns the
    number of e-mails queued in this run."""
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    if mailing is None or mailing.status != Mailing.Status.SENDING:
        return 0
    renderer = MailingRenderer(mailing)
    recipients = selectors.mailing_recipients(mailing).order_by("pk")
    last_id, queued = 0, 0
    while True:
        batch = list(recipients.filter(pk__gt=last_id)[:batch_size])
        if not batch:
            break
        queued += send_mailing_batch(mailing, batch, renderer)
        last_id = batch[-1].pk
    Mailing.objects.filter(pk=mailing.pk, status=Mailing.Status.SENDING).update(
        status=Mailing.Status.SENT, sent_at=timezone.now())
    return queued


def send_mailing_batch(mailing, users, renderer):
    from portal.models import QueuedEmail

    keys = {user.pk: mailing_dedupe_key(mailing, user) for user in users}
    with transaction.atomic():
        done = set(QueuedEmail.objects.filter(dedupe_key__in=keys.values())
                   .values_list("dedupe_key", flat=True))
        queued = 0
        for user in users:
            if keys[user.pk] in done:
                continue
            language = recipient_language(user)
            subject, text, html, headers = renderer.personal(user, language)
            queue_email(user.email, subject, text, html, headers=headers,
                        category=mailing.category, dedupe_key=keys[user.pk])
            queued += 1
    return queued


def resume_unfinished_mailings():
    """Continue every mailing whose sending started but did not finish (after a crash)."""
    count = 0
    for mailing_id in Mailing.objects.filter(status=Mailing.Status.SENDING) \
            .values_list("pk", flat=True):
        send_mailing(mailing_id)
        count += 1
    return count

