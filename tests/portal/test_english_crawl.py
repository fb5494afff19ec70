"""The English site as a visitor crawls it, over the demo content: from /en/, every
internal link followed. No page answers 404 or 500; every page is English
(``<html lang="en">``) or a Dutch page shown under its English address, marked
``lang="nl"`` with the note; and no link leads into the Dutch tree unless it says so
(``hreflang``/``lang`` "nl", as the language switch does)."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

# Addresses outside both language trees: files, feeds for machines, the admin.
OUTSIDE_THE_TREES = ("/static/", "/media/", "/documents/", "/images/", "/api/", "/admin/",
                     "/sitemap.xml", "/agenda.ics", "/healthz")
FALLBACK_NOTE = "This page is only available in Dutch."
MAX_PAGES = 1200


class Links(HTMLParser):
    """The <a href> of a page with their lang and hreflang, and the <html lang>."""

    def __init__(self):
        super().__init__()
        self.links, self.html_lang = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs)


def is_internal(href):
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and not href.startswith(("#", "mailto:"))


def in_dutch_tree(path):
    return not path.startswith("/en/") and path != "/en" \
        and not path.startswith(OUTSIDE_THE_TREES)


def marked_dutch(link):
    return link.get("hreflang") == "nl" or link.get("lang") == "nl"


def crawl_target(path, query):
    """What the crawl follows: every page address, with the page number of a listing (a
    filter link shows the same pages again)."""
    if query:
        page = re.fullmatch(r"(?:.*&)?page=(\d+)(?:&.*)?", query)
        return f"{path}?page={page.group(1)}" if page else None
    return path


@pytest.mark.django_db
def test_the_english_site_from_en_as_a_visitor(client, demo):
    queue, seen, problems, pages = ["/en/"], {"/en/"}, [], 0
    while queue and pages < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        pages += 1
        if response.status_code in (301, 302):
            location = response["Location"]
            target = urlsplit(location)
            if target.path.startswith("/en/accounts/login/"):
                continue  # a members-only page asks a visitor to log in
            if not target.path.startswith("/en/"):
                problems.append(f"{url}: redirects into the Dutch tree: {location}")
            elif location not in seen:
                seen.add(location)
                queue.append(location)
            continue
        if response.status_code != 200:
            problems.append(f"{url}: {response.status_code}")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        parser = Links()
        parser.feed(html)
        if parser.html_lang != "en":
            problems.append(f"{url}: <html lang={parser.html_lang!r}>")
        # Dutch content is marked: the whole content (<div lang="nl">), or its title and
        # the rest of its own texts (<h1 lang="nl">, {% content_lang %}) on the page types
        # that leave their labels in English.
        dutch_content = '<div lang="nl">' in html or re.search(r'<h1[^>]* lang="nl"', html)
        if dutch_content and FALLBACK_NOTE not in html:
            problems.append(f"{url}: Dutch content without the note")
        if FALLBACK_NOTE in html and not dutch_content:
            problems.append(f"{url}: the note without lang=nl on the content")
        for link in parser.links:
            href = link["href"].replace("&amp;", "&")
            if not is_internal(href):
                continue
            target = urlsplit(urljoin(url, href))
            if in_dutch_tree(target.path):
                if not marked_dutch(link):
                    problems.append(f"{url}: unmarked link into the Dutch tree: {href}")
                continue
            if not target.path.startswith("/en/"):
                continue
            follow = crawl_target(target.path, target.query)
            if follow and follow not in seen:
                seen.add(follow)
                queue.append(follow)
    assert pages > 50, f"only {pages} pages reached from /en/"
    assert not queue, f"more than {MAX_PAGES} pages: the crawl stopped early"
    assert not problems, "\n".join(problems[:60])
