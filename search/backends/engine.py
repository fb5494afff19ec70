"""The search engine backend shared by Elasticsearch 8 and OpenSearch 2.

Everything about the index is written once here: the mapping (Dutch and English stemming
sub-fields, keyword facets, an audience field, a completion suggester with audience
contexts), the query (every word somewhere in title, summary or body, title and summary
boosted, a gentle date decay for knowledge), the highlights, the facet aggregations, the
spelling suggestion, and the alias switching of rebuilds. The two client layers
(search/backends/elasticsearch.py and search/backends/opensearch.py) only say how their
client is made and called; both DSLs (``elasticsearch.dsl`` and ``opensearchpy``) come from
the same elasticsearch-dsl code and share its API, so the query is built with whichever
DSL the layer passes in.

Index layout: the alias ``<prefix>documents`` serves searches and takes updates. While a
rebuild fills a new index, the alias ``<prefix>documents_next`` points to it, and every
update is written to both (one bulk request): nothing is lost at the switch, and the update
is also queued so that it is replayed from the page after the switch (the rebuild may have
read the page before the update and write the older text after it).
"""

import logging
import threading
from datetime import UTC, datetime

from django.conf import settings

from search.backends.base import Hit, SearchBackend, SearchRequest, SearchResult, highlight
from search.documents import FACETS
from search.generation import bump_index_generation

logger = logging.getLogger(__name__)

TITLE_BOOST = 4
SUMMARY_BOOST = 2
# from + size may not pass index.max_result_window (10,000 by default on both engines).
MAX_RESULT_WINDOW = 10_000
AGGREGATED = FACETS + ["sdg"]
TEXT_FIELDS = ("title", "summary", "body")
SNIPPET_FIELDS = ("body", "body.nl", "body.en", "summary", "summary.nl", "summary.en")
TITLE_FIELDS = ("title", "title.nl", "title.en")
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}
AUTOCOMPLETE_OVERFETCH = 3  # titles asked per suggestion shown (some are hidden_in)
SUGGEST_BELOW = 3  # offer a spelling suggestion when fewer results than this
# HTTP 429: the engine's queues are full. Like a 5xx, it means "leave the engine alone for
# a while" (search.outage), not "this one request was wrong".
OVERLOADED = 429

_clients = {}
_clients_lock = threading.Lock()


def shared_client(kind, url, timeout, factory):
    """One client (and connection pool) per process, engine, URL and timeout."""
    key = (kind, url, timeout)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            client = _clients[key] = factory(url, timeout)
        return client


def index_prefix():
    return settings.SEARCH_INDEX_PREFIX


def alias_name():
    return f"{index_prefix()}documents"


def next_alias_name():
    return f"{alias_name()}_next"


def initial_index_name():
    """The first index behind the alias: a fixed name, so that two first writes at once
    create one index (the second create is refused as already existing)."""
    return f"{alias_name()}_initial"


def new_index_name():
    return f"{alias_name()}_{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"


def build_mapping(dsl):
    """The index mapping, as a dict, built with the layer's DSL."""
    def text():
        return dsl.Text(
            analyzer="standard", copy_to="spelling",
            fields={"nl": dsl.Text(analyzer="dutch"), "en": dsl.Text(analyzer="english")},
        )

    mapping = dsl.Mapping()
    mapping.field("key", dsl.Keyword())
    mapping.field("page_id", dsl.Integer())
    for name in TEXT_FIELDS:
        mapping.field(name, text())
    # All words of title, summary and body, unstemmed: the spelling suggester's source.
    mapping.field("spelling", dsl.Text(analyzer="standard"))
    mapping.field("title_suggest", dsl.Completion(
        contexts=[{"name": "audience", "type": "category"}]))
    mapping.field("url", dsl.Keyword(index=False))
    for name in ("content_type", "language", "learning_line", "track", "theme",
                 "organisation", "sdg", "audience", "hidden_in"):
        mapping.field(name, dsl.Keyword())
    mapping.field("year", dsl.Integer())
    mapping.field("date", dsl.Date())
    return mapping.to_dict()


def to_source(data):
    """The engine's _source of a document built by search.documents.build_document."""
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
        "hidden_in": facets.get("hidden_in", []),
        "year": data["year"],
        "date": data["date"].isoformat() if data["date"] else None,
        "audience": data["audience"],
    }


