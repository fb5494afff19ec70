"""The Elasticsearch 8 client layer against recorded Elasticsearch 8 responses
(tests/search/recorded/): what the backend sends (method, path, body, as the real
elasticsearch-py client serialises it) and what it does on the engine's errors. Under test
PORTAL_SEARCH_FALLBACK is off: an engine error fails the search, no database answer hides
it; the fallback's own behaviour is tested with it switched on."""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from elasticsearch import ApiError, UnsupportedProductError

from search import outage, service
from search.backends.engine import BulkItemError
from search.models import PendingIndexUpdate
from tests.search import recorded_es
from tests.search.conftest import make_document
from tests.search.recorded_es import ALIAS, recorded_request

es = recorded_es.es  # the fixture: the real client answering from recorded responses
SEARCH = f"/{ALIAS}/_search"


def sent_searches(recorder):
    return [request for request in recorder.requests if request.path == SEARCH]


# -- the request as sent -----------------------------------------------------------


def test_the_search_request_is_the_recorded_one(es, db):
    """The whole body the client sends for a two-word, filtered, second-page search as a
    visitor: every word on its own over the stemmed fields (a word in the title and one in
    the body still match), the audience filter, the facets, highlights of the stemmed
    subfields, the spelling suggester for unknown words only."""
    es.expect("POST", SEARCH, "search_two_hits", total="12")
    service.search("Waterpunten bouwen", AnonymousUser(), filters={"theme": ["7"]}, page=2)
    request = es.requests[0]
    assert (request.method, request.path) == ("POST", SEARCH)
    assert request.headers["content-type"].startswith(
        "application/vnd.elasticsearch+json; compatible-with=8")
    assert request.json == recorded_request("search_two_words_filtered_page_2")


def test_words_split_over_title_and_body_each_match_somewhere(es, db):
    """most_fields with operator "and" wants every word in one field: a page with
    "waterpunt" in its title and "bouwen" in its body would not be found."""
    es.expect("POST", SEARCH, "search_two_hits")
    service.search("waterpunt bouwen", AnonymousUser())
    scored = sent_searches(es)[0].json["query"]["bool"]["must"][0]["function_score"]
    clauses = scored["query"]["bool"]["must"]
    assert [clause["multi_match"]["query"] for clause in clauses] == ["waterpunt", "bouwen"]
    for clause in clauses:
        assert "operator" not in clause["multi_match"]
        assert {"title^4", "title.nl^4", "body.nl", "body.en"} <= set(
            clause["multi_match"]["fields"])


def test_a_page_past_the_result_window_asks_the_last_page_the_engine_allows(es, db):
    """from + size may not pass 10,000 (index.max_result_window): page 5,000 of a query
    with 60,000 results asks for results 9,990-10,000, never a 400 from the engine."""
    es.expect("POST", SEARCH, "search_two_hits", total="60000")
    result = service.search("water", AnonymousUser(), page=5000)
    body = sent_searches(es)[0].json
    assert body["from"] + body["size"] == 10_000
    assert result.page == 1000


# -- errors: no silent fallback under test -----------------------------------------


def test_an_engine_that_fails_with_503_fails_the_search_under_test(es, db, caplog):
    """The client retries a 503 three times (elastic-transport's default), then raises;
    under test nothing answers instead of the engine."""
    es.expect("POST", SEARCH, "unavailable_503", times=4)
    with pytest.raises(ApiError) as error:
        service.search("water", AnonymousUser())
    assert error.value.meta.status == 503
    assert "search_phase_execution_exception" in str(error.value)
    assert len(sent_searches(es)) == 4
    assert service.get_backend().is_unavailable(error.value)


def test_with_the_fallback_on_a_503_is_answered_by_the_database_and_remembered(
        es, db, settings, caplog):
    settings.PORTAL_SEARCH_FALLBACK = True
    es.expect("POST", SEARCH, "unavailable_503", times=4)
    with caplog.at_level(logging.WARNING, logger="search.service"):
        result = service.search("water", AnonymousUser())
    assert result.backend == "database"
    assert "unavailable" in caplog.text
    assert outage.known_down(service.get_backend())
    # The next search does not wait for the engine: no request reaches it.
    before = len(es.requests)
    assert service.search("water", AnonymousUser()).backend == "database"
    assert len(es.requests) == before


