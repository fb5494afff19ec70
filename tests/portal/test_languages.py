"""Both languages at every address (portal/languages.py, portal/routing.py): the English
address of a Dutch page, the language switch, drafts, bad prefixes, links and markers."""

import re

import pytest
from django.utils import translation
from wagtail.models import Locale

from portal.models import StandardPage
from portal.site_structure import publish_page
from tests.memberhub.conftest import hub  # noqa: F401  (a fixture)

FALLBACK_NOTE = b"This page is only available in Dutch."


def add_page(parent, title, slug, intro="", live=True):
    page = StandardPage(title=title, slug=slug, intro=intro or f"Inleiding {title}")
    parent.add_child(instance=page)
    if live:
        publish_page(page)
    return page


def translate(page, title, live=True, slug=None):
    """The English translation of ``page`` (published or left a draft)."""
    english = Locale.objects.get(language_code="en")
    translated = page.copy_for_translation(english).specific
    translated.title = title
    translated.intro = f"Introduction {title}"
    if slug:
        translated.slug = slug
    if live:
        publish_page(translated)
    else:
        translated.save_revision()
    return translated


def lang_of_content(html):
    """The lang attributes on the page: <html> and the wrapper of the content, if any."""
    return re.findall(r'lang="([a-z]+)"', html)


@pytest.fixture
def dutch_only(site_structure):
    return add_page(site_structure["home"], "Alleen Nederlands", "alleen-nederlands",
                    intro="Deze tekst is er alleen in het Nederlands.")


@pytest.mark.django_db
def test_a_dutch_only_page_answers_under_its_english_address(client, dutch_only):
    response = client.get("/en/alleen-nederlands/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert FALLBACK_NOTE.decode() in html
    assert '<div lang="nl">' in html
    assert "Deze tekst is er alleen in het Nederlands." in html
    # The Dutch address shows the page as Dutch, without a note.
    dutch = client.get("/alleen-nederlands/")
    assert dutch.status_code == 200 and FALLBACK_NOTE not in dutch.content
    assert b'<div lang="nl">' not in dutch.content


@pytest.mark.django_db
def test_a_translated_page_answers_in_english_without_the_note(client, dutch_only):
    translate(dutch_only, "Only Dutch no more")
    response = client.get("/en/alleen-nederlands/")
    assert response.status_code == 200
    assert b"Only Dutch no more" in response.content
    assert FALLBACK_NOTE not in response.content


@pytest.mark.django_db
def test_a_draft_translation_is_never_shown(client, dutch_only):
    translate(dutch_only, "Secret English draft", live=False)
    response = client.get("/en/alleen-nederlands/")
    assert response.status_code == 200
    assert b"Secret English draft" not in response.content
    assert FALLBACK_NOTE in response.content
    assert b"Deze tekst is er alleen in het Nederlands." in response.content


@pytest.mark.django_db
def test_the_english_address_leads_to_a_translation_at_another_slug(client, dutch_only):
    translate(dutch_only, "Dutch only no more", slug="dutch-only")
    response = client.get("/en/alleen-nederlands/?x=1")
    assert response.status_code == 302
    assert response["Location"] == "/en/dutch-only/?x=1"
    assert b"Dutch only no more" in client.get("/en/dutch-only/").content


@pytest.mark.django_db
def test_a_fallback_page_below_a_dutch_only_parent(client, dutch_only):
    add_page(dutch_only, "Kind", "kind")
    response = client.get("/en/alleen-nederlands/kind/")
    assert response.status_code == 200 and FALLBACK_NOTE in response.content


@pytest.mark.django_db
def test_members_only_fallback_still_asks_to_log_in(client, dutch_only):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=dutch_only,
                                       restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en/alleen-nederlands/")
    assert response.status_code in (302, 403)
    assert b"Deze tekst is er alleen" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("path", [
    "/de/", "/de/nieuws/", "/fr/alleen-nederlands/", "/en-gb/", "/EN/", "/nl/nieuws/",
    "/en/bestaat-niet/", "/en/alleen-nederlands/bestaat-niet/", "/en/en/", "/xx-yy/",
])
def test_a_language_prefix_or_page_that_does_not_exist_is_a_clean_404(client, dutch_only,
                                                                       path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"<html" in response.content and b"</html>" in response.content


@pytest.mark.django_db
def test_a_post_to_a_fallback_address_reaches_the_page(client, dutch_only):
    # Wagtail answers a POST on a standard page as a GET would; the point is the router
    # finds the Dutch page for the English address with any method.
    response = client.post("/en/alleen-nederlands/")
    assert response.status_code in (200, 405)
    assert response.status_code != 404


def switch_links(html):
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]*)" lang="([a-z]+)"', nav))


