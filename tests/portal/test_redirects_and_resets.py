"""An attacker's tries at the account pages: links to another host, and mail bombing.

- A path that looks like a host (``//evil.example/``) never becomes a link to that host:
  the language links are built from the site's own paths.
- Password-reset e-mails are limited per address and per client, with one message that
  never says whether the address has an account.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from portal.models import QueuedEmail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOST = "portal.example.org"
LIMIT_PER_ADDRESS = 3
LIMIT_PER_CLIENT = 10


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") and value is not None:
                self.urls.append(value)


def urls_in(html):
    collector = LinkCollector()
    collector.feed(html)
    return collector.urls


def foreign(url):
    """Whether a browser would leave the site for this URL."""
    normalised = url.strip().replace("\\", "/")
    parts = urlsplit(normalised)
    if parts.scheme in ("mailto", "tel", "data"):
        return False
    return bool(parts.scheme or parts.netloc) and parts.netloc != HOST


@pytest.fixture
def production_like(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [HOST]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True


@pytest.mark.parametrize("path", ["//evil.example/", "//evil.example/en/", "/\\evil.example/",
                                  "//evil.example/kennisbank/?q=x", "/en//evil.example/"])
def test_a_path_that_looks_like_a_host_gives_no_link_to_it(client, site_structure,
                                                           production_like, path):
    query = ""
    if "?" in path:
        path, query = path.split("?", 1)
    # The test client would read "//evil.example/" as a host: pass the raw path as a
    # browser's request line does.
    response = client.get("/", PATH_INFO=path, QUERY_STRING=query, HTTP_HOST=HOST,
                          HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code in (200, 404), response.status_code
    html = response.content.decode()
    urls = urls_in(html)
    assert urls, "the page has links"
    assert [url for url in urls if foreign(url)] == []
    for url in urls:  # "evil.example" may only be a path or a query on this site
        assert "evil.example" not in urlsplit(url.strip().replace("\\", "/")).netloc, url
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    language_links = urls_in(switch)
    assert language_links, "the language switch still links somewhere on the site"
    assert all(url.startswith("/") and not url.startswith("//") for url in language_links)


def test_language_links_of_an_ordinary_page_keep_its_path_and_query(client, site_structure):
    html = client.get("/zoeken/?q=water").content.decode()
    assert 'href="/en/zoeken/?q=water"' in html


def reset(client, email, address="198.51.100.7"):
    return client.post("/accounts/password-reset/", {"email": email}, REMOTE_ADDR=address)


def test_password_reset_mails_to_one_address_are_limited(client, site_structure):
    user = UserFactory(email="doelwit@example.org")
    responses = [reset(client, user.email, address=f"203.0.113.{n}") for n in range(21)]
    assert QueuedEmail.objects.count() == LIMIT_PER_ADDRESS
    assert all(email.to == user.email for email in QueuedEmail.objects.all())
    assert [r.status_code for r in responses[:LIMIT_PER_ADDRESS]] == [302] * LIMIT_PER_ADDRESS
    refused = responses[LIMIT_PER_ADDRESS]
    assert refused.status_code == 429
    assert "te vaak een nieuw wachtwoord aangevraagd" in refused.content.decode()
    # Case and spaces do not make it another address.
    reset(client, "  DOELWIT@Example.org ", address="203.0.113.99")
    assert QueuedEmail.objects.count() == LIMIT_PER_ADDRESS


def test_the_limit_never_tells_whether_an_address_has_an_account(client, site_structure):
    UserFactory(email="bestaat@example.org")
    answers = {}
    for email in ("bestaat@example.org", "bestaat-niet@example.org"):
        for number in range(LIMIT_PER_ADDRESS + 1):
            response = reset(client, email, address=f"192.0.2.{number + 10 * len(answers)}")
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "",
                      response.content.decode())
        answers[email] = (response.status_code, html.replace(email, "ADDRESS"))
    assert answers["bestaat@example.org"] == answers["bestaat-niet@example.org"]
    assert answers["bestaat@example.org"][0] == 429


def test_password_reset_mails_from_one_client_are_limited(client, site_structure):
    users = [UserFactory(email=f"collega{n}@example.org") for n in range(21)]
    responses = [reset(client, user.email) for user in users]
    assert QueuedEmail.objects.count() == LIMIT_PER_CLIENT
    assert responses[LIMIT_PER_CLIENT].status_code == 429
    # Another client is not held up by this one.
    assert reset(client, users[-1].email, address="198.51.100.8").status_code == 302
    assert QueuedEmail.objects.count() == LIMIT_PER_CLIENT + 1


def test_the_limit_message_is_english_on_the_english_site(client, site_structure):
    for _ in range(LIMIT_PER_ADDRESS + 1):
        response = client.post("/en/accounts/password-reset/", {"email": "x@example.org"})
    assert response.status_code == 429
    assert "asked for too often" in response.content.decode()
