"""Every public GET parameter, and every path segment a visitor can type, gets hostile
values, as a visitor and as a member; any 500 fails the test (all findings are reported
at once)."""

import pytest

from .conftest import client_for
from .hostile import FULL, PARSERS, SEGMENTS, SHORT, Failures, forms_on, link_parameters, query

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")]

KENNISBANK = ["kind", "line", "track", "theme", "sdg", "organisation", "language", "year",
              "sort", "page"]
LISTING = ["organisation", "theme", "learning_line", "sdg", "country", "q", "page"]
AGENDA = ["when", "organisation", "theme", "learning_line", "line", "track", "format",
          "month", "page"]
SEARCH = ["q", "sort", "page", "type", "line", "track", "theme", "org", "year", "lang", "sdg"]
# Wagtail API v2 refuses unknown parameters, so each one is sent on its own.
API = ["search", "search_operator", "offset", "limit", "order", "fields", "type", "locale",
       "child_of", "descendant_of", "ancestor_of", "translation_of", "id", "slug",
       "html_path"]
ONE_BY_ONE = "one by one"


def reading_pages(site):
    """Addresses that read GET parameters: (url, parameters, mode). Every value."""
    return [
        ("/kennisbank/", KENNISBANK, None),
        ("/kennisbank/kenniskaart/", ["rows"], None),
        ("/leerlijnen/", ["year"], None),
        ("/nieuws/", LISTING, None),
        ("/impactverhalen/", LISTING, None),
        ("/vacatures/", LISTING, None),
        ("/agenda/", AGENDA, None),
        ("/leden/", LISTING, None),
        ("/zoeken/", SEARCH, None),
        ("/zoeken/autocomplete/", ["q"], None),
        ("/api/v2/pages/", API, ONE_BY_ONE),
        ("/api/v2/pages/find/", ["html_path", "id"], ONE_BY_ONE),
        ("/accounts/login/", ["next"], None),
        ("/accounts/2fa/", ["next"], None),
        ("/accounts/mijn-gegevens/", ["download"], None),
        ("/sitemap.xml", ["p"], None),
    ]


def other_pages(site):
    """Every other page type and view (they read no parameter of their own, but the site
    shell, caches and routing see the query): the shorter value list."""
    session = site["session"]
    return [
        ("/", ["page", "preview"], None),
        ("/en/", ["page"], None),
        ("/en/kennisbank/", KENNISBANK, None),
        ("/kennisbank/feed/", ["page"], None),
        (site["item"].url, ["page"], None),
        ("/en/leerlijnen/", ["year"], None),
        (site["line"].url, ["year", "page"], None),
        (session.url, ["page"], None),
        (session.url + "ics/", ["page"], None),
        (session.url + "register/", ["next"], None),
        (site["group"].url, ["page"], None),
        ("/en/nieuws/", LISTING, None),
        ("/en/agenda/", AGENDA, None),
        (site["page_a"].url, ["page"], None),
        (site["news"].url, ["page"], None),
        (site["vacancy"].url, ["page"], None),
        (site["event"].url, ["page"], None),
        (site["story"].url, ["page"], None),
        ("/nieuws/feed/", ["page"], None),
        ("/impactverhalen/feed/", ["page"], None),
        ("/agenda/feed/", ["page"], None),
        ("/agenda.ics", ["page", "organisation"], None),
        ("/en/zoeken/", SEARCH, None),
        (f"/api/v2/pages/{site['item'].pk}/", ["fields"], None),
        ("/accounts/password-reset/", ["next"], None),
        ("/mijn/", ["next"], None),
        ("/mijn/abonnementen/", ["next"], None),
        (f"/mijn/abonnementen/afmelden/{site['unsubscribe_token']}/", ["scope"], None),
        (f"/evaluatie/{site['evaluation_token']}/", ["score"], None),
        (f"/mijn/uitnodiging/{site['invitation_token']}/", ["next"], None),
        (site["document"].url, ["download"], None),
        ("/healthz", ["check"], None),
    ]


# Paths with a hostile segment where the URLconf or a page route takes a value.
PATH_TEMPLATES = [
    "/kennisbank/{}/", "/en/leden/{}/", "/mijn/organisatie/{}/profiel/",
    "/mijn/uitnodiging/{}/", "/mijn/abonnementen/afmelden/{}/",
    "/mijn/abonnementen/afmelden/{}/one-click/", "/evaluatie/{}/", "/api/v2/pages/{}/",
    "/documents/{}/x.pdf", "/accounts/reset/{}/{}/", "/{}", "/mijn/bijdragen/{}/intrekken/",
    "/zoeken/{}/",
]


def with_discovered(client, url, params):
    """The table's parameters plus those the page itself offers in GET forms and links."""
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return list(params)
    html = response.content.decode()
    path = url.split("?")[0]
    names = set(params) | link_parameters(html, path)
    for form in forms_on(html, url):
        if form.method == "get" and form.action.split("?")[0] == path:
            names.update(form.fields)
    return sorted(names)


def fuzz(client, table, values, failures):
    for url, params, mode in table:
        params = with_discovered(client, url, params)
        groups = [[name] for name in params] if mode == ONE_BY_ONE else [params]
        for names in groups:
            for label, value in values:
                failures.check(client, "get", f"{url}?{query(names, value)}", label)


def test_visitor_gets_no_server_error_from_any_parameter_or_path(site):
    client, failures = client_for(None), Failures()
    fuzz(client, reading_pages(site), FULL, failures)
    fuzz(client, other_pages(site), SHORT, failures)
    for template in PATH_TEMPLATES:
        for label, value in SEGMENTS:
            failures.check(client, "get", template.replace("{}", value), label)
    failures.assert_none()


def test_member_gets_no_server_error_from_any_parameter(site):
    client, failures = client_for(site["member"]), Failures()
    # The API answers every one as a visitor: covered above.
    fuzz(client, [row for row in reading_pages(site) if not row[0].startswith("/api/")],
         PARSERS, failures)
    fuzz(client, other_pages(site), SHORT[:3], failures)
    for template in ("/mijn/organisatie/{}/profiel/", "/mijn/uitnodiging/{}/",
                     "/mijn/bijdragen/{}/intrekken/", "/evaluatie/{}/"):
        for label, value in SEGMENTS:
            failures.check(client, "get", template.replace("{}", value), label)
    failures.assert_none()
