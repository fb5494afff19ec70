"""The knowledge demo step: enough varied content, member-only monitors, valid PDFs,
and idempotent."""

import re

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from knowledge import demo
from knowledge.models import Kind, KnowledgeItemPage, KnowledgeMapPage
from portal import demo as portal_demo
from tests.factories import OrganisationFactory

from .factories import make_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def context(site_structure):
    context = dict(site_structure)
    portal_demo.load(context)  # the curated themes
    context["organisations"] = {
        name: OrganisationFactory(name=name) for name in [
            demo.WATERBRON, demo.AARDE, demo.KINDERKANSEN, demo.VROUWEN, demo.DIGITAAL,
            demo.GEZOND, demo.VREDE, demo.OOGST, demo.OPEN_RUIMTE, demo.LOKAAL]
    }
    context["learning_lines"] = {
        slug: make_line(site_structure, slug) for slug in (demo.DR, demo.EP, demo.FR)
    }
    return context


def snapshot():
    return (Page.objects.count(), PageViewRestriction.objects.count(),
            get_document_model().objects.count(),
            sorted(Page.objects.values_list("url_path", flat=True)))


def test_demo_is_varied_idempotent_and_restricts_monitors(context):
    demo.load(context)
    first = snapshot()
    demo.load(context)
    assert snapshot() == first
    items = KnowledgeItemPage.objects.filter(locale__language_code="nl")
    assert items.count() >= 30
    assert set(items.values_list("kind", flat=True)) == set(Kind.values)
    assert set(items.values_list("language", flat=True)) == {"nl", "en"}
    for line in context["learning_lines"].values():
        assert items.filter(learning_lines=line).count() >= 5
    assert items.filter(learning_lines__isnull=True).exists()
    assert items.filter(theme_items__isnull=False).distinct().count() == items.count()
    monitors = items.filter(kind=Kind.POLITICAL_MONITOR)
    assert monitors.count() >= 5
    for monitor in monitors:
        assert PageViewRestriction.objects.filter(page=monitor).exists()
    assert KnowledgeMapPage.objects.count() == 2  # Dutch and English
    assert KnowledgeItemPage.objects.filter(locale__language_code="en").exists()
    check_pdfs()


def check_pdfs():
    documents = get_document_model().objects.all()
    assert documents.count() >= 25
    for document in documents[:10]:
        with document.file.open("rb") as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
        assert document.file_size == len(data)
        # Every cross-reference offset points at its object.
        xref_at = int(re.search(rb"startxref\n(\d+)", data).group(1))
        assert data[xref_at:xref_at + 4] == b"xref"
        offsets = re.findall(rb"(\d{10}) 00000 n ", data[xref_at:])
        for number, offset in enumerate(offsets, start=1):
            assert data[int(offset):].startswith(f"{number} 0 obj".encode())


def test_kennisbank_renders_with_demo_content(client, context):
    """(Loading the demo is slow, so this test also checks the PDFs.)"""
    demo.load(context)
    check_pdfs()
    for url in ("/kennisbank/", "/en/kennisbank/", "/kennisbank/kenniskaart/",
                "/kennisbank/power-awareness-tool/", "/en/kennisbank/power-awareness-tool/",
                "/kennisbank/feed/"):
        assert client.get(url).status_code == 200, url
    html = client.get("/kennisbank/").content.decode()
    assert "Politieke monitor week" not in html and "Politieke monitor-editie (0)" in html
