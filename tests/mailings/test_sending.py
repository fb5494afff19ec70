"""Sending a member mailing: once per member, through a failing mail server and a crash."""

import re
from collections import Counter
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from mailings import selectors, sending, services
from mailings.models import Mailing
from portal.mail import queue_email, retry_due_emails
from portal.models import QueuedEmail

from .factories import bulk_members, make_mailing, make_news, organisation, subscribe


def retry_until_done(rounds=20):
    """What the periodic retry task does, with every waiting e-mail made due at once."""
    for _round in range(rounds):
        pending = QueuedEmail.objects.filter(status=QueuedEmail.Status.PENDING)
        if not pending.exists():
            return
        pending.update(next_attempt_at=timezone.now())
        retry_due_emails(limit=5000)
    raise AssertionError("e-mails still waiting after all retries")


@pytest.mark.django_db
def test_thousand_members_each_get_the_mailing_once_despite_failures_and_a_crash(
        site_structure, monkeypatch, django_capture_on_commit_callbacks):
    active = organisation("Groot Lid")
    inactive = organisation("Gestopt Lid", active=False)
    members = bulk_members(1000, active)
    outsiders = bulk_members(5, inactive, prefix="gestopt")
    news = make_news(site_structure, "Nieuws voor iedereen")
    mailing = make_mailing(items=[news])

    # The mail server: down for a stretch of the run, and dropping every 7th message.
    real_send = EmailMultiAlternatives.send
    calls = {"n": 0}

    def flaky_send(self, fail_silently=False):
        calls["n"] += 1
        if 200 <= calls["n"] < 450 or (calls["n"] < 1000 and calls["n"] % 7 == 0):
            raise SMTPServerDisconnected("mail server down")
        return real_send(self, fail_silently)

    monkeypatch.setattr(EmailMultiAlternatives, "send", flaky_send)

    # The worker crashes while queueing the fourth batch …
    real_queue = sending.queue_email
    queued = {"n": 0}

    def crashing_queue(*args, **kwargs):
        queued["n"] += 1
        if queued["n"] == 650:
            raise RuntimeError("worker killed")
        return real_queue(*args, **kwargs)

    monkeypatch.setattr(sending, "queue_email", crashing_queue)
    with django_capture_on_commit_callbacks(execute=True):
        mailing = sending.start_sending(mailing, user=None)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENDING
    assert mailing.recipient_count == 1000
    assert QueuedEmail.objects.filter(category=mailing.category).count() == 600

    # … and is restarted (manage.py send_mailings); nobody is queued twice.
    monkeypatch.setattr(sending, "queue_email", real_queue)
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.resume_unfinished_mailings() == 1
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT and mailing.sent_at is not None
    assert QueuedEmail.objects.filter(category=mailing.category).count() == 1000
    assert QueuedEmail.objects.filter(status=QueuedEmail.Status.PENDING).count() > 200

    # The server comes back: the retries deliver the rest.
    monkeypatch.setattr(EmailMultiAlternatives, "send", real_send)
    retry_until_done()
    # Running the send again changes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.SENDING)
        sending.send_mailing(mailing.pk)
    retry_until_done()

    per_address = Counter(message.to[0] for message in mail.outbox)
    assert set(per_address) == {member.email for member in members}
    assert set(per_address.values()) == {1}
    assert not {user.email for user in outsiders} & set(per_address)
    progress = selectors.mailing_progress(mailing)
    assert progress["sent"] == 1000 and progress["queued"] == 1000


@pytest.mark.django_db
def test_mailing_reaches_only_subscribed_members_with_a_valid_address(
        site_structure, member, org_admin, former_member, outsider,
        django_capture_on_commit_callbacks):
    subscribe(org_admin, member_mailing=False)
    services.mark_invalid(member.email, "550 mailbox unavailable")
    mailing = make_mailing()
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(mailing, user=None)
    assert mail.outbox == []
    assert QueuedEmail.objects.count() == 0
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT and mailing.recipient_count == 0


@pytest.mark.django_db
def test_marking_an_address_invalid_skips_what_is_still_waiting(member):
    email = queue_email(member.email, "S", "T", category="mailing-1")
    assert services.mark_invalid(member.email.upper(), "bounced") == 1
    email.refresh_from_db()
    assert email.status == QueuedEmail.Status.SKIPPED
    assert retry_due_emails() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_member_only_items_only_for_those_who_may_see_them(
        site_structure, member, django_capture_on_commit_callbacks):
    from memberhub.models import Membership
    from tests.factories import UserFactory

    public = make_news(site_structure, "Openbaar bericht")
    secret = make_news(site_structure, "Besloten bericht", members_only=True)
    # A member whose Members group was not (yet) given: no member-only content for them.
    lagging = UserFactory()
    Membership.objects.bulk_create([Membership(user=lagging,
                                               organisation=member.memberships.get().organisation)])
    mailing = make_mailing(items=[public, secret])
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(mailing, user=None)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Besloten bericht" in by_address[member.email].body
    assert "Openbaar bericht" in by_address[lagging.email].body
    assert "Besloten bericht" not in by_address[lagging.email].body
    assert "Besloten bericht" not in by_address[lagging.email].alternatives[0][0]


@pytest.mark.django_db
def test_email_quality_parts_headers_links_and_language(
        site_structure, member, english_member, django_capture_on_commit_callbacks):
    news = make_news(site_structure, "Nieuws")
    mailing = make_mailing(items=[news], intro='<p>Zie <a href="/kennisbank/">de kennisbank</a>'
                                               ' &amp; meer.</p>')
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(mailing, user=None)
    by_address = {message.to[0]: message for message in mail.outbox}
    message = by_address[member.email]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert html.count("<h1") == 1 and "<h2" in html
    assert "<img" not in html and "<script" not in html.lower()
    assert 'lang="nl"' in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs and all(href.startswith("http://testserver/") for href in hrefs)
    assert "http://testserver/kennisbank/" in hrefs
    assert "&amp;" not in message.body and "de kennisbank (http://testserver/kennisbank/)" \
        in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert one_click.startswith("http://testserver/mijn/abonnementen/afmelden/")
    assert "/mijn/abonnementen/afmelden/" in message.body

    english = by_address[english_member.email]
    english_html = english.alternatives[0][0]
    assert 'lang="en"' in english_html
    assert "http://testserver/en/mijn/abonnementen/" in english_html
    assert "Unsubscribe with one click" in english_html
    assert "Afmelden met één klik" in html


@pytest.mark.django_db
def test_sent_mailing_cannot_be_sent_or_changed_again(member, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    mailing = make_mailing()
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(mailing, user=None)
    mailing.refresh_from_db()
    with pytest.raises(ValidationError):
        sending.start_sending(mailing, user=None)
    mailing.subject = "Anders"
    with pytest.raises(ValidationError):
        mailing.clean()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_mailing_without_introduction_is_refused(member):
    from django.core.exceptions import ValidationError

    mailing = make_mailing(intro="<p> </p>")
    with pytest.raises(ValidationError):
        sending.start_sending(mailing, user=None)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT
