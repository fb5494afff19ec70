"""The default backend: Wagtail's database search (SQLite FTS5 / PostgreSQL full-text)
over the SearchDocument rows. Facets are counted with SQL, snippets made from the
stored text."""

import datetime
import difflib
import hashlib
from collections import Counter, defaultdict

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from modelsearch.query import And, Or, PlainText

from portal.cache import bump_generation, cache_safely, current_generation
from search.backends.base import (
    WORD_RE,
    Hit,
    SearchBackend,
    SearchRequest,
    SearchResult,
    WordMatcher,
    highlight,
    query_words,
)
from search.documents import FACETS
from search.generation import bump_index_generation
from search.models import SearchDocument, SearchFacetValue
from search.stemming import word_forms

MAX_MATCHES = 5000
CHUNK = 500  # rows per batch when rebuilding the index
MATCH_BATCH = MAX_MATCHES  # one query for all matches: a fixed query count per search
VOCABULARY_VERSION_KEY = "search:vocabulary-version"


def snippet_source(document):
    """Summary and body, without repeating the summary when the body already holds it."""
    summary, body = document.summary, document.body
    if summary and summary in body:
        return body
    return " ".join(filter(None, [summary, body]))


def query_words_unbounded(text):
    return [word.lower() for word in WORD_RE.findall(text)]


def recency_boost(content_type, date, now):
    """Newer knowledge is slightly preferred: up to +20% for items of the last two years."""
    if content_type != "knowledge" or date is None:
        return 1.0
    age_days = max((now - date).days, 0)
    return 1.0 + 0.2 * max(0.0, 1.0 - age_days / 730)