def word_fields():
    fields = []
    for name, boost in (("title", TITLE_BOOST), ("summary", SUMMARY_BOOST), ("body", 1)):
        suffix = f"^{boost}" if boost != 1 else ""
        fields += [f"{name}{suffix}", f"{name}.nl{suffix}", f"{name}.en{suffix}"]
    return fields


def match_words(dsl, words):
    """Every word somewhere in title, summary or body (a word in the title and another in
    the body is a match), each word matched as plain text: no query syntax is parsed."""
    return dsl.Q("bool", must=[
        dsl.Q("multi_match", query=word, fields=word_fields(), type="most_fields")
        for word in words
    ])


def page_window(request: SearchRequest):
    """The page actually asked of the engine: never past its result window."""
    last_page = max(1, MAX_RESULT_WINDOW // request.per_page)
    return min(max(1, request.page), last_page)


def build_search(dsl, request: SearchRequest, index=None):
    """The Search object for a request (no I/O: unit-testable with .to_dict())."""
    search = dsl.Search(index=index or alias_name())
    words = request.words
    # Newer knowledge slightly preferred: a gentle decay on the date of knowledge items.
    scored = dsl.Q(
        "function_score",
        query=match_words(dsl, words),
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
    for facet, values in request.exclude.items():
        if values:
            search = search.exclude("terms", **{facet: list(values)})
    for facet in AGGREGATED:
        search.aggs.bucket(facet, "terms", field=facet, size=50)
    search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"],
                                      encoder="html", fragment_size=200, number_of_fragments=1)
    # The whole title, from whichever of its analysed fields matched (stemmed or not).
    search = search.highlight(*TITLE_FIELDS, number_of_fragments=0)
    search = search.highlight(*SNIPPET_FIELDS)
    # "missing": only words the index does not know get a correction (a correctly spelled
    # word is left alone, however rare); the correction is checked against what the user
    # may see before it is offered (EngineBackend.search).
    search = search.suggest("spelling", " ".join(words),
                            term={"field": "spelling", "suggest_mode": "missing"})
    if request.sort == "date":
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    start = (page_window(request) - 1) * request.per_page
    return search.extra(from_=start, size=request.per_page, track_total_hits=True)


def visible_count_search(dsl, words, tokens, index=None):
    return dsl.Search(index=index or alias_name()).query(match_words(dsl, words)).filter(
        "terms", audience=list(tokens))


def autocomplete_search(dsl, prefix, tokens, limit, index=None):
    return dsl.Search(index=index or alias_name()).suggest(
        "titles", prefix[:100],
        completion={"field": "title_suggest", "size": limit, "skip_duplicates": True,
                    "contexts": {"audience": list(tokens)}},
    ).extra(size=0)


def first_fragment(fragments, fields):
    for field in fields:
        if field in fragments:
            return fragments[field][0]
    return None


def to_hit(hit, words):
    source = hit.to_dict()
    fragments = getattr(hit.meta, "highlight", None)
    fragments = fragments.to_dict() if fragments is not None else {}
    title_html = first_fragment(fragments, TITLE_FIELDS) or highlight(
        source.get("title", ""), words, 300)
    snippet = first_fragment(fragments, SNIPPET_FIELDS) or highlight(
        f"{source.get('summary', '')} {source.get('body', '')}", words)
    return Hit(
        key=source["key"], title=source["title"], url=source["url"],
        content_type=source["content_type"], language=source.get("language") or "",
        date=datetime.fromisoformat(source["date"]) if source.get("date") else None,
        title_html=title_html, snippet_html=snippet, score=hit.meta.score or 0,
    )


def corrected_words(response):
    """The query with each unknown word replaced by the suggester's first option, or None
    when no word was corrected."""
    corrected, changed = [], False
    for entry in getattr(response.suggest, "spelling", []) if "suggest" in response else []:
        if entry.options:
            corrected.append(entry.options[0].text)
            changed = True
        else:
            corrected.append(entry.text)
    return corrected if changed else None


class EngineBackend(SearchBackend):
    """The shared engine logic; a client layer sets ``name``, ``dsl`` and the methods
    marked "client layer" below."""

    name = "engine"
    dsl = None
    url_setting = ""  # the setting that holds the engine's URL

    def __init__(self, url=None, timeout=5):
        self.url = url or getattr(settings, self.url_setting, "")
        self.timeout = timeout
        self.client = shared_client(self.name, self.url, timeout, self.make_client) \
            if self.url else None

    # -- client layer ----------------------------------------------------------------

    def make_client(self, url, timeout):
        raise NotImplementedError

    def is_unavailable(self, error):
        """Whether an error means the engine cannot be reached (then updates are queued
        and searches answered by the database), not that one request was refused."""
        raise NotImplementedError

    # The client library's streaming bulk helper: helper(client, actions, chunk_size=…).
    bulk_helper = None

    def send_create(self, name, body):
        """Create index ``name`` from a request body (settings, mappings, aliases)."""
        raise NotImplementedError

    def already_exists(self, error):
        """Whether an error says that the index to create exists already."""
        raise NotImplementedError

    def send_bulk(self, operations, refresh):
        """One _bulk request; returns the response's items."""
        raise NotImplementedError

    def alias_indices(self, alias):
        """The indices behind an alias; [] when there is no such alias."""
        raise NotImplementedError

    def update_aliases(self, actions):
        raise NotImplementedError

    def delete_index(self, name):
        """Delete one index by its exact name (no wildcards); nothing if it is gone."""
        raise NotImplementedError

    # -- shared ----------------------------------------------------------------------

    def create_index(self, name, aliases=None):
        """Create index ``name`` with the shared settings and mapping (and aliases).
        Returns False when it already exists."""
        try:
            self.send_create(name, self.index_body(aliases))
        except Exception as error:
            if self.already_exists(error):
                return False
            raise
        return True

    def bulk_load(self, actions, chunk_size):
        """Stream actions into the engine (the client's bulk helper); raise on failure."""
        type(self).bulk_helper(self.client, actions, chunk_size=chunk_size)

    def refresh(self, index):
        self.client.indices.refresh(index=index)

    def require_client(self):
        if self.client is None:
            raise ConnectionError(f"No URL is configured for the {self.name} backend")
        return self.client

    def mapping(self):
        return build_mapping(self.dsl)

    def index_body(self, aliases=None):
        body = {"settings": INDEX_SETTINGS, "mappings": self.mapping()}
        if aliases:
            body["aliases"] = {alias: {} for alias in aliases}
        return body

    def _refresh_mode(self):
        return getattr(settings, "PORTAL_SEARCH_REFRESH", "wait_for")

    def _write(self, operations_for):
        """Write to the serving alias and, during a rebuild, to the new index too.
        Returns True when a rebuild was in progress."""
        self.require_client()
        for attempt in range(2):
            operations = operations_for(alias_name()) + operations_for(next_alias_name())
            items = self.send_bulk(operations, self._refresh_mode())
            half = len(items) // 2
            serving, upcoming = items[:half], items[half:]
            if any(_missing_index(item) for item in serving) and attempt == 0:
                # The first write ever: make the first index (with its alias) and retry.
                self.create_index(initial_index_name(), aliases=[alias_name()])
                continue
            for item in serving:
                _raise_item_error(item)
            for item in upcoming:
                if not _missing_index(item):
                    _raise_item_error(item)
            bump_index_generation()  # what searches find changed (search/generation.py)
            return any(not _missing_index(item) for item in upcoming)
        raise RuntimeError("the search index could not be created")  # pragma: no cover

    def index(self, data):
        source = to_source(data)
        return self._write(lambda alias: [
            {"index": {"_index": alias, "_id": data["key"], "require_alias": True}}, source])

    def remove(self, key):
        return self._write(lambda alias: [{"delete": {"_index": alias, "_id": key}}])

    def withdraw(self, keys):
        """Remove these documents at once, in one request (who may see them changed); the
        scheduled update adds them back with their new audience."""
        keys = list(keys)
        if keys:
            self._write(lambda alias: [{"delete": {"_index": alias, "_id": key}} for key in keys])

    def rebuild(self, documents, total, progress=None):
        """Fill a new index, then switch the alias to it atomically and drop old ones.
        Updates made meanwhile reach the new index (see the module's docstring); a failed
        rebuild drops the new index and leaves the serving one as it was."""
        self.require_client()
        for stale in self.alias_indices(next_alias_name()):  # a rebuild that died
            self.delete_index(stale)
        new_index = new_index_name()
        self.create_index(new_index, aliases=[next_alias_name()])
        done = 0

        def actions():
            nonlocal done
            for data in documents:
                done += 1
                if progress and done % 500 == 0:
                    progress(done, total)
                yield {"_index": new_index, "_id": data["key"], "_source": to_source(data)}

        try:
            self.bulk_load(actions(), chunk_size=500)
            self.refresh(new_index)
            old = self.alias_indices(alias_name())
            self.update_aliases([
                *({"remove": {"index": index, "alias": alias_name()}} for index in old),
                {"remove": {"index": new_index, "alias": next_alias_name()}},
                {"add": {"index": new_index, "alias": alias_name()}},
            ])
        except BaseException:
            self.delete_index(new_index)
            raise
        bump_index_generation()  # the new index answers now
        if progress:
            progress(done, total)
        for index in old:
            self.delete_index(index)
        return done

    def indices(self):
        """The exact names of every index this backend's prefix uses (for teardown)."""
        names = set(self.alias_indices(alias_name())) | set(
            self.alias_indices(next_alias_name()))
        return sorted(names)

    def drop(self):
        """Delete every index behind this prefix's aliases, by exact name."""
        for name in self.indices():
            self.delete_index(name)

    def status(self):
        """The engine's state for /healthz: not ok when the cluster is red (a primary
        shard is missing: searches fail or miss documents), which a ping would not tell."""
        client = self.require_client()
        health = client.cluster.health()["status"]
        ok = health in ("green", "yellow")
        count = 0
        if ok and self.alias_indices(alias_name()):
            count = client.count(index=alias_name())["count"]
        result = {"backend": self.name, "ok": ok, "documents": count, "cluster": health}
        if not ok:
            result["detail"] = f"cluster {health}"
        return result

    def search(self, request: SearchRequest) -> SearchResult:
        client = self.require_client()
        page = page_window(request)
        if not request.words:
            return SearchResult(hits=[], total=0, facets={}, page=1,
                                per_page=request.per_page, backend=self.name)
        response = build_search(self.dsl, request).using(client).execute()
        hits = [to_hit(hit, request.words) for hit in response]
        aggregations = response.aggregations
        facets = {
            name: [(str(bucket.key), bucket.doc_count)
                   for bucket in getattr(aggregations, name).buckets]
            for name in AGGREGATED
        }
        facets = {name: values for name, values in facets.items() if values}
        total = response.hits.total.value
        suggestion = None
        if total < SUGGEST_BELOW:
            suggestion = self._visible_suggestion(response, request)
        return SearchResult(hits=hits, total=total, facets=facets, suggestion=suggestion,
                            page=page, per_page=request.per_page, backend=self.name)

    def _visible_suggestion(self, response, request):
        """The suggester knows every word in the index, including those of documents the
        user may not see: a correction is offered only when it finds something the user
        may see."""
        words = corrected_words(response)
        if not words:
            return None
        found = visible_count_search(self.dsl, words, request.tokens).using(
            self.client).count()
        return " ".join(words) if found else None

    def autocomplete(self, prefix, tokens, limit=8, language=None):
        # The completion suggester filters by context but cannot leave a context out, so
        # it is asked for more titles and those hidden in the site's language are dropped
        # (each hidden one has a version that stands for it: at most one per item).
        client = self.require_client()
        asked = limit * AUTOCOMPLETE_OVERFETCH if language else limit
        response = autocomplete_search(self.dsl, prefix, tokens, asked).using(client).execute()
        return [
            {"title": option._source.title, "url": option._source.url,
             "content_type": option._source.content_type}
            for option in response.suggest.titles[0].options
            if language not in (getattr(option._source, "hidden_in", None) or [])
        ][:limit]


def _missing_index(item):
    result = next(iter(item.values()))
    error = result.get("error")
    return isinstance(error, dict) and error.get("type") == "index_not_found_exception"


class BulkItemError(Exception):
    """The engine refused one document (a mapping error, a rejected value …)."""


def _raise_item_error(item):
    action, result = next(iter(item.items()))
    if result.get("error"):
        raise BulkItemError(f"{action} {result.get('_id')}: {result['error']}")
    status = result.get("status", 200)
    if status >= 300 and not (action == "delete" and status == 404):
        raise BulkItemError(f"{action} {result.get('_id')}: status {status}")
