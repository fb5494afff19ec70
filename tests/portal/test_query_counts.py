"""Pages of the site shell render with a fixed number of SQL queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import StandardPage

MAX_PUBLIC_QUERIES = 15


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_pages(parent, count, prefix):
    for number in range(count):
        page = StandardPage(title=f"{prefix} {number}", slug=f"{prefix}-{number}",
                            intro="Over digitale autonomie")
        parent.add_child(instance=page)
        page.save_revision().publish()


SHELL_PAGES = ["/", "/en/", "/zoeken/?q=digitale", "/zoeken/", "/en/zoeken/?q=digital"]


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "url"), [("visitor", url) for url in SHELL_PAGES]
                         + [("visitor", "/accounts/login/")]
                         + [("member", url) for url in SHELL_PAGES])
def test_shell_pages_have_fixed_query_counts(client, site_structure, member, who, url):
    """As a visitor and as a signed-in member (who gets the user bar and a session, so
    more queries than a visitor, but as many with more content)."""
    if who == "member":
        client.force_login(member)
    client.get(url)  # warm per-process caches (site root paths, locales)
    small = count_queries(client, url)
    add_pages(site_structure["home"], 25, "extra")
    client.get(url)  # publishing cleared the cached menu: warm it again
    large = count_queries(client, url)
    assert large == small, f"{url}: {small} queries with little content, {large} with more"
    if who == "visitor":
        assert large <= MAX_PUBLIC_QUERIES, f"{url}: {large} queries"


@pytest.mark.django_db
def test_standard_page_query_count(client, site_structure):
    add_pages(site_structure["home"], 1, "pagina")
    client.get("/pagina-0/")
    assert count_queries(client, "/pagina-0/") <= MAX_PUBLIC_QUERIES
