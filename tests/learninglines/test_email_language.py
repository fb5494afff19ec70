"""Every e-mail of the learning lines in the language the person chose: subject, body
and links into that language's site (the session's English page for English)."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from learninglines.models import Registration
from portal.models import QueuedEmail
from portal.site_structure import publish_page
from tests.factories import MembershipFactory
from tests.learninglines.factories import make_registration, make_session, move_to_past

pytestmark = pytest.mark.django_db

# Per language: words the e-mail must hold and words of the other language it must not.
WORDS = {
    "nl": {"greeting": "Beste", "not": "Dear"},
    "en": {"greeting": "Dear", "not": "Beste"},
}


@pytest.fixture
def bilingual_session(line):
    """A session with a published English translation under its own English title."""
    session = make_session(line, title="Netwerksessie AI", capacity=1)
    english = session.copy_for_translation(Locale.objects.get(language_code="en"),
                                           copy_parents=True)
    english.title = "Network session AI"
    english.save()
    publish_page(english)
    session.english = english.specific
    return session


def person(organisation, language):
    return MembershipFactory(organisation=organisation,
                             user__preferred_language=language).user


def email_to(user, subject_start):
    return QueuedEmail.objects.filter(to=user.email).order_by("pk").filter(
        subject__startswith=subject_start).get()


def assert_in_language(email, language, session, subject):
    title = "Network session AI" if language == "en" else "Netwerksessie AI"
    assert email.subject.startswith(subject) and title in email.subject, email.subject
    assert WORDS[language]["greeting"] in email.body_text
    assert WORDS[language]["not"] not in email.body_text
    links = re.findall(r"http://testserver(/\S*)", email.body_text)
    assert links, email.body_text
    for link in links:
        assert link.startswith("/en/") == (language == "en"), link


SUBJECTS = {
    "registered": {"nl": "Aangemeld:", "en": "Registered:"},
    "waitlisted": {"nl": "Wachtlijst:", "en": "Waiting list:"},
    "promoted": {"nl": "Er is plaats voor je:", "en": "A place for you:"},
    "cancelled": {"nl": "Afgemeld:", "en": "Cancelled:"},
    "evaluation": {"nl": "Hoe was", "en": "How was"},
}


def test_choosing_english_on_the_subscriptions_page_gives_an_english_confirmation(
        client, line, bilingual_session, organisation):
    """The bug of issue 15: the person chose English as the language of the e-mails and
    still got a Dutch session confirmation."""
    user = person(organisation, "nl")
    client.force_login(user)
    from portal.models import ThemeTag

    choices = {"member_mailing": "yes", "political_monitor": "never", "language": "en",
               "track_practitioner": "never", "track_leadership": "never",
               f"line_{line.pk}": "never"}
    choices.update({f"theme_{pk}": "never" for pk in ThemeTag.objects.values_list("pk",
                                                                                  flat=True)})
    response = client.post("/mijn/abonnementen/", choices)
    assert response.status_code == 302
    response = client.post(bilingual_session.url + "register/")
    assert response.status_code == 302
    email = email_to(user, "Registered:")
    assert email.subject == "Registered: Network session AI"
    assert_in_language(email, "en", bilingual_session, "Registered:")
    assert "http://testserver/en/" in email.body_text
    assert email.attachments[0]["filename"] == f"{bilingual_session.english.slug}.ics"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_registration_confirmed_and_waitlisted(client, bilingual_session, organisation,
                                               language):
    first, second = person(organisation, language), person(organisation, language)
    for user in (first, second):
        client.force_login(user)
        assert client.post(bilingual_session.url + "register/").status_code == 302
    assert_in_language(email_to(first, SUBJECTS["registered"][language]), language,
                       bilingual_session, SUBJECTS["registered"][language])
    assert_in_language(email_to(second, SUBJECTS["waitlisted"][language]), language,
                       bilingual_session, SUBJECTS["waitlisted"][language])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_cancelled_and_promoted(client, bilingual_session, organisation, language):
    first, second = person(organisation, "nl"), person(organisation, language)
    make_registration(bilingual_session, first, organisation)
    make_registration(bilingual_session, second, organisation,
                      status=Registration.Status.WAITLISTED)
    first.preferred_language = language
    first.save()
    client.force_login(first)
    assert client.post(bilingual_session.url + "cancel/").status_code == 302
    assert_in_language(email_to(first, SUBJECTS["cancelled"][language]), language,
                       bilingual_session, SUBJECTS["cancelled"][language])
    assert_in_language(email_to(second, SUBJECTS["promoted"][language]), language,
                       bilingual_session, SUBJECTS["promoted"][language])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_evaluation_invitation(client, bilingual_session, organisation, language):
    user = person(organisation, language)
    make_registration(bilingual_session, user, organisation,
                      status=Registration.Status.ATTENDED)
    move_to_past(bilingual_session)
    call_command("send_evaluation_invitations")
    email = email_to(user, SUBJECTS["evaluation"][language])
    assert_in_language(email, language, bilingual_session, SUBJECTS["evaluation"][language])
    link = re.search(r"http://testserver(/\S*evaluatie/\S+)", email.body_text).group(1)
    page = client.get(link)
    assert page.status_code == 200
    assert ('lang="en"' if language == "en" else 'lang="nl"') in page.content.decode()