def switch_url(html, code):
    links = {code: url for url, code in switch_links(html).items()}
    return links[code].replace("&amp;", "&")


@pytest.mark.django_db
def test_switch_from_a_fallback_page_leads_to_the_same_page_in_dutch(client, dutch_only):
    html = client.get("/en/alleen-nederlands/").content.decode()
    assert switch_url(html, "nl") == "/alleen-nederlands/"
    html = client.get("/alleen-nederlands/").content.decode()
    assert switch_url(html, "en") == "/en/alleen-nederlands/"


@pytest.mark.django_db
def test_switch_between_translations_keeps_the_page_and_query(client, dutch_only):
    translate(dutch_only, "Dutch only no more", slug="dutch-only")
    html = client.get("/alleen-nederlands/?q=water").content.decode()
    assert switch_url(html, "en") == "/en/dutch-only/?q=water"
    html = client.get("/en/dutch-only/").content.decode()
    assert switch_url(html, "nl") == "/alleen-nederlands/"


@pytest.mark.django_db
@pytest.mark.parametrize("path, english", [
    ("/zoeken/?q=water&type=knowledge", "/en/zoeken/?q=water&type=knowledge"),
    ("/agenda/?when=past", "/en/agenda/?when=past"),
    ("/accounts/login/", "/en/accounts/login/"),
])
def test_switch_on_views_and_sections_keeps_the_address(client, site_structure, path,
                                                        english):
    html = client.get(path).content.decode()
    assert switch_url(html, "en") == english
    html = client.get(english).content.decode()
    assert switch_url(html, "nl") == path


@pytest.mark.django_db
def test_links_on_an_english_page_stay_in_the_english_tree(client, site_structure,
                                                          dutch_only):
    """A Dutch page in the menu and in the breadcrumbs of its child, seen on the English
    site, is linked at its English address, marked as Dutch."""
    from portal.models import NavigationSettings

    child = add_page(dutch_only, "Kind", "kind")
    settings = NavigationSettings.for_site(site_structure["site"])
    settings.items = [("page", dutch_only)]
    settings.save()
    html = client.get("/en/alleen-nederlands/kind/").content.decode()
    hrefs = re.findall(r'href="(/[^"]*)"', html)
    assert "/en/alleen-nederlands/" in hrefs
    assert "/alleen-nederlands/" not in hrefs
    assert re.search(r'<a href="/en/alleen-nederlands/" lang="nl" hreflang="nl"', html)
    with translation.override("nl"):  # outside a request: the active language's address
        assert child.url == "/alleen-nederlands/kind/"
    with translation.override("en"):
        assert child.url == "/en/alleen-nederlands/kind/"


