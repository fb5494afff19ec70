"""Bad input gives a 200 with a clear message or the nearest valid page, never a 500."""

import pytest

from knowledge.models import Kind

from .factories import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(kennisbank, lines):
    """Two public items and a member-only one: enough to page through and to filter."""
    make_item(kennisbank, "Power tool", kind=Kind.TOOL, lines=[lines["ep"]],
              themes=["Machtsverhoudingen"])
    make_item(kennisbank, "Tweede item", kind=Kind.REPORT)
    make_item(kennisbank, "Ledenmonitor", kind=Kind.POLITICAL_MONITOR)


@pytest.mark.parametrize("query, message", [
    ("kind=sandwich", "sandwich"),
    ("line=no-such-line", "no-such-line"),
    ("track=sideways", "sideways"),
    ("theme=onbekend-thema", "onbekend-thema"),
    ("sdg=18", "18"),
    ("sdg=abc", "abc"),
    ("organisation=nobody", "nobody"),
    ("language=fr", "fr"),
    ("year=twenty", "twenty"),
    ("year=99999", "99999"),
    ("year=-5", "-5"),
    ("sort=random", "random"),
    ("kind=" + "x" * 500, "xxxx"),
])
def test_unknown_or_malformed_values_give_a_message(client, catalogue, query, message):
    response = client.get(f"/kennisbank/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="message message--error" role="status"' in html
    assert message in html
    # The bad value is ignored: everything public is listed.
    assert "Power tool" in html


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "", "%00", "9" * 40])
def test_bad_page_numbers_give_the_nearest_page(client, catalogue, page):
    response = client.get("/kennisbank/", {"page": page})
    assert response.status_code == 200
    assert "card__title" in response.content.decode()


@pytest.mark.parametrize("url", [
    "/kennisbank/?kind=tool&kind=report", "/kennisbank/?line=&kind=&year=",
    "/kennisbank/?year=2025&page=50", "/en/kennisbank/?theme=%ff%fe",
    "/kennisbank/kenniskaart/?rows=nonsense", "/kennisbank/?sdg=%20",
])
def test_odd_urls_never_fail(client, catalogue, url, kennisbank):
    from knowledge.models import KnowledgeMapPage
    from portal.site_structure import publish_page

    knowledge_map = KnowledgeMapPage(title="Kenniskaart", slug="kenniskaart")
    kennisbank.add_child(instance=knowledge_map)
    publish_page(knowledge_map)
    assert client.get(url).status_code == 200


def test_empty_result_has_a_clear_empty_state(client, catalogue):
    response = client.get("/kennisbank/", {"kind": "video", "language": "nl"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geen items voldoen aan al deze filters." in html  # /kennisbank/ is Dutch
