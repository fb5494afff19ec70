"""Dutch and English on every backend: a word finds its other forms in both languages
(the database backend stems with the Snowball stemmers, the engines with their dutch and
english analyzers), on pages published the way an editor publishes them, and a result in
the other language than the page's is marked with its language on /zoeken/."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser

from search import service

VISITOR = AnonymousUser()


@pytest.fixture
def pages(backend, publish, site_structure):
    """A Dutch page about waterpunten, an English page about one organisation."""
    dutch = publish("Nieuws uit Kenia", "nieuws-kenia",
                    "Drie dorpen kregen nieuwe waterpunten bij de school.")
    english = publish("Annual meeting", "annual-meeting",
                      "Every member organisation sends one delegate to the meeting.",
                      parent=site_structure["home_en"])
    return {"nl": dutch, "en": english}


def titles(result):
    return [hit.title for hit in result.hits]


def test_a_dutch_singular_finds_the_plural(pages, find):
    result = find("waterpunt", VISITOR)
    assert titles(result) == ["Nieuws uit Kenia"]
    assert "<mark>waterpunten</mark>" in result.hits[0].snippet_html


def test_an_english_plural_finds_the_singular(pages, find):
    result = find("organisations", VISITOR)
    assert titles(result) == ["Annual meeting"]
    assert "<mark>organisation</mark>" in result.hits[0].snippet_html


def test_every_word_must_still_be_found_in_some_form(pages, find):
    assert titles(find("waterpunt school", VISITOR)) == ["Nieuws uit Kenia"]
    assert find("waterpunt organisations", VISITOR).total == 0


def test_stemming_does_not_match_unrelated_words(pages, find):
    # Stemming is no prefix search: "water" (and "watering", stem "water") is another
    # word than "waterpunten".
    assert find("water", VISITOR).total == 0
    assert find("watering", VISITOR).total == 0


@pytest.fixture
def answered_by(monkeypatch):
    """The backends that answered the searches of /zoeken/ (the view calls the service)."""
    backends = []
    search = service.search

    def recording(*args, **kwargs):
        result = search(*args, **kwargs)
        backends.append(result.backend)
        return result

    monkeypatch.setattr(service, "search", recording)
    return backends


def hit_items(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {item.select_one(".card__title").get_text(strip=True): item
            for item in soup.select("li.search-hit")}


def test_a_result_in_the_other_language_is_marked_on_the_search_page(
        pages, backend, client, answered_by):
    items = hit_items(client.get("/zoeken/?q=organisations"))
    assert answered_by == [backend.name]
    english = items["Annual meeting"]
    # The title and the excerpt are English text on a Dutch page: marked as such, and a
    # label that everyone sees says so (in Dutch).
    assert english.select_one(".card__title")["lang"] == "en"
    assert english.select_one(".search-hit__snippet")["lang"] == "en"
    label = english.select_one(".search-hit__language")
    assert label is not None and label.get_text(strip=True) == "Engels"
    assert not label.has_attr("lang") or label["lang"] == "nl"


def test_a_result_in_the_page_language_has_no_language_label(
        pages, backend, client, answered_by):
    items = hit_items(client.get("/zoeken/?q=waterpunt"))
    assert answered_by == [backend.name]
    dutch = items["Nieuws uit Kenia"]
    assert dutch.select_one(".search-hit__language") is None
    assert not dutch.select_one(".card__title").has_attr("lang")


def test_on_the_english_site_a_dutch_result_is_marked_dutch(pages, backend, client,
                                                              answered_by):
    items = hit_items(client.get("/en/zoeken/?q=waterpunt"))
    assert answered_by == [backend.name]
    dutch = items["Nieuws uit Kenia"]
    assert dutch.select_one(".card__title")["lang"] == "nl"
    assert dutch.select_one(".search-hit__language").get_text(strip=True) == "Dutch"
