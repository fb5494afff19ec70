"""The database backend on its own: fixed query counts, and counts that stay right when
more documents match than are ranked."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import service
from search.backends import database
from search.documents import store_document
from tests.search.conftest import make_document

VISITOR = AnonymousUser()


@pytest.fixture
def many(db, settings):
    settings.PORTAL_SEARCH_BACKEND = "database"

    def fill(start, count):
        for data in [
            make_document(number, f"Waterput {number}", summary="Schoon water voor iedereen",
                          body="Over putten en pompen.",
                          theme=["Water"] if number % 2 else ["Klimaat"],
                          organisation=[f"Stichting {number % 3}"])
            for number in range(start, start + count)
        ]:
            store_document(data)
            database.DatabaseBackend().index(data)  # as search.service.index_page does
    return fill


def search_queries(text, **options):
    with CaptureQueriesContext(connection) as captured:
        result = service.search(text, VISITOR, **options)
    return result, len(captured)


@pytest.mark.django_db
def test_a_search_runs_a_fixed_number_of_queries(many):
    many(0, 10)  # enough results that no spelling suggestion is looked up
    service.search("waterput", VISITOR)  # warm per-process caches
    many(10, 1)  # each count is of the first search after an index change
    _, few = search_queries("waterput", filters={"theme": ["Water"]})
    many(11, 54)
    result, more = search_queries("waterput", filters={"theme": ["Water"]})
    assert result.total == 32  # the odd numbers of 0–64 have the theme Water
    assert few == more
    # What is read from the whole index (compound audiences, facet labels) is then
    # remembered until the index changes again.
    _, again = search_queries("waterput", filters={"theme": ["Water"]})
    assert again == more - 2


@pytest.mark.django_db
def test_totals_and_facets_count_every_match_beyond_the_ranking_cap(many, monkeypatch):
    many(0, 40)
    monkeypatch.setattr(database, "MAX_MATCHES", 10)
    result = service.search("schoon water", VISITOR, per_page=5)
    assert result.total == 40
    assert dict(result.facets["theme"]) == {"Water": 20, "Klimaat": 20}
    assert len(result.hits) == 5


@pytest.mark.django_db
def test_without_a_full_text_table_wagtails_search_finds_the_same(many, monkeypatch):
    """Where Wagtail's index is neither SQLite's FTS5 table nor PostgreSQL's vectors (a
    SQLite built without FTS5), the matches come from Wagtail's search API instead: the
    same total, facet counts and results as the direct SQL path."""
    many(0, 30)
    direct = service.search("schoon water", VISITOR, filters={"theme": ["Water"]})
    assert direct.total == 15
    monkeypatch.setattr(database.DatabaseBackend, "_sql_matching", lambda self: None)
    through_wagtail = service.search("schoon water", VISITOR, filters={"theme": ["Water"]})
    assert through_wagtail.total == direct.total
    assert through_wagtail.facets == direct.facets
    assert sorted(hit.key for hit in through_wagtail.hits) == \
        sorted(hit.key for hit in direct.hits)
