"""The Elasticsearch 8 client layer: the real elasticsearch-py client against recorded
Elasticsearch 8 responses (tests/search/recorded_es.py), and the shared mapping and query
as the Elasticsearch DSL builds them. Elasticsearch 8 itself cannot run here; the same
engine code runs against a real OpenSearch node in the contract suite."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from elasticsearch import dsl as es_dsl

from search import service
from search.backends.base import SearchRequest
from search.backends.engine import build_mapping, build_search, to_source
from search.models import PendingIndexUpdate
from tests.search import recorded_es
from tests.search.conftest import make_document
from tests.search.recorded_es import ALIAS, INDEX

es = recorded_es.es  # the fixture: the real client answering from recorded responses


# -- mapping and query (built by the Elasticsearch DSL) ---------------------------------


def test_mapping_has_dutch_and_english_stemming_and_keyword_facets():
    mapping = build_mapping(es_dsl)["properties"]
    for field in ("title", "summary", "body"):
        assert mapping[field]["fields"]["nl"]["analyzer"] == "dutch"
        assert mapping[field]["fields"]["en"]["analyzer"] == "english"
        assert mapping[field]["copy_to"] == "spelling"
    for facet in ("content_type", "learning_line", "track", "theme", "organisation",
                  "language", "audience", "sdg"):
        assert mapping[facet]["type"] == "keyword"
    assert mapping["title_suggest"]["type"] == "completion"
    assert mapping["title_suggest"]["contexts"][0]["name"] == "audience"


def test_query_filters_audience_facets_and_escapes_nothing_dangerous():
    request = SearchRequest(text='digi* AND "(title:x', tokens=["public"],
                            filters={"theme": ["Klimaat"]}, page=2, per_page=10)
    body = build_search(es_dsl, request, index="idx").to_dict()
    query = body["query"]["bool"]
    words = query["must"][0]["function_score"]["query"]["bool"]["must"]
    # Each word on its own, as plain text: no syntax survives.
    assert [clause["multi_match"]["query"] for clause in words] == ["digi", "and", "title", "x"]
    assert "title^4" in words[0]["multi_match"]["fields"]
    assert "summary.nl^2" in words[0]["multi_match"]["fields"]
    assert {"terms": {"audience": ["public"]}} in query["filter"]
    assert {"terms": {"theme": ["Klimaat"]}} in query["filter"]
    assert body["from"] == 10 and body["size"] == 10
    assert set(body["aggs"]) >= {"content_type", "learning_line", "track", "theme",
                                 "organisation", "year", "language"}
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert set(body["highlight"]["fields"]) >= {"title", "title.nl", "title.en", "body.nl"}
    assert body["suggest"]["spelling"]["term"] == {"field": "spelling",
                                                   "suggest_mode": "missing"}


def test_newer_knowledge_is_slightly_preferred_and_date_sort():
    request = SearchRequest(text="scan", tokens=["public"], sort="date")
    body = build_search(es_dsl, request, index="idx").to_dict()
    functions = body["query"]["bool"]["must"][0]["function_score"]["functions"]
    assert functions[0]["filter"] == {"term": {"content_type": "knowledge"}}
    assert "gauss" in functions[0]
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}


def test_source_document_carries_audience_and_completion_contexts():
    data = make_document(1, "Titel", audience=["group:3"], theme=["Klimaat"],
                         date=datetime(2026, 5, 1, tzinfo=UTC))
    source = to_source(data)
    assert source["audience"] == ["group:3"]
    assert source["title_suggest"]["contexts"] == {"audience": ["group:3"]}
    assert source["theme"] == ["Klimaat"] and source["year"] == 2026


def test_the_elasticsearch_requirement_admits_only_clients_with_the_dsl():
    """elasticsearch.dsl ships with the client from 8.18 on."""
    import tomllib
    from pathlib import Path

    from packaging.requirements import Requirement

    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    requirement = next(Requirement(line) for line in pyproject["project"]["dependencies"]
                       if line.startswith("elasticsearch"))
    assert not requirement.specifier.contains("8.17.0")
    assert requirement.specifier.contains("8.19.3")


# -- the client layer against recorded responses ------------------------------------


def test_removing_a_missing_document_is_no_error(es, db):
    """elasticsearch-py 8 takes no ignore_status= on a call (TypeError before the fix)."""
    es.expect("PUT", "/_bulk", "bulk_delete_missing", id="page:41")
    assert service.get_backend().remove("page:41") is False
    sent = es.requests[-1]
    assert [line["delete"]["_index"] for line in sent.lines] == [ALIAS, f"{ALIAS}_next"]


def test_a_failed_delete_does_not_block_the_updates_queued_after_it(es, db):
    PendingIndexUpdate.objects.create(key="page:41", action="delete")
    PendingIndexUpdate.objects.create(key="page:42", action="delete")
    PendingIndexUpdate.objects.create(key="page:43", action="delete")
    es.expect("PUT", "/_bulk", "bulk_delete_missing", id="page:41")
    es.expect("PUT", "/_bulk", "bulk_delete_refused", id="page:42")
    es.expect("PUT", "/_bulk", "bulk_delete_missing", id="page:43")
    assert service.catch_up() == 2
    kept = PendingIndexUpdate.objects.get()
    assert kept.key == "page:42" and kept.attempts == 1
    assert "illegal_argument_exception" in kept.last_error


def test_an_update_is_one_request_and_the_first_creates_one_index(es, db):
    data = make_document(7, "Een nieuw waterpunt")
    # The first write ever: the alias is missing, the fixed first index is made with its
    # alias in the same request, and the write is sent again.
    es.expect("PUT", "/_bulk", "bulk_index_no_alias", id="test:7")
    es.expect("PUT", f"/{INDEX}", "create_index_ok")
    es.expect("PUT", "/_bulk", "bulk_index_ok", id="test:7")
    assert service.get_backend().index(data) is False
    created = es.requests[1]
    assert created.json["aliases"] == {ALIAS: {}}
    assert created.json["mappings"]["properties"]["title"]["fields"]["nl"]["analyzer"] == "dutch"
    # Another process made it meanwhile: its "already exists" is no error.
    es.expect("PUT", "/_bulk", "bulk_index_no_alias", id="test:7")
    es.expect("PUT", f"/{INDEX}", "create_index_exists")
    es.expect("PUT", "/_bulk", "bulk_index_ok", id="test:7")
    service.get_backend().index(data)
    # Every later update: one request, no existence check.
    before = len(es.requests)
    es.expect("PUT", "/_bulk", "bulk_index_ok", id="test:7")
    service.get_backend().index(data)
    assert [request.method for request in es.requests[before:]] == ["PUT"]
    assert es.requests[-1].query["refresh"] == "true"  # the test settings' refresh


def test_one_client_per_process(es):
    assert service.get_backend().client is service.get_backend().client


def test_teardown_and_drop_delete_exact_index_names(es):
    es.expect("GET", f"/_alias/{ALIAS}", "get_alias_two", index2=f"{ALIAS}_2026")
    es.expect("GET", f"/_alias/{ALIAS}_next", "get_alias_missing", alias=f"{ALIAS}_next")
    es.expect("DELETE", f"/{ALIAS}_2026", "delete_index_ok")
    es.expect("DELETE", f"/{INDEX}", "delete_index_missing")  # already gone: no error
    service.get_backend().drop()
    deletes = [request.path for request in es.requests if request.method == "DELETE"]
    assert deletes == [f"/{ALIAS}_2026", f"/{INDEX}"]
    assert not any("*" in request.path for request in es.requests)


def test_search_reads_hits_stemmed_highlights_and_facets(es, db):
    es.expect("POST", f"/{ALIAS}/_search", "search_two_hits")
    result = service.search("waterpunten", AnonymousUser())
    assert result.backend == "elasticsearch" and result.total == 2
    first, second = result.hits
    assert first.title_html == "Een nieuw <mark>waterpunt</mark>"  # from title.nl
    assert first.snippet_html == "De <mark>waterpunten</mark> zijn klaar."
    assert first.date == datetime(2026, 3, 1, 12, tzinfo=UTC)
    assert second.title_html == "Jaarverslag" and second.date is None
    assert dict(result.facets["theme"]) == {"Water": 2}
    assert dict(result.facets["year"]) == {"2026": 1}
    assert "track" not in result.facets
    assert result.suggestion is None
    sent = es.requests[0].json
    assert sent["query"]["bool"]["filter"][0] == {"terms": {"audience": ["public"]}}


def test_a_correction_is_offered_only_when_the_user_may_see_what_it_finds(es, db):
    es.expect("POST", f"/{ALIAS}/_search", "search_no_hits_suggestion",
              word="xylofonbeleid", correction="xylofoonbeleid")
    es.expect("POST", f"/{ALIAS}/_count", "count", count="0")
    result = service.search("xylofonbeleid", AnonymousUser())
    assert result.total == 0 and result.suggestion is None
    count_query = es.requests[-1].json["query"]["bool"]
    assert {"terms": {"audience": ["public"]}} in count_query["filter"]
    es.expect("POST", f"/{ALIAS}/_search", "search_no_hits_suggestion",
              word="volwasenheid", correction="volwassenheid")
    es.expect("POST", f"/{ALIAS}/_count", "count", count="1")
    assert service.search("volwasenheid", AnonymousUser()).suggestion == "volwassenheid"


def test_autocomplete_asks_the_completion_suggester_with_audience_contexts(es, db):
    es.expect("POST", f"/{ALIAS}/_search", "completion")
    suggestions = service.title_suggestions("Digi", AnonymousUser())
    assert suggestions.backend == "elasticsearch"
    assert suggestions.items == [{"title": "Digitale volwassenheid meten",
                                  "url": "/kennis/quick-scan/", "content_type": "knowledge"}]
    completion = es.requests[0].json["suggest"]["titles"]["completion"]
    assert completion["contexts"] == {"audience": ["public"]}


def test_an_unreachable_engine_fails_the_search_under_test(settings, db):
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    with pytest.raises(Exception) as error:
        service.search("water", AnonymousUser())
    assert service.get_backend().is_unavailable(error.value)
