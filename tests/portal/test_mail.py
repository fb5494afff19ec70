from datetime import timedelta
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.utils import timezone

from portal.mail import queue_email, retry_due_emails, send_queued_email
from portal.models import QueuedEmail


@pytest.mark.django_db(transaction=True)
def test_queued_email_is_sent_after_commit():
    email = queue_email("a@example.org", "Onderwerp", "Tekst", "<p>Tekst</p>",
                        attachments=[("a.ics", "BEGIN:VCALENDAR", "text/calendar")])
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.SENT
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["a@example.org"]
    assert message.alternatives[0][1] == "text/html"
    assert message.attachments[0][0] == "a.ics"


@pytest.mark.django_db
def test_dedupe_key_prevents_double_queueing():
    first = queue_email("a@example.org", "S", "T", dedupe_key="mailing:1:user:1")
    second = queue_email("a@example.org", "S", "T", dedupe_key="mailing:1:user:1")
    assert first.pk == second.pk
    assert QueuedEmail.objects.count() == 1


@pytest.mark.django_db
def test_failed_send_is_kept_and_retried_later(monkeypatch):
    email = queue_email("a@example.org", "S", "T")

    def broken_send(self, fail_silently=False):
        raise SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken_send)
    assert send_queued_email(email.pk) == QueuedEmail.Status.PENDING
    email.refresh_from_db()
    assert email.attempts == 1 and "mail server down" in email.last_error
    assert email.next_attempt_at > timezone.now()

    monkeypatch.undo()
    assert retry_due_emails() == 0  # not due yet
    QueuedEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert retry_due_emails() == 1
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.SENT
    assert len(mail.outbox) == 1
    assert retry_due_emails() == 0
    assert len(mail.outbox) == 1, "never sent twice"


@pytest.mark.django_db
def test_stale_claim_from_crashed_worker_is_released():
    email = queue_email("a@example.org", "S", "T")
    QueuedEmail.objects.filter(pk=email.pk).update(
        status=QueuedEmail.Status.SENDING, next_attempt_at=timezone.now() - timedelta(hours=1)
    )
    assert retry_due_emails() == 1
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.SENT
