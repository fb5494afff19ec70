"""The Elasticsearch 8 backend, built with the Elasticsearch DSL (elasticsearch.dsl).

Documents carry Dutch and English analysed sub-fields (stemming), keyword facets and
an audience field; every query is filtered on the user's audience tokens. Rebuilds
write a new index and then move the alias, so search keeps answering meanwhile.
"""

import logging
from datetime import UTC, datetime

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Integer,
    Keyword,
    Q,
    Search,
    Text,
)
from elasticsearch.helpers import bulk

from search.backends.base import Hit, SearchBackend, SearchRequest, SearchResult, highlight
from search.documents import FACETS

logger = logging.getLogger(__name__)

TITLE_BOOST = 4
SUMMARY_BOOST = 2


def _text(**kwargs):
    """Analysed text with Dutch and English stemming sub-fields."""
    return Text(
        analyzer="standard",
        fields={"nl": Text(analyzer="dutch"), "en": Text(analyzer="english")},
        **kwargs,
    )


class PortalDocument(Document):
    key = Keyword()
    page_id = Integer()
    title = _text()
    title_suggest = Completion(contexts=[{"name": "audience", "type": "category"}])
    summary = _text()
    body = _text()
    url = Keyword(index=False)
    content_type = Keyword()
    language = Keyword()
    learning_line = Keyword()
    track = Keyword()
    theme = Keyword()
    organisation = Keyword()
    sdg = Keyword()
    year = Integer()
    date = Date()
    audience = Keyword()


INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}


def alias_name():
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}documents"


def to_source(data):
    """The Elasticsearch _source of a document built by search.documents.build_document."""
    facets = data["facets"]
    return {
        "key": data["key"],
        "page_id": data["page_id"],
        "title": data["title"],
        "title_suggest": {"input": [data["title"]],
                          "contexts": {"audience": data["audience"]}},
        "summary": data["summary"],
        "body": data["body"],
        "url": data["url"],
        "content_type": data["content_type"],
        "language": data["language"],
        "learning_line": facets.get("learning_line", []),
        "track": facets.get("track", []),
        "theme": facets.get("theme", []),
        "organisation": facets.get("organisation", []),
        "sdg": facets.get("sdg", []),
        "year": data["year"],
        "date": data["date"].isoformat() if data["date"] else None,
        "audience": data["audience"],
    }


