"""Browser walks through each role's main flow, in Dutch and English, on a phone.

visitor: home, the kennisbank with a filter, an item, the learning lines, a session, search,
the agenda (at 390 and 320 px); member: login, /mijn/, register for a session, start a news
item; org admin: the organisation profile and colleagues (and the confirmations that ask
before withdrawing or removing); editor: login and the admin dashboard (at 390 px).

Every page reached fails the walk on a sideways scroll (the document wider than the
window), a console error, an uncaught page error, a request to another host or a redirect
loop. The problems of all walks are collected and reported together at the end, so one run
(one demo load, one browser) shows everything.
"""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PHONE, SMALL_PHONE = 390, 320
OPEN_SESSIONS = {  # sessions of learninglines/demo.py that are open for registration
    "nl": "/leerlijnen/equitable-partnerships/leiderschapsdialoog-inclusie-vervolg/",
    "en": "/leerlijnen/equitable-partnerships/power-awareness-tool-online/",
}
TEXT = {
    "nl": {"prefix": "", "query": "digitale", "filter": "Filteren en sorteren",
           "mijn": "Mijn portaal", "news": "Nieuw nieuwsbericht",
           "profile": "Organisatieprofiel bewerken", "colleagues": "Collega's en uitnodigingen",
           "remove": "Verwijderen", "withdraw": "Intrekken", "back": "Nee, ga terug",
           "keep": "Nee, laat het zoals het is", "save": "Opslaan"},
    "en": {"prefix": "/en", "query": "digital", "filter": "Filter and sort",
           "mijn": "My portal", "news": "New news item",
           "profile": "Edit the organisation profile", "colleagues": "Colleagues and invitations",
           "remove": "Remove", "withdraw": "Withdraw", "back": "No, go back",
           "keep": "No, keep it as it is", "save": "Save"},
}


