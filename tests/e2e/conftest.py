"""Browser tests: Playwright driving Debian's chromium against the live test server."""

import os
import shutil
from urllib.parse import urlparse

import pytest

# Playwright's sync API runs an event loop in this thread; the Django ORM calls made by
# test code in between are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("PORTAL_REQUIRE_BROWSER"):
            pytest.fail("Debian chromium is required (PORTAL_REQUIRE_BROWSER) but not installed")
        pytest.skip("Debian chromium is not installed: browser tests skipped (CI installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, demo_copy_directory):
    """The demo content, committed for the live server (``load_demo`` once per test run,
    then copied back: tests/demo_copy.py); pytest-django empties the tables afterwards."""
    from tests.demo_copy import demo_content

    return demo_content("committed", demo_copy_directory)


def guarded_tab(browser, live_server, **context_options):
    """(context, tab): a fresh browser tab on the live server. Requests to any other host
    are blocked and recorded in ``tab.external_requests``, so tests can assert there are
    none."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", **context_options)
    external = []
    own_host = urlparse(live_server.url).hostname

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host in (own_host, "localhost", "127.0.0.1"):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.external_requests = external
    return context, tab


@pytest.fixture
def page(browser, live_server, demo_site):
    """A guarded tab (guarded_tab) over the demo content."""
    context, tab = guarded_tab(browser, live_server)
    yield tab
    context.close()


def login(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
