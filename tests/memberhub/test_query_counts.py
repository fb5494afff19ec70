"""Member publications, their listings and the shared channels (API, sitemap, feeds,
calendar) run a fixed number of SQL queries, for visitors and members alike, with a little
content and with more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.learninglines.factories import make_group, make_line, make_session
from tests.mailings.factories import make_impact_story
from tests.memberhub.factories import add_event, add_news, add_vacancy

pytestmark = pytest.mark.django_db

# What a visitor's page may cost, site shell included (docs/performance.md).
MAX_PUBLIC_QUERIES = 15


def _queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, menus, settings)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def _fill(hub, line, count):
    for number in range(count):
        parent = hub["page_a"] if number % 2 else hub["page_b"]
        add_news(parent, f"Bericht {number}")
        add_vacancy(parent, f"Vacature {number}")
        add_event(parent, f"Evenement {number}", days=number + 1)
        make_impact_story(hub, f"Verhaal {number}")
        make_session(line, title=f"Sessie {number}", days=number + 2)


@pytest.fixture
def content(hub):
    from portal import demo

    demo.load(hub)  # navigation settings, as on a real site
    line = make_line(hub, title="Digital Readiness", slug="digital-readiness")
    group = make_group(line)
    details = {
        "news": add_news(hub["page_a"], "Het bericht").url,
        "vacancy": add_vacancy(hub["page_a"], "De vacature").url,
        "event": add_event(hub["page_a"], "Het evenement").url,
        "story": make_impact_story(hub, "Het verhaal").url,
        "organisation": hub["page_a"].url,
        "working group": group.url,
    }
    return hub, line, details


CHANNELS = ["/api/v2/pages/", "/api/v2/pages/?locale=en", "/api/v2/pages/?type=memberhub.NewsPage",
            "/sitemap.xml", "/agenda.ics", "/nieuws/feed/", "/agenda/feed/",
            "/impactverhalen/feed/", "/nieuws/", "/vacatures/", "/impactverhalen/", "/agenda/",
            "/leden/"]


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_details_listings_and_channels_run_a_fixed_number_of_queries(client, content, who,
                                                                     member):
    hub, line, details = content
    if who == "member":
        client.force_login(member)
    urls = [*details.values(), *CHANNELS]
    _fill(hub, line, 2)
    small = {url: _queries(client, url) for url in urls}
    _fill(hub, line, 22)  # past one page of every listing and the API's 20 items
    large = {url: _queries(client, url) for url in urls}
    assert large == small
    if who == "visitor":
        over = {url: count for url, count in large.items() if count > MAX_PUBLIC_QUERIES
                and url != "/sitemap.xml"}  # one query per page type, by design
        assert not over, over