class Walk:
    """One browser context (a role, a language, a width) that checks every page it reaches."""

    def __init__(self, browser, base_url, role, language, width, problems):
        self.label = f"{role}/{language}/{width}px"
        self.language = language
        self.text = TEXT[language]
        self.problems = problems
        self.context = browser.new_context(
            base_url=base_url, locale="nl-NL" if language == "nl" else "en-GB",
            viewport={"width": width, "height": 800})
        own_host = urlparse(base_url).hostname
        self.errors = []

        def guard(route):
            host = urlparse(route.request.url).hostname
            if host in (own_host, "localhost", "127.0.0.1"):
                route.continue_()
            else:
                self.errors.append(f"request to another host: {route.request.url}")
                route.abort()

        self.context.route("**/*", guard)
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"console error: {message.text} ({message.location.get('url', '')})"))
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def problem(self, where, what):
        self.problems.append(f"[{self.label}] {where}: {what}")

    def check(self, where=None):
        """The page now shown: no sideways scroll, no errors since the last check."""
        page = self.page
        where = where or urlparse(page.url).path
        page.wait_for_load_state("load")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(-3).map(e => e.tagName.toLowerCase() + '.' + e.className)""")
            self.problem(where, f"scrolls sideways: {widths[0]} px in a {widths[1]} px window "
                                f"(widest: {', '.join(wide)})")
        for error in self.errors:
            self.problem(where, error)
        self.errors.clear()

    def visit(self, path):
        """Open ``path`` as a person would type it; a redirect loop is a problem."""
        try:
            response = self.page.goto(path)
        except PlaywrightError as error:
            reason = "redirect loop" if "ERR_TOO_MANY_REDIRECTS" in str(error) else str(error)
            self.problem(path, reason)
            return False
        if response is None or response.status >= 400:
            self.problem(path, f"HTTP {response and response.status}")
        self.check(path)
        return True

    def follow(self, locator, where):
        """Click a link or button that loads another page, then check that page."""
        try:
            with self.page.expect_navigation():
                locator.click()
        except PlaywrightError as error:
            reason = "redirect loop" if "ERR_TOO_MANY_REDIRECTS" in str(error) else str(error)
            self.problem(where, reason.splitlines()[0])
            return False
        self.check(where)
        return True

    def login(self, email, password):
        self.visit(f"{self.text['prefix']}/accounts/login/")
        self.page.locator("main input[name=username]").fill(email)
        self.page.locator("main input[name=password]").fill(password)
        self.follow(self.page.locator("main form button[type=submit]").first, "login")

    def close(self):
        self.context.close()


def visitor_walk(walk):
    page, text, prefix = walk.page, walk.text, walk.text["prefix"]
    walk.visit(f"{prefix}/")
    expect(page.locator("h1")).to_have_count(1)
    walk.visit(f"{prefix}/kennisbank/")
    # On a phone the filters sit behind a disclosure, after which the results follow.
    filters = page.locator("details.kennisbank-filters")
    results = page.locator(".kennisbank__results .card-list")
    assert filters.get_attribute("open") is None, "the filters should be folded on a phone"
    expect(results.first).to_be_visible()
    page.get_by_text(text["filter"], exact=True).click()
    kind = page.locator("#filter-kind")
    kind.select_option(index=1)
    walk.follow(filters.locator("button[type=submit]"), "kennisbank with a filter")
    assert "kind=" in page.url
    walk.follow(page.locator(".kennisbank__results .card-list a").first, "a knowledge item")
    walk.visit(f"{prefix}/leerlijnen/")
    plan = page.locator("table.dual-track__table")
    expect(plan.locator("tbody tr")).to_have_count(3)
    walk.follow(plan.locator(".dual-track__sessions a").first, "a session from the plan")
    walk.visit(f"{prefix}/")
    page.locator("#site-search").fill(text["query"])
    walk.follow(page.locator(".site-header .search-form button[type=submit]"), "search")
    expect(page.locator(".search-hit, .search-layout").first).to_be_visible()
    walk.visit(f"{prefix}/agenda/")
    walk.visit(f"{prefix}/nieuws/")
    walk.follow(page.locator("main .card__title a").first, "a news item")
    # The item lives under its organisation (/leden/...) but belongs to the news section.
    # (Items written only in Dutch open in Dutch, with the Dutch menu.)
    current = page.locator("nav.main-nav [aria-current]")
    assert current.count() == 1 and current.get_attribute("href").endswith("/nieuws/")


def member_walk(walk):
    page, text = walk.page, walk.text
    walk.login("lid@example.org", "Demo-lid-2026")
    assert "/mijn/" in page.url, f"after login: {page.url}"
    assert page.locator("h1").inner_text() == text["mijn"]
    walk.visit(OPEN_SESSIONS[walk.language])
    box = page.locator(".registration-box")
    if box.locator("select[name=organisation]").count():
        box.locator("select[name=organisation]").select_option(label="Digitaal Dorp")
    walk.follow(box.locator("form button[type=submit]").first, "register for a session")
    expect(page.locator(".message--success").first).to_be_visible()
    walk.visit(f"{text['prefix']}/mijn/")
    walk.follow(page.get_by_role("link", name=text["news"]).first, "start a news item")
    assert "/admin/pages/add/memberhub/newspage/" in page.url
    page.locator("#id_title").fill("Begonnen in de browser")
    walk.check("the news editor after typing a title")


def org_admin_walk(walk):
    page, text = walk.page, walk.text
    walk.login("beheerder@waterbron.example.org", "Demo-beheerder-2026")
    walk.follow(page.get_by_role("link", name=text["profile"]).first, "organisation profile")
    walk.follow(page.locator("main form button[type=submit]").first, "profile saved")
    expect(page.locator(".message--success").first).to_be_visible()
    walk.follow(page.get_by_role("link", name=text["colleagues"]).first, "colleagues")
    colleagues_url = page.url
    # Removing a colleague asks first; going back changes nothing.
    walk.follow(page.locator("main table").get_by_role("link", name=text["remove"]).first,
                "remove a colleague: confirmation")
    assert page.locator("main form[method=post] button[type=submit]").count() == 1
    walk.follow(page.get_by_role("link", name=text["back"]), "back to colleagues")
    assert page.url == colleagues_url
    # Withdrawing a colleague's contribution asks first too.
    walk.visit(f"{text['prefix']}/mijn/")
    withdraw = page.locator("main table").get_by_role("link", name=text["withdraw"])
    if withdraw.count():
        walk.follow(withdraw.first, "withdraw: confirmation")
        walk.follow(page.get_by_role("link", name=text["keep"]), "keep the contribution")


def editor_walk(walk):
    page = walk.page
    walk.login("redacteur@example.org", "Demo-redacteur-2026")
    walk.visit("/admin/")
    expect(page.locator("main, #main").first).to_be_visible()


WALKS = [
    (visitor_walk, "visitor", (PHONE, SMALL_PHONE)),
    (member_walk, "member", (PHONE,)),
    (org_admin_walk, "org admin", (PHONE,)),
    (editor_walk, "editor", (PHONE,)),
]


def test_each_role_walks_its_main_flow_in_both_languages_on_a_phone(browser, live_server,
                                                                    demo_site):
    problems = []
    for walk_function, role, widths in WALKS:
        for language in ("nl", "en"):
            for width in widths:
                walk = Walk(browser, live_server.url, role, language, width, problems)
                try:
                    walk_function(walk)
                except (AssertionError, PlaywrightError) as error:
                    walk.problem(walk.page.url, f"walk stopped: {str(error).splitlines()[0]}")
                finally:
                    walk.close()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