def sitemap_entries(client, url="/sitemap.xml"):
    """{loc: {hreflang: href}} of /sitemap.xml."""
    xml = client.get(url).content.decode()
    entries = {}
    for block in re.findall(r"<url>(.*?)</url>", xml, re.S):
        loc = re.search(r"<loc>(.*?)</loc>", block).group(1)
        entries[loc] = dict(re.findall(
            r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', block))
    return entries


@pytest.mark.django_db
def test_sitemap_lists_every_page_with_its_translation_or_fallback(client, dutch_only):
    translated = add_page(dutch_only.get_parent(), "Vertaald", "vertaald")
    translate(translated, "Translated", slug="translated")
    draft = add_page(dutch_only.get_parent(), "Met concept", "met-concept")
    translate(draft, "Draft only", live=False)
    entries = sitemap_entries(client)
    base = "http://localhost"  # the site's own host name
    assert entries[f"{base}/alleen-nederlands/"] == {
        "nl": f"{base}/alleen-nederlands/", "en": f"{base}/en/alleen-nederlands/",
        "x-default": f"{base}/alleen-nederlands/"}
    expected = {"nl": f"{base}/vertaald/", "en": f"{base}/en/translated/",
                "x-default": f"{base}/vertaald/"}
    assert entries[f"{base}/vertaald/"] == expected
    assert entries[f"{base}/en/translated/"] == expected
    # The draft is neither listed nor an alternate: the fallback stands in for it.
    assert entries[f"{base}/met-concept/"]["en"] == f"{base}/en/met-concept/"
    assert not any("Draft" in loc for loc in entries)
    # Every alternate answers.
    for alternates in entries.values():
        for href in alternates.values():
            assert client.get(href.removeprefix(base)).status_code == 200, href


@pytest.mark.django_db
def test_a_large_sitemap_becomes_an_index_of_its_pages(client, monkeypatch, dutch_only):
    from portal.sitemap import PortalSitemap

    whole = sitemap_entries(client)
    assert len(whole) > 10
    monkeypatch.setattr(PortalSitemap, "limit", 4)
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200 and "<sitemapindex" in xml and "<url>" not in xml
    pages = re.findall(r"<loc>(.*?)</loc>", xml)
    assert pages == [f"http://testserver/sitemap.xml?p={number}"
                     for number in range(1, len(pages) + 1)]
    assert len(pages) == -(-len(whole) // 4)
    # The pages together hold every address of the whole sitemap once, alternates and all.
    found = {}
    for page in pages:
        entries = sitemap_entries(client, page.removeprefix("http://testserver"))
        assert len(entries) <= 4 and not entries.keys() & found.keys()
        found.update(entries)
    assert found == whole
    assert client.get(f"/sitemap.xml?p={len(pages) + 1}").status_code == 404
    assert client.get("/sitemap.xml?p=x").status_code == 404


@pytest.mark.django_db
def test_the_cached_fallback_follows_the_dutch_page(client, settings, dutch_only):
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    assert client.get("/en/alleen-nederlands/")["X-Page-Cache"] == "miss"
    assert client.get("/en/alleen-nederlands/")["X-Page-Cache"] == "hit"
    dutch_only.title = "Nieuwe titel"
    publish_page(dutch_only)
    response = client.get("/en/alleen-nederlands/")
    assert b"Nieuwe titel" in response.content
    # A translation published later takes over the English address at once.
    translate(dutch_only, "Now in English")
    assert b"Now in English" in client.get("/en/alleen-nederlands/").content
    cache.clear()


class _Languages(__import__("html.parser").parser.HTMLParser):
    """Each text of a page with the language it is marked in (the nearest ``lang``)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and self.stack:
            self.texts.append((self.stack[-1][1], " ".join(data.split())))


def languages_of(html):
    parser = _Languages()
    parser.feed(html)
    return parser.texts


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["news", "vacancy", "event"])
def test_a_fallback_publication_marks_its_content_dutch_and_its_labels_english(
        client, hub, kind):  # noqa: F811
    """WCAG 3.1.2 on the English site: a member publication that exists in Dutch only
    has its title, summary and text marked Dutch; the labels, dates and buttons around
    them are the site's English and marked so."""
    from tests.memberhub.factories import add_event, add_news, add_vacancy

    make = {"news": add_news, "vacancy": add_vacancy, "event": add_event}[kind]
    body = "Tekst" if kind == "vacancy" else "Een tekst in het Nederlands."
    page = make(hub["page_a"], title="Alleen in het Nederlands",
                **({} if kind == "vacancy" else {"body": f"<p>{body}</p>"}))
    texts = languages_of(client.get(f"/en{page.url}").content.decode())
    language = dict((text, lang) for lang, text in texts)
    assert language["Alleen in het Nederlands"] == "nl"
    assert language["Samenvatting"] == "nl"
    assert language[body] == "nl"
    assert language["This page is only available in Dutch."] == "en"
    labels = {"news": [], "vacancy": ["Apply until", "How to apply"],
              "event": ["When", "Location", "Add to calendar (.ics)"]}[kind]
    for label in labels:
        assert language[label] == "en", label
    # no English interface text is marked Dutch
    marked_dutch = {text for lang, text in texts if lang == "nl"}
    assert not marked_dutch & {"When", "Location", "Apply until", "Themes", "Contact"}


@pytest.mark.django_db
def test_the_breadcrumbs_of_a_fallback_page_are_english(client, hub):  # noqa: F811
    """A Dutch-only page on the English site: the sections above it that have an English
    version appear in English, at their English address."""
    from tests.memberhub.factories import add_news

    page = add_news(hub["page_a"], title="Alleen in het Nederlands")
    dutch_url = page.url
    html = client.get(f"/en{dutch_url}").content.decode()
    crumbs = html[html.index('class="breadcrumbs'):html.index("</nav>", html.index(
        'class="breadcrumbs'))]
    assert '<a href="/en/leden/">Members</a>' in crumbs
    assert ">Leden<" not in crumbs
    dutch = client.get(dutch_url).content.decode()
    assert '<a href="/leden/">Leden</a>' in dutch
