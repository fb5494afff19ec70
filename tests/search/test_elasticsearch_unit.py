"""Unit tests of the Elasticsearch mapping and queries, built without a server."""

from datetime import UTC, datetime

from search.backends.base import SearchRequest
from search.backends.elasticsearch import PortalDocument, build_search, to_source
from tests.search.conftest import make_document


def test_mapping_has_dutch_and_english_stemming_and_keyword_facets():
    mapping = PortalDocument._doc_type.mapping.to_dict()["properties"]
    for field in ("title", "summary", "body"):
        assert mapping[field]["fields"]["nl"]["analyzer"] == "dutch"
        assert mapping[field]["fields"]["en"]["analyzer"] == "english"
    for facet in ("content_type", "learning_line", "track", "theme", "organisation",
                  "language", "audience", "sdg"):
        assert mapping[facet]["type"] == "keyword"
    assert mapping["title_suggest"]["type"] == "completion"
    assert mapping["title_suggest"]["contexts"][0]["name"] == "audience"


def test_query_filters_audience_facets_and_escapes_nothing_dangerous():
    request = SearchRequest(text='digi* AND "(title:x', tokens=["public"],
                            filters={"theme": ["Klimaat"]}, page=2, per_page=10)
    body = build_search(request, index="idx").to_dict()
    query = body["query"]["bool"]
    match = query["must"][0]["function_score"]["query"]["multi_match"]
    assert match["query"] == "digi and title x"  # words only, no syntax
    assert match["operator"] == "and"
    assert "title^4" in match["fields"] and "summary^2" in match["fields"]
    assert {"terms": {"audience": ["public"]}} in query["filter"]
    assert {"terms": {"theme": ["Klimaat"]}} in query["filter"]
    assert body["from"] == 10 and body["size"] == 10
    assert set(body["aggs"]) >= {"content_type", "learning_line", "track", "theme",
                                 "organisation", "year", "language"}
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["suggest"]["spelling"]["term"]["field"] == "body"


def test_newer_knowledge_is_slightly_preferred_and_date_sort():
    request = SearchRequest(text="scan", tokens=["public"], sort="date")
    body = build_search(request, index="idx").to_dict()
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