def test_a_429_is_retried_by_the_client_and_then_answered(es, db):
    es.expect("POST", SEARCH, "rejected_429")
    es.expect("POST", SEARCH, "search_two_hits")
    result = service.search("waterpunten", AnonymousUser())
    assert result.backend == "elasticsearch" and result.total == 2
    assert len(sent_searches(es)) == 2


def test_an_engine_that_stays_overloaded_fails_the_search_under_test(es, db):
    es.expect("POST", SEARCH, "rejected_429", times=4)
    with pytest.raises(ApiError) as error:
        service.search("water", AnonymousUser())
    assert error.value.meta.status == 429
    assert "es_rejected_execution_exception" in str(error.value)


def test_catching_up_stops_while_the_engine_is_overloaded(es, db):
    """A 429 means "not now" for every update: the catch-up stops and keeps them all,
    instead of sending each queued update into the full queue."""
    PendingIndexUpdate.objects.create(key="page:41", action="delete")
    PendingIndexUpdate.objects.create(key="page:42", action="delete")
    es.expect("PUT", "/_bulk", "rejected_429", times=4)
    assert service.catch_up() == 0
    assert sorted(PendingIndexUpdate.objects.values_list("key", "attempts")) == [
        ("page:41", 0), ("page:42", 0)]
    assert len(es.requests) == 4  # the first update, retried by the client; not the second


def test_a_document_the_mapping_refuses_raises_with_the_engines_reason(es, db):
    es.expect("PUT", "/_bulk", "bulk_index_mapping_error", id="test:9")
    backend = service.get_backend()
    with pytest.raises(BulkItemError, match="document_parsing_exception") as error:
        backend.index(make_document(9, "Waterpunt"))
    assert not backend.is_unavailable(error.value)  # one refusal; the engine is fine
    sent = es.requests[0].lines
    assert sent[0] == {"index": {"_index": ALIAS, "_id": "test:9", "require_alias": True}}
    assert sent[1]["title"] == "Waterpunt"
    assert sent[2]["index"]["_index"] == f"{ALIAS}_next"


def test_an_answer_that_is_not_from_elasticsearch_is_refused(es, db):
    """The client checks X-Elastic-Product on every answer: another engine or a proxy at
    ELASTICSEARCH_URL fails the search instead of being read as results."""
    es.expect("POST", SEARCH, "not_elasticsearch")
    with pytest.raises(UnsupportedProductError):
        service.search("water", AnonymousUser())


# -- health ------------------------------------------------------------------------


def test_status_reads_cluster_health_and_the_document_count(es, db):
    es.expect("GET", "/_cluster/health", "cluster_health", status="green", unassigned="0")
    es.expect("GET", f"/_alias/{ALIAS}", "get_alias_two", index2=f"{ALIAS}_2026")
    es.expect("POST", f"/{ALIAS}/_count", "count", count="5")
    status = service.status()
    assert status["status"] == "ok" and status["answering"] == "elasticsearch"
    assert status["engine_documents"] == 5


def test_a_red_cluster_makes_search_degraded(es, db):
    """A ping answers while a primary shard is missing; the cluster health says red."""
    es.expect("GET", "/_cluster/health", "cluster_health", status="red", unassigned="1")
    status = service.status()
    assert status["status"] == "degraded" and status["detail"] == "cluster red"
    assert status["answering"] is None  # under test nothing would answer instead


# -- the search index's generation ---------------------------------------------------


def test_every_engine_update_renews_the_search_index_generation(es, db):
    """Cached visitor results (search/caching.py) follow the generation: an update that
    reaches only the engine (a catch-up after an outage) must renew it too."""
    from search.generation import index_generation

    before = index_generation()
    es.expect("PUT", "/_bulk", "bulk_index_ok", id="test:7")
    service.get_backend().index(make_document(7, "Een nieuw waterpunt"))
    assert index_generation() == before + 1
    PendingIndexUpdate.objects.create(key="page:41", action="delete")
    es.expect("PUT", "/_bulk", "bulk_delete_missing", id="page:41")
    assert service.catch_up() == 1
    assert index_generation() == before + 2
