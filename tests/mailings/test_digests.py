"""Digests and immediate notifications: exactly the items matching follows and
visibility, each item once per person."""

import pytest
from django.core import mail

from mailings import digests, services
from mailings.models import DeliveredItem

from .factories import (
    backdate,
    make_knowledge,
    make_news,
    make_session,
    subscribe,
)


def titles_in(message):
    return message.body


@pytest.fixture
def catalogue(site_structure, lines, themes):
    dr, ep = lines["dr"], lines["ep"]
    items = {
        "public_dr": make_knowledge(site_structure, "Open AI-gids", lines=[dr]),
        "members_dr": make_knowledge(site_structure, "Besloten scan", lines=[dr],
                                     members_only=True),
        "session_dr": make_session(dr, "Sessie cyberveiligheid"),
        "members_session_dr": make_session(dr, "Besloten sessie", members_only=True),
        "news_climate": make_news(site_structure, "Klimaatnieuws", themes=[themes["climate"]]),
        "news_ep": make_news(site_structure, "Partnerschapsnieuws", lines=[ep]),
        "leadership": make_knowledge(site_structure, "Leiderschapsdialoog verslag",
                                     track="leadership"),
        "both_tracks": make_knowledge(site_structure, "Voor beide tracks", track="both"),
        "unrelated": make_news(site_structure, "Los bericht"),
        "old_dr": backdate(make_knowledge(site_structure, "Oude publicatie", lines=[dr]), 60),
        "monitor": make_knowledge(site_structure, "Politieke monitor week 12",
                                  kind="political_monitor", lines=[dr]),
    }
    return items


def digest_for(address):
    found = [message for message in mail.outbox if message.to == [address]]
    assert len(found) <= 1
    return found[0] if found else None


ALL_TITLES = ["Open AI-gids", "Besloten scan", "Sessie cyberveiligheid", "Besloten sessie",
              "Klimaatnieuws", "Partnerschapsnieuws", "Leiderschapsdialoog verslag",
              "Voor beide tracks", "Los bericht", "Oude publicatie",
              "Politieke monitor week 12"]


def assert_exactly(message, expected):
    html = message.alternatives[0][0]
    for title in ALL_TITLES:
        assert (title in message.body) == (title in expected), title
        assert (title in html) == (title in expected), title


@pytest.mark.django_db
def test_digest_holds_exactly_the_matching_visible_items(
        catalogue, lines, themes, member, former_member, outsider, org_admin,
        django_capture_on_commit_callbacks):
    subscribe(member, lines=[lines["dr"]], political_monitor="weekly")
    subscribe(former_member, lines=[lines["dr"]], political_monitor="weekly")
    subscribe(outsider, themes=[themes["climate"]], tracks=["leadership"])
    subscribe(org_admin, member_mailing=True)  # nothing weekly: no digest

    with django_capture_on_commit_callbacks(execute=True):
        assert digests.send_digests() == 3

    assert_exactly(digest_for(member.email),
                   {"Open AI-gids", "Besloten scan", "Sessie cyberveiligheid",
                    "Besloten sessie", "Politieke monitor week 12"})
    # No longer a member: public items of the line only, no monitor, no member-only items.
    assert_exactly(digest_for(former_member.email), {"Open AI-gids", "Sessie cyberveiligheid"})
    assert_exactly(digest_for(outsider.email),
                   {"Klimaatnieuws", "Leiderschapsdialoog verslag", "Voor beide tracks"})
    assert digest_for(org_admin.email) is None

    message = digest_for(member.email)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.subject == "Deze week: 5 nieuwe items die je volgt"


@pytest.mark.django_db
def test_each_item_reaches_a_person_once_across_digests(
        catalogue, site_structure, lines, member, django_capture_on_commit_callbacks):
    subscribe(member, lines=[lines["dr"]])
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.send_digests() == 1
        assert digests.send_digests() == 0  # nothing new: no second digest
    assert len(mail.outbox) == 1

    make_knowledge(site_structure, "Nieuwe AI-gids", lines=[lines["dr"]])
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.send_digests() == 1
    second = mail.outbox[1]
    assert "Nieuwe AI-gids" in second.body
    assert "Open AI-gids" not in second.body
    assert DeliveredItem.objects.filter(user=member).count() == 5


@pytest.mark.django_db
def test_no_digest_when_nothing_new(site_structure, lines, member):
    backdate(make_knowledge(site_structure, "Oud", lines=[lines["dr"]]), 30)
    subscribe(member, lines=[lines["dr"]])
    assert digests.send_digests() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_immediate_follow_notifies_once_and_the_digest_skips_it(
        site_structure, lines, themes, member, outsider, django_capture_on_commit_callbacks):
    subscribe(member, themes=[themes["climate"]], frequency="immediately")
    subscribe(outsider, themes=[themes["climate"]], frequency="weekly")
    with django_capture_on_commit_callbacks(execute=True):
        page = make_news(site_structure, "Klimaatnieuws", themes=[themes["climate"]])
        make_news(site_structure, "Ander nieuws")
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert mail.outbox[0].subject == "Nieuw: Klimaatnieuws"
    assert "Klimaatnieuws" in mail.outbox[0].alternatives[0][0]

    # Publishing again (an edit) does not notify again.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert len(mail.outbox) == 1

    # The weekly digest has it for the weekly follower only.
    subscribe(member, themes=[themes["climate"]], frequency="weekly")
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.send_digests() == 1
    assert mail.outbox[1].to == [outsider.email]


@pytest.mark.django_db
def test_political_monitor_immediately_only_to_current_members(
        site_structure, member, former_member, django_capture_on_commit_callbacks):
    subscribe(member, political_monitor="immediately")
    subscribe(former_member, political_monitor="immediately")
    with django_capture_on_commit_callbacks(execute=True):
        make_knowledge(site_structure, "Politieke monitor week 13", kind="political_monitor")
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert mail.outbox[0].subject == "Politieke monitor: Politieke monitor week 13"


@pytest.mark.django_db
def test_english_subscriber_gets_the_english_version(
        site_structure, lines, english_member, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    from portal.site_structure import ensure_translation

    subscribe(english_member, lines=[lines["dr"]], language="en")
    item = make_knowledge(site_structure, "Nederlandse titel", lines=[lines["dr"]])
    ensure_translation(item, Locale.objects.get(language_code="en"), {"title": "English title"})
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.send_digests() == 1
    message = mail.outbox[0]
    assert "* English title" in message.body and "* Nederlandse titel" not in message.body
    assert "http://testserver/en/kennisbank/" in message.body
    assert message.subject == "This week: 1 new item you follow"


@pytest.mark.django_db
def test_digest_skips_invalid_addresses(catalogue, lines, member):
    subscribe(member, lines=[lines["dr"]])
    services.mark_invalid(member.email, "bounced")
    assert digests.send_digests() == 0
