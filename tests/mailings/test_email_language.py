"""The mailing, the weekly digest and the immediate notification in the language the
person chose on the subscriptions page (the one choice for every e-mail), with the
item's translation and links into that language's site."""

import re

import pytest
from django.core import mail
from wagtail.models import Locale

from mailings import digests, sending
from portal.site_structure import ensure_translation
from tests.factories import MembershipFactory

from .factories import make_knowledge, make_mailing

pytestmark = pytest.mark.django_db

TEXTS = {
    "nl": {"footer": "Afmelden met één klik", "title": "Nederlandse titel",
           "digest": "Deze week: 1 nieuw item dat je volgt", "new": "Nieuw: Nederlandse titel"},
    "en": {"footer": "Unsubscribe with one click", "title": "English title",
           "digest": "This week: 1 new item you follow", "new": "New: English title"},
}
OTHER = {"nl": "en", "en": "nl"}


def choose_on_the_subscriptions_page(client, user, language, line, frequency):
    client.force_login(user)
    data = {"member_mailing": "yes", "political_monitor": "never", "language": language,
            "track_practitioner": "never", "track_leadership": "never"}
    data.update({field: "never" for field in _line_fields(client)})
    data[f"line_{line.pk}"] = frequency
    assert client.post("/mijn/abonnementen/", data).status_code == 302
    client.logout()


def _line_fields(client):
    html = client.get("/mijn/abonnementen/").content.decode()
    return set(re.findall(r'name="((?:line|theme)_\d+)"', html))


def portal_links(body):
    return re.findall(r"http://testserver(/\S*)", body)


def assert_language(message, language):
    texts, other = TEXTS[language], TEXTS[OTHER[language]]
    assert texts["footer"] in message.body and other["footer"] not in message.body
    html = message.alternatives[0][0]
    assert f'lang="{language}"' in html
    links = portal_links(message.body)
    assert links
    for link in links:
        assert link.startswith("/en/") == (language == "en"), link


@pytest.fixture
def bilingual_item(site_structure, lines):
    def make():
        item = make_knowledge(site_structure, "Nederlandse titel", lines=[lines["dr"]])
        ensure_translation(item, Locale.objects.get(language_code="en"),
                           {"title": "English title"})
        return item
    return make


@pytest.mark.parametrize("language", ["nl", "en"])
def test_weekly_digest(client, lines, organisation, bilingual_item, language,
                       django_capture_on_commit_callbacks):
    user = MembershipFactory(organisation=organisation).user
    choose_on_the_subscriptions_page(client, user, language, lines["dr"], "weekly")
    bilingual_item()
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.send_digests() == 1
    (message,) = mail.outbox
    assert message.subject == TEXTS[language]["digest"]
    assert f"* {TEXTS[language]['title']}" in message.body
    assert f"* {TEXTS[OTHER[language]]['title']}" not in message.body
    assert_language(message, language)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_immediate_notification(client, lines, organisation, bilingual_item, language,
                                django_capture_on_commit_callbacks):
    user = MembershipFactory(organisation=organisation).user
    choose_on_the_subscriptions_page(client, user, language, lines["dr"], "immediately")
    item = bilingual_item()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        digests.notify_published(item.pk)
    messages = [message for message in mail.outbox if message.to == [user.email]]
    assert [message.subject for message in messages] == [TEXTS[language]["new"]]
    assert_language(messages[0], language)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_member_mailing(client, lines, organisation, language,
                        django_capture_on_commit_callbacks):
    user = MembershipFactory(organisation=organisation).user
    choose_on_the_subscriptions_page(client, user, language, lines["dr"], "never")
    mailing = make_mailing(subject="Ledenmailing", language="nl")
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(mailing, user=None)
    (message,) = [message for message in mail.outbox if message.to == [user.email]]
    assert_language(message, language)


def test_a_mailing_only_for_its_language_reaches_who_chose_it(
        client, lines, organisation, django_capture_on_commit_callbacks):
    dutch, english = (MembershipFactory(organisation=organisation).user for _ in range(2))
    choose_on_the_subscriptions_page(client, english, "en", lines["dr"], "never")
    mailing = make_mailing(subject="Member mailing", language="en", only_this_language=True)
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(mailing, user=None)
    assert [message.to for message in mail.outbox] == [[english.email]]
