"""Atom feeds: valid, public content only, advertised on their section pages."""

import xml.etree.ElementTree as ET

import pytest

from .factories import make_impact_story, make_news, make_session

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    assert root.tag == f"{ATOM}feed"
    for name in ("title", "id", "updated"):
        assert root.find(f"{ATOM}{name}") is not None, name
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("title", "id", "updated", "link"):
            assert entry.find(f"{ATOM}{name}") is not None, name
    return [entry.find(f"{ATOM}title").text for entry in entries]


@pytest.mark.django_db
def test_news_feed_has_public_items_only(client, site_structure):
    make_news(site_structure, "Openbaar nieuws")
    make_news(site_structure, "Besloten nieuws", members_only=True)
    draft = make_news(site_structure, "Ingetrokken nieuws")
    draft.unpublish()
    assert parse(client.get("/nieuws/feed/")) == ["Openbaar nieuws"]


@pytest.mark.django_db
def test_feeds_stay_public_for_logged_in_members(client, site_structure, member):
    make_news(site_structure, "Besloten nieuws", members_only=True)
    client.force_login(member)
    assert parse(client.get("/nieuws/feed/")) == []


@pytest.mark.django_db
def test_impact_story_feed(client, site_structure):
    make_impact_story(site_structure, "Water in Turkana")
    make_impact_story(site_structure, "Besloten verhaal", members_only=True)
    assert parse(client.get("/impactverhalen/feed/")) == ["Water in Turkana"]


@pytest.mark.django_db
def test_agenda_feed(client, site_structure, lines):
    make_session(lines["dr"], "Open sessie")
    make_session(lines["dr"], "Besloten sessie", members_only=True)
    make_session(lines["dr"], "Voorbije sessie", days=-5)
    titles = parse(client.get("/agenda/feed/"))
    assert "Open sessie" in titles
    assert "Besloten sessie" not in titles and "Voorbije sessie" not in titles


@pytest.mark.django_db
def test_english_feed(client, site_structure):
    assert parse(client.get("/en/nieuws/feed/")) == []


@pytest.mark.django_db
@pytest.mark.parametrize("path, feed", [("/nieuws/", "/nieuws/feed/"),
                                        ("/impactverhalen/", "/impactverhalen/feed/"),
                                        ("/agenda/", "/agenda/feed/"),
                                        ("/en/nieuws/", "/en/nieuws/feed/"),
                                        ("/kennisbank/", "/kennisbank/feed/")])
def test_section_pages_link_their_feed_once(client, site_structure, path, feed):
    html = client.get(path).content.decode()
    link = '<link rel="alternate" type="application/atom+xml"'
    assert html.count(link) == 1
    assert f'href="{feed}"' in html


@pytest.mark.django_db
def test_cached_feeds_follow_publishing_and_unpublishing(client, site_structure, settings):
    """Visitors get feeds from the page cache like pages (portal/cache.py); an item
    published or withdrawn shows there at once (every path ending in /feed/ follows the
    content generation that each publish and unpublish bumps, portal/cache_invalidation.py)."""
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    make_news(site_structure, "Eerste bericht")
    assert parse(client.get("/nieuws/feed/")) == ["Eerste bericht"]
    assert parse(client.get("/impactverhalen/feed/")) == []
    assert client.get("/nieuws/feed/")["X-Page-Cache"] == "hit"
    assert client.get("/impactverhalen/feed/")["X-Page-Cache"] == "hit"

    second = make_news(site_structure, "Tweede bericht")
    make_impact_story(site_structure, "Water in Turkana")
    assert set(parse(client.get("/nieuws/feed/"))) == {"Eerste bericht", "Tweede bericht"}
    assert parse(client.get("/impactverhalen/feed/")) == ["Water in Turkana"]

    assert client.get("/nieuws/feed/")["X-Page-Cache"] == "hit"
    second.unpublish()
    assert parse(client.get("/nieuws/feed/")) == ["Eerste bericht"]
    cache.clear()


def override(language):
    from django.utils import translation

    return translation.override(language)


def translate(page, title):
    """The English translation of ``page`` (its parents too where they have none),
    published."""
    from wagtail.models import Locale

    from portal.site_structure import publish_page

    english = page.copy_for_translation(Locale.objects.get(language_code="en"),
                                        copy_parents=True).specific
    english.title = title
    english.save_revision()
    return publish_page(english).specific


def entries(response):
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    return sorted((entry.find(f"{ATOM}title").text,
                   entry.find(f"{ATOM}link").get("href").removeprefix("http://testserver"))
                  for entry in root.findall(f"{ATOM}entry"))


@pytest.mark.django_db
def test_english_feeds_give_english_titles_and_addresses(client, site_structure, lines):
    from .factories import make_knowledge

    translated = make_news(site_structure, "Nieuws in het Nederlands")
    english = translate(translated, "News in English")
    dutch_only = make_news(site_structure, "Alleen Nederlands")
    with override("nl"):
        dutch_paths = (dutch_only.url, translated.url)
    assert entries(client.get("/en/nieuws/feed/")) == [
        ("Alleen Nederlands", f"/en{dutch_paths[0]}"), ("News in English", english.url)]
    assert entries(client.get("/nieuws/feed/")) == [
        ("Alleen Nederlands", dutch_paths[0]), ("Nieuws in het Nederlands", dutch_paths[1])]

    session = make_session(lines["dr"], "Open sessie")
    english_session = translate(session, "Open session")
    assert ("Open session", english_session.url) in entries(client.get("/en/agenda/feed/"))
    assert "Open sessie" not in {title for title, _ in entries(client.get("/en/agenda/feed/"))}

    item = make_knowledge(site_structure, "Kennisstuk")
    english_item = translate(item, "Knowledge piece")
    found = entries(client.get(f"{english_item.get_parent().url}feed/"))
    assert found == [("Knowledge piece", english_item.url)]
    root = ET.fromstring(client.get("/en/kennisbank/feed/").content)  # noqa: S314
    assert root.find(f"{ATOM}title").text == "New in the knowledge base"


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["nieuws", "agenda", "kennisbank"])
def test_english_pages_link_the_english_feed(client, site_structure, slug):
    """Also where the English site shows the Dutch section (its translation withdrawn)."""
    from wagtail.models import Locale

    path = f"/en/{slug}/"
    assert f'href="{path}feed/"' in client.get(path).content.decode()
    section = site_structure["sections"][slug]
    section.get_translation(Locale.objects.get(language_code="en")).unpublish()
    html = client.get(path).content.decode()
    assert '<div lang="nl">' in html  # the fallback
    assert f'href="{path}feed/"' in html, path
