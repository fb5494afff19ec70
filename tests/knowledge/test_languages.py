"""The kennisbank on the English site: each item once, in English where a live
translation exists, otherwise the Dutch item at its English address, marked as Dutch;
a draft translation never hides the Dutch item (portal/languages.py, knowledge.selectors)."""

import re

import pytest
from wagtail.models import Locale

from portal.site_structure import publish_page
from tests.knowledge.factories import make_item


def translate(item, title, live=True):
    english = item.copy_for_translation(Locale.objects.get(language_code="en")).specific
    english.title = title
    if live:
        publish_page(english)
    else:
        english.save_revision()
    return english


def cards(html):
    """(href, lang of the card, title, marked) of each item card."""
    found = []
    for card in re.findall(r'<article class="card knowledge-card".*?</article>', html, re.S):
        lang = re.search(r'^<article class="card knowledge-card"(?: lang="(\w+)")?', card)
        link = re.search(r'<a href="([^"]+)"[^>]*>(.*?)</a>', card)
        found.append((link.group(1), lang.group(1), link.group(2),
                      'class="language-marker"' in card))
    return sorted(found)


@pytest.mark.django_db
def test_english_kennisbank_lists_each_item_once_in_english_or_marked(client, kennisbank):
    translated = make_item(kennisbank, "Machtsanalyse", slug="machtsanalyse")
    translate(translated, "Power analysis")
    drafted = make_item(kennisbank, "Veldgids", slug="veldgids")
    translate(drafted, "Field guide (draft)", live=False)
    make_item(kennisbank, "Alleen Nederlands", slug="alleen-nederlands")

    html = client.get("/en/kennisbank/").content.decode()
    assert cards(html) == [
        ("/en/kennisbank/alleen-nederlands/", "nl", "Alleen Nederlands", True),
        ("/en/kennisbank/machtsanalyse/", None, "Power analysis", False),
        ("/en/kennisbank/veldgids/", "nl", "Veldgids", True),
    ]
    assert "Field guide (draft)" not in html
    dutch = client.get("/kennisbank/").content.decode()
    assert [card[2] for card in cards(dutch)] == ["Alleen Nederlands", "Machtsanalyse",
                                                  "Veldgids"]
    for href, *_rest in cards(html):
        assert client.get(href).status_code == 200