def escape_like(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def join_in_order(database):
    """SQLite's planner joins a CROSS JOIN in the order written (the matches first);
    PostgreSQL plans a plain JOIN well and has no CROSS JOIN with ON."""
    return "CROSS JOIN" if database == "sqlite" else "JOIN"


def audience_q(tokens):
    condition = Q()
    for token in tokens:
        condition |= Q(audience__contains=f" {token} ")
    return condition


def full_text_query(words):
    """Every word, in one of its forms (itself or a Dutch or English stem: the index holds
    the stems of every document, see search.stemming), as a query of Wagtail's search."""
    return And([Or([PlainText(form) for form in word_forms(word)])
                for word in dict.fromkeys(words)])


def fts5_match(words):
    """The same query as an FTS5 expression over the title and body columns. Each form is
    a quoted FTS5 string, so nothing the user typed is read as query syntax."""
    def quoted(form):
        return '"' + form.replace('"', '""') + '"'

    return "{title body} : (" + " AND ".join(
        "(" + " OR ".join(quoted(form) for form in word_forms(word)) + ")"
        for word in sorted(set(words))) + ")"


def bump_vocabulary_version():
    """Every change of the database index: its vocabulary and the index generation."""
    bump_generation(VOCABULARY_VERSION_KEY)
    bump_index_generation()


class DatabaseBackend(SearchBackend):
    name = "database"

    # Documents are stored by search.documents.store_document; Wagtail's own index
    # follows the rows through its signal handlers. Nothing else to do here.
    def index(self, data):
        bump_vocabulary_version()

    def remove(self, key):
        bump_vocabulary_version()

    def rebuild(self, documents, total, progress=None):
        from wagtail.search.backends import get_search_backend

        wagtail_backend = get_search_backend()
        index = wagtail_backend.get_index_for_model(SearchDocument)
        batch = []
        done = 0
        for document in documents:
            batch.append(document)
            if len(batch) >= CHUNK:
                index.add_items(SearchDocument, batch)
                done += len(batch)
                batch = []
                if progress:
                    progress(done, total)
        if batch:
            index.add_items(SearchDocument, batch)
            done += len(batch)
            if progress:
                progress(done, total)
        bump_vocabulary_version()
        return done

    def status(self):
        return {"backend": self.name, "ok": True,
                "documents": SearchDocument.objects.count()}

    # -- searching ---------------------------------------------------------------------

    def _base_queryset(self, request: SearchRequest):
        queryset = SearchDocument.objects.filter(audience_q(request.tokens))
        for facet, values in request.filters.items():
            if values:
                queryset = queryset.filter(
                    id__in=SearchFacetValue.objects.filter(facet=facet, value__in=values)
                    .values("document_id")
                )
        for facet, values in request.exclude.items():
            if values:
                queryset = queryset.exclude(
                    id__in=SearchFacetValue.objects.filter(facet=facet, value__in=values)
                    .values("document_id")
                )
        return queryset

    def _matches(self, request, queryset):
        """[(id, score, content_type, date)] of every matching document.

        Wagtail's database backend finds the matches (full-text, both databases); the
        ranking is ours: its SQLite relevance ordering runs the full-text match once per
        row and takes tens of seconds at 10k documents. A word in the title weighs 4, in
        the summary 2, a body-only match 1 (the same weights as the Elasticsearch
        backend's field boosts)."""
        words = request.words
        if not words:
            return []
        from wagtail.search.backends import get_search_backend

        candidates = SearchDocument.objects.filter(id__in=queryset.values("id"))
        results = get_search_backend().search(
            full_text_query(words), candidates.only("id"), order_by_relevance=False,
        )
        # Every match (the total and the facets count them all); PostgreSQL's full-text
        # index makes this one query.
        ids = [doc.id for doc in results]
        patterns = [WordMatcher([word]) for word in words]
        matches = []
        for start in range(0, len(ids), MATCH_BATCH):
            rows = SearchDocument.objects.filter(id__in=ids[start:start + MATCH_BATCH]).values_list(
                "id", "title", "summary", "content_type", "date")
            for doc_id, title, summary, content_type, date in rows:
                score = 1.0 + self._field_weight(patterns, title, summary)
                matches.append((doc_id, score, content_type, date))
        return matches

    def _sql_matching(self):
        """The database whose full-text index we query directly ("sqlite": Wagtail's FTS5
        table; "postgresql": its tsvector columns), or None (then Wagtail's search)."""
        from wagtail.search.backends import get_search_backend

        if connection.vendor == "postgresql":
            from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

            return "postgresql" if isinstance(get_search_backend(), PostgresSearchBackend) else None
        if connection.vendor != "sqlite":
            return None  # the SQLite backend module cannot even be imported elsewhere
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        return "sqlite" if isinstance(get_search_backend(), SQLiteSearchBackend) else None

    @staticmethod
    def _fts_hits(database, words, content_type_id):
        """SQL (and params) of ``fts_hits``: (doc_id, rank) of the index entries that hold
        every word in one of its forms, rank lower is better. Every form is a parameter,
        so no query syntax from the user gets through.

        SQLite: FTS5's bm25 (title weighs 4, text 1). PostgreSQL: the expression Wagtail's
        own search matches on (``title || body`` @@ the forms), which has a GIN index of
        its own (migration search 0003), ranked by ts_rank."""
        from wagtail.search.models import IndexEntry

        quote = connection.ops.quote_name
        entries = quote(IndexEntry._meta.db_table)
        if database == "sqlite":
            fts = quote(IndexEntry._meta.db_table + "_fts")
            return (f"SELECT CAST(e.object_id AS INTEGER) AS doc_id,"  # noqa: S608  # nosec B608
                    f" bm25({fts}, 0.0, 1.0, 4.0) AS rank"
                    f" FROM {fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid"
                    f" WHERE {fts} MATCH %s AND e.content_type_id = %s",
                    [fts5_match(words), content_type_id])
        forms = [word_forms(word) for word in sorted(set(words))]
        tsquery = "(" + " && ".join(
            "(" + " || ".join(["plainto_tsquery(%s)"] * len(group)) + ")" for group in forms) + ")"
        form_params = [form for group in forms for form in group]
        return (f"SELECT CAST(e.object_id AS INTEGER) AS doc_id,"  # noqa: S608  # nosec B608
                f" -ts_rank(e.title || e.body, {tsquery}) AS rank FROM {entries} e"
                f" WHERE (e.title || e.body) @@ {tsquery} AND e.content_type_id = %s",
                [*form_params, *form_params, content_type_id])

    def _match_set(self, request, database):
        """SQL (and params) of a materialised set ``matched``: the documents the user may
        see, within the chosen facet values, whose title or text hold every query word,
        with the full-text rank of _fts_hits (lower is better).

        Wagtail's own query joins the other way round (on SQLite it takes most of a
        second at 10k documents; on PostgreSQL it reads every match's vector into Python):
        matching first and filtering the matches after takes milliseconds."""
        from django.contrib.contenttypes.models import ContentType

        documents = connection.ops.quote_name(SearchDocument._meta.db_table)
        facet_values = connection.ops.quote_name(SearchFacetValue._meta.db_table)
        hits_sql, params = self._fts_hits(
            database, request.words, ContentType.objects.get_for_model(SearchDocument).id)
        # The audience rule of _base_queryset, on the matched rows only.
        conditions = ["(" + " OR ".join(["d.audience LIKE %s ESCAPE '\\'"] * len(request.tokens))
                      + ")" if request.tokens else "1 = 0"]
        params += [f"% {escape_like(token)} %" for token in request.tokens]
        for facet, values in request.filters.items():
            if values:
                conditions.append(
                    f"d.id IN (SELECT document_id FROM {facet_values}"  # noqa: S608  # nosec B608
                    f" WHERE facet = %s AND value IN ({', '.join(['%s'] * len(values))}))")
                params += [facet, *values]
        for facet, values in request.exclude.items():
            if values:
                conditions.append(
                    f"d.id NOT IN (SELECT document_id FROM {facet_values}"  # noqa: S608  # nosec B608
                    f" WHERE facet = %s AND value IN ({', '.join(['%s'] * len(values))}))")
                params += [facet, *values]
        # Table names come from the models; every value is a query parameter.
        sql = (
            f"WITH fts_hits AS MATERIALIZED ({hits_sql}),"  # noqa: S608  # nosec B608
            f" matched AS MATERIALIZED ("
            f" SELECT d.id AS doc_id, fts_hits.rank, d.title, d.summary, d.content_type, d.date"
            f" FROM fts_hits {join_in_order(database)} {documents} d ON d.id = fts_hits.doc_id"
            f" WHERE {' AND '.join(conditions)})"
        )
        return sql, params

    def _sql_search(self, request, database):
        """[(id, score, content_type, date)], total and facet counts, in one statement."""
        with_sql, params = self._match_set(request, database)
        facet_values = connection.ops.quote_name(SearchFacetValue._meta.db_table)
        # One statement, so the matches are found once: the ranked rows up to the cap (the
        # window count still counts every match), then the facet counts, in one result.
        with connection.cursor() as cursor:
            cursor.execute(
                f"{with_sql} SELECT * FROM (SELECT doc_id, rank, title, summary, content_type,"  # noqa: S608  # nosec B608
                f" date, COUNT(*) OVER () AS total, CAST(NULL AS VARCHAR(30)) AS facet,"
                f" CAST(NULL AS VARCHAR(255)) AS value, CAST(NULL AS BIGINT) AS number"
                f" FROM matched ORDER BY rank LIMIT %s) ranked"
                f" UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, v.facet, v.value,"
                f" COUNT(*) FROM matched"
                f" {join_in_order(database)} {facet_values} v ON v.document_id = matched.doc_id"
                f" GROUP BY v.facet, v.value", [*params, MAX_MATCHES])
            found = cursor.fetchall()
        rows = [row[:7] for row in found if row[7] is None]
        facet_rows = [row[7:] for row in found if row[7] is not None]
        total = rows[0][6] if rows else 0
        matches = []
        patterns = [WordMatcher([word]) for word in request.words]
        for doc_id, rank, title, summary, content_type, date, _total in rows:
            if isinstance(date, str):
                date = parse_datetime(date)
            if date is not None and timezone.is_naive(date):  # SQLite keeps UTC, naive
                date = timezone.make_aware(date, datetime.UTC)
            # Our weights first (title 4, summary 2 per word, as the Elasticsearch boosts);
            # bm25 (negative, smaller is better) orders documents within a weight.
            score = 1.0 + self._field_weight(patterns, title, summary) - rank / 100
            matches.append((doc_id, score, content_type, date))
        return matches, total, self._facets_from_rows(facet_rows)

    @staticmethod
    def _field_weight(patterns, title, summary):
        weight = 0
        for pattern in patterns:
            if pattern.search(title):
                weight += 4
            if pattern.search(summary):
                weight += 2
        return weight

    @staticmethod
    def _facets_from_rows(rows):
        counts = defaultdict(Counter)
        for facet, value, number in rows:
            counts[facet][value] += number
        # Most frequent first; equal counts by value, so the order never depends on the
        # order the database returned the rows in.
        return {facet: sorted(counts[facet].items(), key=lambda item: (-item[1], item[0]))[:50]
                for facet in FACETS + ["sdg"] if counts.get(facet)}

    def search(self, request: SearchRequest) -> SearchResult:
        database = self._sql_matching() if request.words else None
        if database:
            matches, total, facets = self._sql_search(request, database)
        else:
            matches = self._matches(request, self._base_queryset(request))
            total = len(matches)
            facets = self._facet_counts([m[0] for m in matches])
        now = timezone.now()
        epoch = timezone.make_aware(timezone.datetime(1970, 1, 1))
        if request.sort == "date":
            matches.sort(key=lambda m: (m[3] or epoch, m[1]), reverse=True)
        else:
            matches.sort(key=lambda m: (m[1] * recency_boost(m[2], m[3], now), m[3] or epoch),
                         reverse=True)
        per_page = request.per_page
        pages = max(1, -(-len(matches) // per_page))
        page = min(max(1, request.page), pages)
        page_ids = [m[0] for m in matches[(page - 1) * per_page: page * per_page]]
        score_by_id = {m[0]: m[1] for m in matches}
        documents = SearchDocument.objects.in_bulk(page_ids)
        hits = [
            Hit(
                key=documents[i].key, title=documents[i].title, url=documents[i].url,
                content_type=documents[i].content_type, date=documents[i].date,
                language=documents[i].language,
                title_html=highlight(documents[i].title, request.words, 300),
                snippet_html=highlight(snippet_source(documents[i]), request.words),
                score=score_by_id[i],
            )
            for i in page_ids if i in documents
        ]
        suggestion = self.suggest(request) if total == 0 or total < 3 else None
        return SearchResult(hits=hits, total=total, facets=facets, suggestion=suggestion,
                            page=page, per_page=per_page, backend=self.name)

    def _facet_counts(self, ids):
        """Counts per facet value over the matches, grouped in the database."""
        rows = []
        for start in range(0, len(ids), MATCH_BATCH):
            rows += (
                SearchFacetValue.objects.filter(document_id__in=ids[start:start + MATCH_BATCH])
                .values_list("facet", "value").annotate(number=Count("id")).order_by()
            )
        return self._facets_from_rows(rows)

    # -- suggestions and autocomplete ------------------------------------------------

    def vocabulary(self, tokens):
        """Words in the titles and summaries the user may see (cached per audience and
        index version, so a suggestion never comes from something the user cannot see)."""
        version = current_generation(VOCABULARY_VERSION_KEY)
        digest = hashlib.sha256(" ".join(sorted(tokens)).encode()).hexdigest()[:16]
        key = f"search:vocabulary:{version}:{digest}"
        words = cache_safely(lambda: cache.get(key))
        if words is None:
            counter = Counter()
            rows = SearchDocument.objects.filter(audience_q(tokens)).values_list(
                "title", "summary", "body")
            for title, summary, body in rows.iterator(chunk_size=2000):
                text = f"{title} {summary} {body[:1000]}"
                counter.update(word for word in query_words_unbounded(text) if len(word) > 2)
            words = [word for word, _count in counter.most_common(5000)]
            cache_safely(lambda: cache.set(key, words, 3600))
        return words

    def suggest(self, request: SearchRequest):
        words = request.words
        if not words:
            return None
        vocabulary = self.vocabulary(request.tokens)
        known = set(vocabulary)
        suggestion, changed = [], False
        for word in words:
            if word in known or len(word) < 3:
                suggestion.append(word)
                continue
            close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
            if not close:
                close = [candidate for candidate in vocabulary if candidate.startswith(word)][:1]
            if close:
                suggestion.append(close[0])
                changed = True
            else:
                suggestion.append(word)
        return " ".join(suggestion) if changed else None

    def autocomplete(self, prefix, tokens, limit=8, language=None):
        words = query_words(prefix)
        if not words:
            return []
        queryset = SearchDocument.objects.filter(audience_q(tokens))
        if language:
            queryset = queryset.exclude(id__in=SearchFacetValue.objects.filter(
                facet="hidden_in", value=language).values("document_id"))
        for word in words:
            queryset = queryset.filter(title__icontains=word)
        starts = queryset.filter(title__istartswith=words[0])
        rows = list(starts.order_by("title").values("title", "url", "content_type")[:limit])
        if len(rows) < limit:
            seen = {row["url"] for row in rows}
            rows += [row for row in queryset.order_by("title").values(
                "title", "url", "content_type")[: limit * 2] if row["url"] not in seen]
        return rows[:limit]
