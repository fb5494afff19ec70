"""Search per language: a translated item is found once, in the visitor's language where
it exists (search.documents.hidden_in); facets count it once. On every backend."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Locale

from search import service
from tests.search.conftest import answered_by, make_document

VISITOR = AnonymousUser()


def titles(result):
    return sorted(hit.title for hit in result.hits)


@pytest.fixture
def two_languages(index_documents):
    """A translated item (its Dutch and English versions) and a Dutch-only one."""
    index_documents(
        {**make_document(1, "Waterputten", body="Putten in Mali.", language="nl"),
         "facets": {**make_document(1, "x")["facets"], "hidden_in": ["en"]}},
        {**make_document(2, "Water wells", body="Wells in Mali.", language="en"),
         "facets": {**make_document(2, "x", language="en")["facets"], "hidden_in": ["nl"]}},
        make_document(3, "Waterbeheer", body="Beheer in Mali.", language="nl"),
    )


@pytest.mark.django_db
def test_each_item_once_in_the_visitors_language(backend, two_languages):
    find = answered_by(backend, service.search)
    dutch = find("Mali", VISITOR, language="nl")
    assert titles(dutch) == ["Waterbeheer", "Waterputten"] and dutch.total == 2
    assert dict(dutch.facets["language"]) == {"nl": 2}
    english = find("Mali", VISITOR, language="en")
    assert titles(english) == ["Water wells", "Waterbeheer"] and english.total == 2
    assert dict(english.facets["language"]) == {"en": 1, "nl": 1}
    assert sum(count for _value, count in english.facets["content_type"]) == 2


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, title, capture, live=True):
    english = page.copy_for_translation(Locale.objects.get(language_code="en")).specific
    english.title = title
    english.intro = f"{title}: wells in Mali, as in the Dutch text."
    if live:
        publish(english, capture)
    else:
        english.save_revision()
    return english


def result_titles(client, url):
    html = client.get(url).content.decode()
    return re.findall(r'class="card__title"[^>]*><a href="([^"]+)">(.*?)</a>', html)


@pytest.mark.django_db
def test_search_pages_on_both_sites(client, site_structure,
                                    django_capture_on_commit_callbacks):
    from portal.models import StandardPage

    capture = django_capture_on_commit_callbacks
    home = site_structure["home"]
    translated = StandardPage(title="Waterputten", slug="waterputten",
                              intro="Putten in Mali voor schoon water.")
    home.add_child(instance=translated)
    publish(translated, capture)
    dutch_only = StandardPage(title="Waterbeheer", slug="waterbeheer",
                              intro="Beheer van water in Mali.")
    home.add_child(instance=dutch_only)
    publish(dutch_only, capture)
    english = translate(translated, "Water wells", capture)

    assert sorted(result_titles(client, "/zoeken/?q=Mali")) == [
        ("/waterbeheer/", "Waterbeheer"), ("/waterputten/", "Waterputten")]
    found = sorted(result_titles(client, "/en/zoeken/?q=Mali"))
    # The Dutch-only page at its English address (the fallback), the translation as itself.
    assert found == [("/en/waterbeheer/", "Waterbeheer"), ("/en/waterputten/", "Water wells")]

    # Unpublished, the English version gives way to the Dutch one on the English site.
    with capture(execute=True):
        english.unpublish()
    found = sorted(result_titles(client, "/en/zoeken/?q=Mali"))
    assert found == [("/en/waterbeheer/", "Waterbeheer"), ("/en/waterputten/", "Waterputten")]


@pytest.mark.django_db
def test_a_draft_translation_leaves_the_source_findable(client, site_structure,
                                                       django_capture_on_commit_callbacks):
    from portal.models import StandardPage

    capture = django_capture_on_commit_callbacks
    page = StandardPage(title="Waterputten", slug="waterputten", intro="Putten in Mali.")
    site_structure["home"].add_child(instance=page)
    publish(page, capture)
    translate(page, "Draft wells", capture, live=False)
    assert result_titles(client, "/en/zoeken/?q=Mali") == [("/en/waterputten/", "Waterputten")]
    assert result_titles(client, "/zoeken/?q=Mali") == [("/waterputten/", "Waterputten")]


@pytest.mark.django_db
def test_suggestions_hold_each_item_once_in_the_visitors_language(backend, two_languages):
    complete = answered_by(backend, service.title_suggestions, lambda result: result.items)
    assert sorted(row["title"] for row in complete("Wat", VISITOR, language="nl")) == [
        "Waterbeheer", "Waterputten"]
    assert sorted(row["title"] for row in complete("Wat", VISITOR, language="en")) == [
        "Water wells", "Waterbeheer"]


@pytest.mark.django_db
def test_autocomplete_addresses_on_both_sites(client, site_structure,
                                              django_capture_on_commit_callbacks):
    from portal.models import StandardPage

    capture = django_capture_on_commit_callbacks
    home = site_structure["home"]
    translated = StandardPage(title="Waterputten", slug="waterputten", intro="Putten.")
    home.add_child(instance=translated)
    publish(translated, capture)
    dutch_only = StandardPage(title="Waterbeheer", slug="waterbeheer", intro="Beheer.")
    home.add_child(instance=dutch_only)
    publish(dutch_only, capture)
    translate(translated, "Water wells", capture)

    def suggested(url):
        return sorted((row["title"], row["url"]) for row in client.get(url).json()["results"])

    assert suggested("/zoeken/autocomplete/?q=Wat") == [
        ("Waterbeheer", "/waterbeheer/"), ("Waterputten", "/waterputten/")]
    assert suggested("/en/zoeken/autocomplete/?q=Wat") == [
        ("Water wells", "/en/waterputten/"), ("Waterbeheer", "/en/waterbeheer/")]