def build_search(request: SearchRequest, index=None):
    """The Search object for a request (no I/O: unit-testable with .to_dict())."""
    search = Search(index=index or alias_name())
    words = request.words
    text = " ".join(words)
    fields = [f"title^{TITLE_BOOST}", f"title.nl^{TITLE_BOOST}", f"title.en^{TITLE_BOOST}",
              f"summary^{SUMMARY_BOOST}", f"summary.nl^{SUMMARY_BOOST}",
              f"summary.en^{SUMMARY_BOOST}", "body", "body.nl", "body.en"]
    # multi_match takes the words as plain text: no query syntax is ever parsed.
    match = Q("multi_match", query=text, fields=fields, type="most_fields", operator="and")
    # Newer knowledge slightly preferred: a gentle decay on the date of knowledge items.
    scored = Q(
        "function_score",
        query=match,
        functions=[{
            "filter": {"term": {"content_type": "knowledge"}},
            "gauss": {"date": {"origin": "now", "scale": "365d", "decay": 0.5}},
            "weight": 0.2,
        }, {"weight": 1.0}],
        score_mode="sum",
        boost_mode="multiply",
    )
    search = search.query(scored).filter("terms", audience=list(request.tokens))
    for facet, values in request.filters.items():
        if values:
            search = search.filter("terms", **{facet: list(values)})
    for facet in FACETS + ["sdg"]:
        search.aggs.bucket(facet, "terms", field=facet, size=50)
    search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"],
                                      encoder="html", fragment_size=200, number_of_fragments=1)
    search = search.highlight("title", "summary", "body", "body.nl", "body.en",
                              "summary.nl", "summary.en")
    search = search.suggest("spelling", text, term={"field": "body", "suggest_mode": "popular"})
    if request.sort == "date":
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    start = (max(1, request.page) - 1) * request.per_page
    return search.extra(from_=start, size=request.per_page, track_total_hits=True)


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url=None, timeout=5):
        self.url = url or settings.ELASTICSEARCH_URL
        self.client = Elasticsearch(self.url, request_timeout=timeout) if self.url else None

    def _require_client(self):
        if self.client is None:
            raise ConnectionError("ELASTICSEARCH_URL is not set")
        return self.client

    def ensure_index(self):
        client = self._require_client()
        if not client.indices.exists_alias(name=alias_name()):
            index = self._create_index()
            client.indices.put_alias(index=index, name=alias_name())

    def _create_index(self):
        client = self._require_client()
        name = f"{alias_name()}_{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"
        mapping = PortalDocument._doc_type.mapping.to_dict()
        client.indices.create(index=name, settings=INDEX_SETTINGS, mappings=mapping)
        return name

    def index(self, data):
        client = self._require_client()
        self.ensure_index()
        client.index(index=alias_name(), id=data["key"], document=to_source(data),
                     refresh="wait_for")

    def remove(self, key):
        client = self._require_client()
        if client.indices.exists_alias(name=alias_name()):
            client.delete(index=alias_name(), id=key, refresh="wait_for", ignore_status=404)

    def withdraw(self, keys):
        client = self._require_client()
        if keys and client.indices.exists_alias(name=alias_name()):
            client.delete_by_query(index=alias_name(), query={"ids": {"values": list(keys)}},
                                   refresh=True, conflicts="proceed")

    def rebuild(self, documents, total, progress=None):
        """Fill a new index, then switch the alias to it atomically and drop old ones."""
        client = self._require_client()
        new_index = self._create_index()
        done = 0

        def actions():
            nonlocal done
            for data in documents:
                done += 1
                if progress and done % 200 == 0:
                    progress(done, total)
                yield {"_index": new_index, "_id": data["key"], "_source": to_source(data)}

        bulk(client, actions(), chunk_size=500, refresh=True)
        if progress:
            progress(done, total)
        old = list(client.indices.get_alias(name=alias_name()).keys()) \
            if client.indices.exists_alias(name=alias_name()) else []
        client.indices.update_aliases(actions=[
            *({"remove": {"index": index, "alias": alias_name()}} for index in old),
            {"add": {"index": new_index, "alias": alias_name()}},
        ])
        for index in old:
            client.indices.delete(index=index, ignore_unavailable=True)
        return done

    def status(self):
        client = self._require_client()
        ok = bool(client.ping())
        count = client.count(index=alias_name())["count"] if ok and \
            client.indices.exists_alias(name=alias_name()) else 0
        return {"backend": self.name, "ok": ok, "documents": count}

    def search(self, request: SearchRequest) -> SearchResult:
        client = self._require_client()
        if not request.words:
            return SearchResult(hits=[], total=0, facets={}, page=1,
                                per_page=request.per_page, backend=self.name)
        response = build_search(request).using(client).execute()
        hits = []
        for hit in response:
            source = hit.to_dict()
            fragments = getattr(hit.meta, "highlight", None)
            snippet = None
            title_html = highlight(source.get("title", ""), request.words, 300)
            if fragments:
                for field in ("body", "body.nl", "body.en", "summary", "summary.nl",
                              "summary.en"):
                    if field in fragments:
                        snippet = fragments[field][0]
                        break
                if "title" in fragments:
                    title_html = fragments["title"][0]
            if snippet is None:
                snippet = highlight(f"{source.get('summary', '')} {source.get('body', '')}",
                                    request.words)
            hits.append(Hit(
                key=source["key"], title=source["title"], url=source["url"],
                content_type=source["content_type"],
                date=datetime.fromisoformat(source["date"]) if source.get("date") else None,
                title_html=title_html, snippet_html=snippet, score=hit.meta.score or 0,
            ))
        facets = {
            name: [(str(bucket.key), bucket.doc_count) for bucket in getattr(
                response.aggregations, name).buckets]
            for name in FACETS + ["sdg"]
        }
        facets = {name: values for name, values in facets.items() if values}
        total = response.hits.total.value
        suggestion = None
        options = getattr(response.suggest, "spelling", [])
        corrected, changed = [], False
        for entry in options:
            if entry.options:
                corrected.append(entry.options[0].text)
                changed = True
            else:
                corrected.append(entry.text)
        if changed:
            suggestion = " ".join(corrected)
        return SearchResult(hits=hits, total=total, facets=facets, suggestion=suggestion,
                            page=request.page, per_page=request.per_page, backend=self.name)

    def autocomplete(self, prefix, tokens, limit=8):
        client = self._require_client()
        search = Search(index=alias_name()).suggest(
            "titles", prefix[:100],
            completion={"field": "title_suggest", "size": limit, "skip_duplicates": True,
                        "contexts": {"audience": list(tokens)}},
        ).extra(size=0)
        response = search.using(client).execute()
        return [
            {"title": option._source.title, "url": option._source.url,
             "content_type": option._source.content_type}
            for option in response.suggest.titles[0].options
        ]
