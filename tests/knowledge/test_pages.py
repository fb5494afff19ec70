"""The item page, the knowledge map and the kennisbank page: content, metadata, queries."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import Kind, KnowledgeItemRelation, KnowledgeMapPage
from portal.searchable import FacetValue
from portal.site_structure import publish_page
from tests.factories import OrganisationFactory

from .factories import make_document, make_item, make_line

pytestmark = pytest.mark.django_db


def test_item_page_shows_documents_with_type_and_size(client, kennisbank, lines):
    document = make_document("Handleiding bij de tool")
    item = make_item(kennisbank, "Tool met handleiding", kind=Kind.TOOL, documents=[document],
                     lines=[lines["ep"]], other_authors="Partnernetwerk Zuid",
                     organisations=[OrganisationFactory(name="Stichting Gamma")])
    html = client.get(item.url).content.decode()
    assert "Handleiding bij de tool" in html
    assert re.search(r"\(PDF, \d+ B\)|\(PDF, \d+\.\d kB\)", html)
    assert "Stichting Gamma" in html and "Partnernetwerk Zuid" in html
    assert "Equitable Partnerships" in html
    assert html.count("<h1") == 1


def test_item_page_has_json_ld_and_open_graph(client, kennisbank):
    item = make_item(kennisbank, "Titel met </script><b>", kind=Kind.REPORT,
                     summary="Over <macht> & geld")
    html = client.get(item.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block, "JSON-LD block present"
    assert "</script><b>" not in block.group(1)
    data = json.loads(block.group(1))
    assert data["@type"] == "Report"
    assert data["name"] == "Titel met </script><b>"
    assert data["description"] == "Over <macht> & geld"
    assert data["url"] == f"http://localhost/kennisbank/{item.slug}/"
    assert '<meta property="og:title" content="Titel met &lt;/script&gt;&lt;b&gt;">' in html
    assert 'property="og:url"' in html and 'property="og:type" content="article"' in html


def test_related_items_manual_first_then_shared_line_and_themes(client, kennisbank, lines):
    item = make_item(kennisbank, "Hoofditem", lines=[lines["dr"]], themes=["AI"])
    both = make_item(kennisbank, "Deelt lijn en thema", lines=[lines["dr"]], themes=["AI"])
    line_only = make_item(kennisbank, "Deelt alleen lijn", lines=[lines["dr"]])
    chosen = make_item(kennisbank, "Handmatig gekozen", lines=[lines["ep"]])
    make_item(kennisbank, "Niets gemeen", lines=[lines["ep"]])
    item.related_item_links = [KnowledgeItemRelation(item=chosen, sort_order=0)]
    publish_page(item)
    response = client.get(item.url)
    related = [page.title for page in response.context["related"]]
    assert related == ["Handmatig gekozen", "Deelt lijn en thema", "Deelt alleen lijn"]
    assert both and line_only


def test_english_kennisbank_lists_dutch_items_without_translation(client, kennisbank):
    make_item(kennisbank, "Alleen in het Nederlands")
    html = client.get("/en/kennisbank/").content.decode()
    assert "Alleen in het Nederlands" in html


def test_kennisbank_links_its_feed_and_map(client, kennisbank):
    knowledge_map = KnowledgeMapPage(title="Kenniskaart", slug="kenniskaart")
    kennisbank.add_child(instance=knowledge_map)
    publish_page(knowledge_map)
    html = client.get("/kennisbank/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/kennisbank/feed/"' in html
    assert 'href="/kennisbank/kenniskaart/"' in html


def test_map_is_an_accessible_table_linking_to_the_filtered_kennisbank(client, kennisbank,
                                                                      lines):
    make_item(kennisbank, "Tool DR", kind=Kind.TOOL, lines=[lines["dr"]], themes=["AI"])
    make_item(kennisbank, "Zonder lijn", kind=Kind.REPORT)
    knowledge_map = KnowledgeMapPage(title="Kenniskaart", slug="kenniskaart")
    kennisbank.add_child(instance=knowledge_map)
    publish_page(knowledge_map)
    html = client.get(knowledge_map.url).content.decode()
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    assert 'href="/kennisbank/?line=digital-readiness&amp;kind=tool"' in html
    assert 'href="/kennisbank/?line=none&amp;kind=report"' in html
    html = client.get(knowledge_map.url, {"rows": "theme"}).content.decode()
    assert 'href="/kennisbank/?theme=ai&amp;kind=tool"' in html
    # The cell links give exactly the counted items.
    listing = client.get("/kennisbank/", {"line": "digital-readiness", "kind": "tool"})
    assert listing.context["kennisbank"].total == 1


def test_portal_search_fields(kennisbank, lines):
    document = make_document("Bijlage met titel")
    item = make_item(kennisbank, "Zoekbaar", lines=[lines["dr"]], themes=["Gender"], sdgs=[5],
                     track="both", documents=[document], language="en",
                     organisations=[OrganisationFactory(name="Org Zoek")],
                     other_authors="Extern Bureau")
    fields = item.portal_search_fields()
    organisation = item.authoring_organisations.get()
    theme = item.themes.get()
    assert fields.kind == "knowledge"
    assert fields.learning_lines == (FacetValue(str(lines["dr"].pk), "Digital Readiness"),)
    assert fields.tracks == ("practitioner", "leadership")
    assert fields.themes == (FacetValue(str(theme.pk), "Gender"),) and fields.sdgs == (5,)
    assert set(fields.organisations) == {FacetValue(str(organisation.pk), "Org Zoek"),
                                         FacetValue("name:Extern Bureau", "Extern Bureau")}
    assert "Bijlage met titel" in fields.body
    assert fields.language == "en" and fields.date == item.publication_date


# --- A fixed number of queries -----------------------------------------------------------


def _populate(kennisbank, site_structure, count, start):
    line = make_line(site_structure, "digital-readiness", "Digital Readiness")
    organisation = OrganisationFactory()
    for number in range(start, start + count):
        make_item(kennisbank, f"Item {number}", kind=Kind.TOOL if number % 2 else Kind.REPORT,
                  lines=[line], themes=[f"Thema {number % 3}"], sdgs=[number % 17 + 1],
                  organisations=[organisation], documents=[make_document(f"Doc {number}")],
                  members_only=number % 5 == 0)


def _queries(client, url):
    client.get(url)  # warm caches that are per process, not per request
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _shell_queries(client):
    """What the site shell (routing, privacy check, menu, breadcrumbs, language switch,
    settings) costs on a plain section page, for comparison."""
    return _queries(client, "/nieuws/")


@pytest.mark.parametrize("as_member", [False, True])
def test_pages_run_a_fixed_number_of_queries(client, site_structure, kennisbank, as_member,
                                             member):
    if as_member:
        client.force_login(member)
    knowledge_map = KnowledgeMapPage(title="Kenniskaart", slug="kenniskaart")
    kennisbank.add_child(instance=knowledge_map)
    publish_page(knowledge_map)
    _populate(kennisbank, site_structure, 3, 0)
    urls = ["/kennisbank/", "/kennisbank/?kind=tool&line=digital-readiness&sort=title",
            "/kennisbank/kenniskaart/", "/kennisbank/kenniskaart/?rows=theme",
            "/kennisbank/item-1/", "/kennisbank/feed/"]
    small = {url: _queries(client, url) for url in urls}
    _populate(kennisbank, site_structure, 30, 3)
    large = {url: _queries(client, url) for url in urls}
    assert small == large
    shell = _shell_queries(client)
    print({url: (count, count - shell) for url, count in large.items()})
    for url, count in large.items():
        # The shell's own queries are outside this app; what the knowledge pages add on top
        # stays within 15.
        assert count - shell <= 15, (url, count, shell)
        if not as_member:  # the speed budget for public pages, shell included
            assert count <= 15, (url, count)
