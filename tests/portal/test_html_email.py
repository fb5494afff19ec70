"""Every e-mail the portal sends has an HTML part in the site's look beside the text part
(issue 18, item 7): one layout (portal/email/layout.html), accessible (lang, a heading,
links that say where they go), with no remote images, fonts, styles or scripts."""

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation

from portal.mail import queue_email, render_email
from portal.models import QueuedEmail

ROOT = Path(__file__).resolve().parents[2]
EMAIL_DIRS = ("email", "emails")


def email_template_bases():
    """Every e-mail kind: each ``<base>_subject.txt`` under an email(s) template folder."""
    bases = []
    for subject in sorted(ROOT.glob("*/templates/**/*_subject.txt")):
        if subject.parent.name not in EMAIL_DIRS or ".venv" in subject.parts:
            continue
        app = subject.relative_to(ROOT).parts[0]
        relative = subject.relative_to(ROOT / app / "templates")
        bases.append(str(relative)[: -len("_subject.txt")])
    return bases


def assert_html_part(html, language):
    assert html.strip(), "empty HTML part"
    assert f'<html lang="{language}">' in html
    assert re.search(r"<h1[ >]", html), "no heading"
    lowered = html.lower()
    for remote in ("<img", "<link", "<script", "@import", "url(", "@font-face", "<iframe"):
        assert remote not in lowered, f"{remote} in the HTML part"
    assert not re.search(r"""\bsrc=["']?https?://""", lowered)
    for vague in (">here<", ">hier<", "click here", "klik hier"):
        assert vague not in lowered


def sample_context():
    start = timezone.make_aware(datetime.datetime(2026, 5, 12, 14, 0))
    organisation = SimpleNamespace(name="Aarde & Recht")
    user = SimpleNamespace(first_name="Sam", email="sam@example.org")
    session = SimpleNamespace(title="AI & ethiek", start=start,
                              end=start + datetime.timedelta(hours=2),
                              timezone="Europe/Amsterdam", location="Utrecht",
                              online_link="https://meet.example.org/ai")
    return {
        "user": user, "session": session, "organisation": organisation,
        "registration": SimpleNamespace(organisation=organisation),
        "page": SimpleNamespace(title="Nieuw rapport"), "question": SimpleNamespace(
            subject="Contract <partner>"), "comment": "Graag korter.",
        "invitation": SimpleNamespace(expires_at=start), "inviter": "Kim",
        "has_account": False, "submitter": "Kim",
        "url": "https://portaal.example.org/mijn/",
        "session_url": "https://portaal.example.org/s/", "mijn_url": "https://p.example.org/m",
        "evaluation_url": "https://portaal.example.org/evaluatie/x/",
        "home_url": "https://portaal.example.org/", "site_name": "Ledenportaal",
        "unsubscribe_url": "https://portaal.example.org/u/", "preferences_url": "/p/",
        "items": [], "blocks": [], "intro": "", "subject": "Onderwerp",
    }


BASES = email_template_bases()


def test_the_e_mail_kinds_are_found():
    assert {"learninglines/email/evaluation_invitation", "mailings/emails/digest",
            "memberhub/emails/invitation", "servicedesk/emails/answered"} <= set(BASES)


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_e_mail_template_has_an_html_part_in_the_layout(base, language):
    subject, text, html = render_email(base, sample_context(), language)
    assert subject and text.strip()
    assert_html_part(html, language)
    # Text of the context is escaped in HTML, never markup.
    assert "<partner>" not in html


def test_the_html_part_is_in_the_recipients_language():
    _subject, _text, dutch = render_email("servicedesk/emails/answered", sample_context(), "nl")
    _subject, _text, english = render_email("servicedesk/emails/answered", sample_context(),
                                            "en")
    assert "Read the answer on My portal" in english
    assert "Read the answer on My portal" not in dutch


@pytest.mark.django_db
def test_text_only_e_mails_get_an_html_part_from_the_same_content():
    with translation.override("nl"):
        email = queue_email("a@example.org", "Over <jou>", "Eerste alinea & meer.\n\n"
                            "Lees verder: https://portaal.example.org/mijn/")
    email = QueuedEmail.objects.get(pk=email.pk)
    assert_html_part(email.body_html, "nl")
    assert "Eerste alinea &amp; meer." in email.body_html
    assert "Over &lt;jou&gt;" in email.body_html
    assert 'href="https://portaal.example.org/mijn/"' in email.body_html


@pytest.mark.django_db
def test_the_password_reset_e_mail_has_an_html_part(client, member):
    """Through the outbox, in the language the person chose, with the reset link."""
    from memberhub.profiles import set_preferred_language
    from portal.models import QueuedEmail

    set_preferred_language(member, "en")
    client.post("/accounts/password-reset/", {"email": member.email})
    html = QueuedEmail.objects.get(to=member.email).body_html
    assert_html_part(html, "en")
    assert "/en/accounts/reset/" in html and "Choose a new password" in html


def test_the_layout_is_one_template():
    """Every HTML e-mail template extends the one layout (directly or through the
    mailings layout, which extends it)."""
    for base in BASES:
        html_files = list(ROOT.glob(f"*/templates/{base}.html"))
        assert html_files, f"{base}.html is missing"
        first_line = html_files[0].read_text().splitlines()[0]
        assert first_line in ('{% extends "portal/email/layout.html" %}',
                              '{% extends "mailings/emails/layout.html" %}'), base
