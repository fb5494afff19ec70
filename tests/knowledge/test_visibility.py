"""Member-only items: never listed, counted, mapped, fed, served by the API or the sitemap
to visitors; visible to members; the restriction follows the flag and the kind."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from wagtail.models import PageViewRestriction

from knowledge import selectors
from knowledge.facets import build_facets
from knowledge.filters import KnowledgeFilters
from knowledge.models import Kind, KnowledgeMapPage
from portal.site_structure import publish_page
from portal.visibility import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME, can_view

from .factories import make_item

pytestmark = pytest.mark.django_db

SECRET_TITLES = ["Geheime monitor week 12", "Besloten ledentool"]


@pytest.fixture
def knowledge_map(kennisbank):
    page = KnowledgeMapPage(title="Kenniskaart", slug="kenniskaart")
    kennisbank.add_child(instance=page)
    return publish_page(page)


def restriction_of(page):
    return PageViewRestriction.objects.filter(page=page).first()


def test_member_only_items_are_restricted_to_members_and_editors(catalogue):
    for key in ("Monitor", "Members tool"):
        restriction = restriction_of(catalogue["items"][key])
        assert restriction.restriction_type == PageViewRestriction.GROUPS
        assert set(restriction.groups.values_list("name", flat=True)) == {
            MEMBERS_GROUP_NAME, EDITORS_GROUP_NAME}
    assert restriction_of(catalogue["items"]["Scan"]) is None
    assert catalogue["items"]["Monitor"].members_only, "a monitor edition is always member-only"


def test_visitor_never_sees_member_only_items_in_the_listing_or_counts(client, catalogue):
    html = client.get("/kennisbank/").content.decode()
    for title in SECRET_TITLES + ["Concept item"]:
        assert title not in html
    with translation.override("nl"):
        lines = selectors.line_options(AnonymousUser())
        facets, total = build_facets(
            selectors.visible_items(AnonymousUser()), KnowledgeFilters(), lines)
    assert total == 8
    kinds = {option.value: option.count for option in facets[0].options}
    assert kinds[Kind.POLITICAL_MONITOR] == 0
    assert kinds[Kind.TOOL] == 2  # 'Besloten ledentool' is not counted
    assert "Politieke monitor-editie (0)" in html  # /kennisbank/ is Dutch
    # Filtering straight on a member-only kind shows nothing either.
    html = client.get("/kennisbank/", {"kind": "political_monitor"}).content.decode()
    assert "Geheime monitor" not in html


def test_member_sees_member_only_items(client, catalogue, member):
    client.force_login(member)
    html = client.get("/kennisbank/").content.decode()
    for title in SECRET_TITLES:
        assert title in html
    assert "Concept item" not in html, "drafts stay hidden, also for members"
    response = client.get(catalogue["items"]["Monitor"].url)
    assert response.status_code == 200


def test_direct_link_sends_a_visitor_to_login(client, catalogue):
    url = catalogue["items"]["Monitor"].url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_outsider_without_membership_is_a_visitor(client, catalogue, outsider):
    client.force_login(outsider)
    assert "Besloten ledentool" not in client.get("/kennisbank/").content.decode()
    # Signed in but not a member: told the page is for members (no loop via the login page).
    response = client.get(catalogue["items"]["Members tool"].url)
    assert response.status_code == 403 and "voor leden" in response.content.decode()


def test_map_does_not_count_member_only_items_for_visitors(client, catalogue, knowledge_map,
                                                           member):
    response = client.get(knowledge_map.url)
    assert response.context["knowledge_map"]["total"] == 8
    html = response.content.decode()
    monitor_column = [column for column in response.context["knowledge_map"]["columns"]
                      if column["value"] == Kind.POLITICAL_MONITOR]
    assert monitor_column[0]["total"] == 0
    assert all(cell["count"] == 0 for row in response.context["knowledge_map"]["rows"]
               for cell in row.cells if cell["kind"] == Kind.POLITICAL_MONITOR)
    assert "Geheime monitor" not in html
    client.force_login(member)
    response = client.get(knowledge_map.url)
    assert response.context["knowledge_map"]["total"] == 10


def test_feed_has_public_items_only(client, catalogue, member):
    client.force_login(member)  # even a member's feed is the public feed
    response = client.get("/kennisbank/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, in a test
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    titles = {entry.find("atom:title", ns).text for entry in root.findall("atom:entry", ns)}
    public = {"Power tool", "Scan", "AI guide", "Paper partners", "Report loose",
              "Video civic", "Other thing", "Handbook"}
    assert titles == public
    for entry in root.findall("atom:entry", ns):
        assert entry.find("atom:link", ns).get("href").startswith("http://testserver/")
        assert entry.find("atom:updated", ns).text
        assert entry.find("atom:id", ns).text


def test_api_never_returns_member_only_items(client, catalogue, member):
    for user in (None, member):
        if user:
            client.force_login(user)
        response = client.get("/api/v2/pages/", {"type": "knowledge.KnowledgeItemPage",
                                                 "fields": "kind,summary", "limit": 20})
        assert response.status_code == 200
        titles = {item["title"] for item in response.json()["items"]}
        assert titles and not titles & set(SECRET_TITLES)
        detail = client.get(f"/api/v2/pages/{catalogue['items']['Monitor'].pk}/")
        assert detail.status_code == 404


def test_sitemap_never_lists_member_only_items(client, catalogue):
    xml = client.get("/sitemap.xml").content.decode()
    assert catalogue["items"]["Scan"].slug in xml
    assert catalogue["items"]["Monitor"].slug not in xml
    assert catalogue["items"]["Members tool"].slug not in xml


def test_related_items_of_a_public_page_hide_member_only_ones(client, catalogue, member):
    # 'Power tool' shares line and theme with the monitor edition.
    url = catalogue["items"]["Power tool"].url
    assert "Geheime monitor" not in client.get(url).content.decode()
    client.force_login(member)
    assert "Geheime monitor" in client.get(url).content.decode()


def test_restriction_follows_the_members_only_flag(kennisbank, member):
    item = make_item(kennisbank, "Open notitie")
    assert restriction_of(item) is None and can_view(AnonymousUser(), item)

    item.members_only = True
    publish_page(item)
    assert restriction_of(item) is not None
    assert not can_view(AnonymousUser(), item)
    assert can_view(member, item)

    # Unticking in a draft keeps the live page restricted until the change is published.
    item.members_only = False
    item.save_revision()
    assert restriction_of(item) is not None
    publish_page(item)
    assert restriction_of(item) is None
    assert can_view(AnonymousUser(), item)


def test_ticking_the_flag_in_a_draft_restricts_at_once(kennisbank):
    item = make_item(kennisbank, "Wordt besloten")
    item.members_only = True
    item.save_revision()
    assert restriction_of(item) is not None


def test_monitor_edition_cannot_be_made_public(kennisbank):
    item = make_item(kennisbank, "Monitor week 3", kind=Kind.POLITICAL_MONITOR)
    item.members_only = False
    publish_page(item)
    item.refresh_from_db()
    assert item.members_only and restriction_of(item) is not None


def test_other_restrictions_are_left_alone_on_public_items(kennisbank):
    item = make_item(kennisbank, "Met wachtwoord")
    PageViewRestriction.objects.create(page=item, restriction_type="password", password="x")
    publish_page(item)
    assert restriction_of(item).restriction_type == "password"


def test_restriction_is_not_duplicated(kennisbank):
    item = make_item(kennisbank, "Dubbel", members_only=True)
    publish_page(item)
    publish_page(item)
    assert PageViewRestriction.objects.filter(page=item).count() == 1


def test_restricting_in_a_draft_drops_the_cached_public_page(client, kennisbank, settings):
    """Anonymous pages are cached (portal/cache.py): a restriction must take effect at once."""
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    item = make_item(kennisbank, "Eerst openbaar")
    assert client.get(item.url).status_code == 200
    assert "Eerst openbaar" in client.get("/kennisbank/").content.decode()
    item.members_only = True
    item.save_revision()
    assert client.get(item.url).status_code == 302
    assert "Eerst openbaar" not in client.get("/kennisbank/").content.decode()
    cache.clear()
