"""Outgoing e-mail: render in the recipient's language, store, then send with retries.

Callers use :func:`queue_email` (or :func:`queue_templated_email`) inside their own
transaction; the message is sent after commit by a django-tasks task. Sending never
raises into the caller: a failure is logged, counted and retried later by the task
``retry_due_emails`` / the command ``manage.py send_queued_emails``.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template import Context, engines
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from portal.email_layout import html_from_text
from portal.models import QueuedEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
STALE_SENDING_AFTER = timedelta(minutes=15)


def backoff(attempts):
    """Wait before the next try: 1, 2, 4 … minutes, at most six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def render_text(template_name, context):
    """A plain-text template (an e-mail's text part or subject) rendered without HTML
    escaping: "Aarde & Recht" stays "Aarde & Recht", not "Aarde &amp; Recht". Never use
    the result in HTML."""
    template = engines["django"].engine.get_template(template_name)
    return template.render(Context(context or {}, autoescape=False))


def render_subject(template_name, context):
    """The subject line: plain text on one line."""
    return " ".join(render_text(template_name, context).split())


def recipient_language(user):
    """The language a person chose for e-mails and the portal (``preferred_language`` on
    the user), or the site's default when there is none or it is not offered."""
    language = getattr(user, "preferred_language", "") or ""
    if language not in dict(settings.LANGUAGES):
        return settings.LANGUAGE_CODE
    return language


def render_email(template_base, context, language):
    """(subject, text, html) from ``<base>_subject.txt``, ``<base>.txt`` and ``<base>.html``
    rendered in ``language``. The HTML part is optional; subject and text are plain text
    (not escaped), the HTML part is escaped as usual."""
    with translation.override(language):
        subject = render_subject(f"{template_base}_subject.txt", context)
        text = render_text(f"{template_base}.txt", context)
        try:
            html = render_to_string(f"{template_base}.html", context)
        except Exception as error:  # a missing HTML template only means: text only
            if error.__class__.__name__ != "TemplateDoesNotExist":
                raise
            html = ""
    return subject, text, html


def queue_email(to, subject, text, html="", *, headers=None, attachments=None, category="",
                dedupe_key=None):
    """Store one e-mail and send it after the surrounding transaction commits.

    With a ``dedupe_key`` that was queued before, nothing new is stored and the existing
    record is returned, so repeating a job never sends twice. Without ``html`` the HTML
    part is made from the text in the e-mail layout (portal/email_layout.py).
    """
    if not html:
        html = html_from_text(subject, text)
    encoded = [
        {"filename": name, "mimetype": mimetype,
         "content": base64.b64encode(content if isinstance(content, bytes)
                                     else content.encode()).decode()}
        for name, content, mimetype in (attachments or [])
    ]
    if dedupe_key:
        existing = QueuedEmail.objects.filter(dedupe_key=dedupe_key).first()
        if existing:
            return existing
    try:
        with transaction.atomic():
            email = QueuedEmail.objects.create(
                to=to, subject=subject[:255], body_text=text, body_html=html,
                headers=headers or {}, attachments=encoded, category=category,
                dedupe_key=dedupe_key, next_attempt_at=timezone.now(),
            )
    except IntegrityError:
        # Queued concurrently under the same key: that one wins.
        return QueuedEmail.objects.get(dedupe_key=dedupe_key)
    transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def queue_templated_email(to, template_base, context, language=None, **kwargs):
    """Render ``template_base`` in ``language`` (the recipient's: see
    :func:`recipient_language`; links in ``context`` should point into that language's
    site: portal.links.absolute_reverse / page_url_in) and queue it."""
    language = language or settings.LANGUAGE_CODE
    subject, text, html = render_email(template_base, context, language)
    return queue_email(to, subject, text, html, **kwargs)


def _enqueue(email_id):
    try:
        send_email_task.enqueue(email_id)
    except Exception:  # the task backend being down must not break the caller
        logger.exception("Could not enqueue e-mail %s; it stays queued for retry", email_id)


def send_queued_email(email_id):
    """Send one queued e-mail if it is due. Returns the final status."""
    now = timezone.now()
    # Claim the row: only one worker moves it from PENDING to SENDING.
    claimed = QueuedEmail.objects.filter(
        pk=email_id, status=QueuedEmail.Status.PENDING
    ).update(status=QueuedEmail.Status.SENDING, next_attempt_at=now)
    if not claimed:
        return QueuedEmail.objects.filter(pk=email_id).values_list("status", flat=True).first()
    email = QueuedEmail.objects.get(pk=email_id)
    message = EmailMultiAlternatives(
        subject=email.subject, body=email.body_text, from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to], headers=email.headers or None,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], base64.b64decode(attachment["content"]),
                       attachment["mimetype"])
    try:
        message.send(fail_silently=False)
    except Exception as error:  # any transport failure: count it and retry later
        attempts = email.attempts + 1
        status = QueuedEmail.Status.FAILED if attempts >= MAX_ATTEMPTS \
            else QueuedEmail.Status.PENDING
        QueuedEmail.objects.filter(pk=email.pk).update(
            status=status, attempts=attempts, last_error=f"{type(error).__name__}: {error}"[:2000],
            next_attempt_at=now + backoff(attempts),
        )
        logger.warning("Sending e-mail %s to %s failed (attempt %s): %s", email.pk, email.to,
                       attempts, error)
        return status
    QueuedEmail.objects.filter(pk=email.pk).update(
        status=QueuedEmail.Status.SENT, attempts=email.attempts + 1, sent_at=timezone.now(),
        last_error="",
    )
    return QueuedEmail.Status.SENT


def retry_due_emails(limit=500):
    """Send every queued e-mail whose next attempt is due; release stale claims first.

    Returns the number of e-mails tried."""
    now = timezone.now()
    # A worker that crashed mid-send leaves SENDING behind: give those another go.
    QueuedEmail.objects.filter(
        status=QueuedEmail.Status.SENDING, next_attempt_at__lt=now - STALE_SENDING_AFTER
    ).update(status=QueuedEmail.Status.PENDING)
    due = list(
        QueuedEmail.objects.filter(status=QueuedEmail.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    for email_id in due:
        send_queued_email(email_id)
    return len(due)


@task()
def send_email_task(email_id):
    return send_queued_email(email_id)


@task()
def retry_due_emails_task():
    return retry_due_emails()
