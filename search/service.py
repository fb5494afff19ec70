"""The portal search service: the only entry point for searching and indexing.

Views and other apps call these functions; they never know which backend runs.
Visibility is enforced here: every search is filtered on the audience tokens of the
user (search.documents.user_tokens), so no caller can forget it.
"""

import logging
from dataclasses import dataclass
from datetime import date
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language

from search import outage
from search.backends.base import MAX_QUERY_LENGTH, SearchRequest, SearchResult, query_words
from search.backends.database import DatabaseBackend, bump_vocabulary_version
from search.documents import (
    FACETS,
    LABELLED_FACETS,
    build_document,
    iter_documents,
    page_key,
    store_document,
    store_documents,
    user_tokens,
)
from search.facet_labels import facet_labels
from search.models import PendingIndexUpdate, SearchDocument, SearchQueryLog

logger = logging.getLogger(__name__)

FILTERABLE = FACETS + ["sdg"]


def clean_query(raw):
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def configured_backend_name():
    return getattr(settings, "PORTAL_SEARCH_BACKEND", "database")


ENGINES = {
    "elasticsearch": ("search.backends.elasticsearch", "ElasticsearchBackend"),
    "opensearch": ("search.backends.opensearch", "OpenSearchBackend"),
}


def get_backend(name=None, timeout=None):
    """The backend ``name`` (the configured one by default); ``timeout``: seconds an
    engine request may take (the client's default when None)."""
    name = name or configured_backend_name()
    if name in ENGINES:
        module, cls = ENGINES[name]
        backend_class = getattr(import_module(module), cls)
        return backend_class(timeout=timeout) if timeout else backend_class()
    return DatabaseBackend()


def fallback_allowed():
    """Whether a failing engine is replaced by the database backend (never in tests)."""
    return getattr(settings, "PORTAL_SEARCH_FALLBACK", True)


def _external_backend(timeout=None):
    """The configured external engine, or None when the database backend is in use."""
    backend = get_backend(timeout=timeout)
    return None if backend.name == "database" else backend


def _skip_engine(backend):
    """Answer from the database at once: the engine is known to be down (search.outage)."""
    return backend.name != "database" and fallback_allowed() and outage.known_down(backend)


# -- searching ---------------------------------------------------------------------


def search(text, user, filters=None, sort="relevance", page=1, per_page=10,
           language=None) -> SearchResult:
    """``language``: the site's language (the active one by default): of a translated
    item only the version that stands for it in that language is found
    (search.documents.hidden_in), so it is listed and counted once."""
    language = language or get_language()
    request = SearchRequest(
        text=clean_query(text),
        tokens=user_tokens(user),
        filters={facet: [str(v) for v in values][:20]
                 for facet, values in (filters or {}).items() if facet in FILTERABLE},
        exclude={"hidden_in": [language]} if language else {},
        sort="date" if sort == "date" else "relevance",
        page=max(1, int(page)),
        per_page=per_page,
    )
    backend = get_backend()
    if _skip_engine(backend):
        logger.info("Search engine %s unavailable; answering from the database backend",
                    backend.name)
        result = DatabaseBackend().search(request)
    else:
        try:
            result = backend.search(request)
        except Exception as error:
            if backend.name == "database" or not fallback_allowed():
                raise
            outage.note_failure(backend, error)
            logger.warning("Search backend %s failed; answering from the database backend",
                           backend.name, exc_info=True)
            result = DatabaseBackend().search(request)
    if result.total and result.page > result.num_pages:
        request.page = result.num_pages
        return search(text, user, filters, sort, request.page, per_page, language)
    counted = {facet: [value for value, _count in result.facets.get(facet, [])]
               for facet in LABELLED_FACETS}
    result.labels = facet_labels(counted)
    # A chosen value without results: named only if the user may see something with it.
    chosen = {facet: set(request.filters.get(facet, [])) - set(counted[facet])
              for facet in LABELLED_FACETS}
    for facet, labels in facet_labels(chosen, request.tokens).items():
        result.labels.setdefault(facet, {}).update(labels)
    return result


@dataclass
class TitleSuggestions:
    items: list          # [{"title", "url", "content_type"}]
    backend: str         # the backend that answered


def title_suggestions(prefix, user, limit=8, language=None) -> TitleSuggestions:
    """Titles starting with (or holding) what was typed. ``language``: the site's language
    (the active one by default): of a translated item only the version that stands for it
    in that language is suggested (search.documents.hidden_in), as in search()."""
    prefix = clean_query(prefix)
    backend = get_backend()
    if len(prefix) < 2:
        return TitleSuggestions([], backend.name)
    tokens = user_tokens(user)
    language = language or get_language()
    if _skip_engine(backend):
        return TitleSuggestions(DatabaseBackend().autocomplete(prefix, tokens, limit, language),
                                "database")
    try:
        return TitleSuggestions(backend.autocomplete(prefix, tokens, limit, language), backend.name)
    except Exception as error:
        if backend.name == "database" or not fallback_allowed():
            raise
        outage.note_failure(backend, error)
        logger.warning("Autocomplete on %s failed; using the database", backend.name,
                       exc_info=True)
        return TitleSuggestions(DatabaseBackend().autocomplete(prefix, tokens, limit, language),
                                "database")


def autocomplete(prefix, user, limit=8, language=None):
    return title_suggestions(prefix, user, limit, language).items


def log_query(text, total):
    """Count a query for the editors' search log: the normalised words only, no user."""
    words = query_words(text)
    if not words:
        return
    normalised = " ".join(words)[:200]
    month = date.today().replace(day=1)
    try:
        entry, _created = SearchQueryLog.objects.get_or_create(month=month, query=normalised)
        SearchQueryLog.objects.filter(pk=entry.pk).update(
            count=F("count") + 1,
            zero_result_count=F("zero_result_count") + (0 if total else 1),
        )
    except Exception:  # the log must never break searching
        logger.exception("Could not log a search query")


# -- indexing ----------------------------------------------------------------------


def index_page(page):
    """Bring the page's document up to date (create, update or remove it)."""
    data = build_document(page)
    if data is None:
        remove_page(page.id)
        return False
    with transaction.atomic():
        store_document(data)
    DatabaseBackend().index(data)
    _push_external("index", data["key"], data)
    return True


def withdraw_pages(page_ids):
    """Who may see these pages changed: no one finds them until their scheduled update
    (search.tasks) stores their new audience. Runs in the change's own transaction, so
    search never lags behind a restriction, an unpublish or a move; an external engine
    drops them right after the commit (or catches up later when it is down)."""
    if SearchDocument.objects.filter(page_id__in=page_ids).update(audience=" "):
        bump_vocabulary_version()
    backend = _external_backend()
    if backend is not None and page_ids:
        keys = [page_key(page_id) for page_id in page_ids]
        transaction.on_commit(lambda: _withdraw_external(backend, keys))


def _withdraw_external(backend, keys):
    try:
        if outage.known_down(backend):
            raise ConnectionError(f"{backend.name} is known to be unavailable")
        backend.withdraw(keys)
    except Exception as error:
        outage.note_failure(backend, error)
        logger.warning("Search engine unavailable; withdrawal of %s queued", len(keys))
        for key in keys:
            PendingIndexUpdate.objects.update_or_create(
                key=key, defaults={"action": "delete", "last_error": str(error)[:2000]})


def remove_page(page_id):
    key = page_key(page_id)
    SearchDocument.objects.filter(key=key).delete()
    DatabaseBackend().remove(key)
    _push_external("delete", key)


def refresh_items(keys):
    """Bring the documents of these non-page items (search.items) up to date from their
    source, at once and in the caller's transaction: a hidden post or a deleted document
    is gone from the database search when the change commits (rolled back with it); an
    external engine follows right after the commit (or catches up when it is down)."""
    from search import items

    keys = sorted(set(keys))
    if not keys:
        return
    found = items.documents_for(keys)
    for key in keys:
        data = found.get(key)
        if data is None:
            SearchDocument.objects.filter(key=key).delete()
        else:
            store_document(data)
    bump_vocabulary_version()
    if _external_backend() is not None:
        transaction.on_commit(lambda: _push_items(keys, found))
    transaction.on_commit(_forget_results)


def _push_items(keys, found):
    for key in keys:
        if key in found:
            _push_external("index", key, found[key])
        else:
            _push_external("delete", key)


def _forget_results():
    from search.tasks import forget_cached_results

    forget_cached_results()


def _push_external(action, key, data=None):
    backend = _external_backend()
    if backend is None:
        return
    try:
        if outage.known_down(backend):
            raise ConnectionError(f"{backend.name} is known to be unavailable")
        rebuilding = backend.index(data) if action == "index" else backend.remove(key)
    except Exception as error:
        # The engine is down: remember the update (not in memory) and catch up later.
        outage.note_failure(backend, error)
        logger.warning("Search engine unavailable; %s of %s queued", action, key)
        PendingIndexUpdate.objects.update_or_create(
            key=key, defaults={"action": action, "last_error": str(error)[:2000]}
        )
        PendingIndexUpdate.objects.filter(key=key).update(attempts=F("attempts") + 1)
        return
    if rebuilding:
        # A rebuild is filling a new index: the update reached it too, but the rebuild may
        # still write the page as it read it earlier; replayed after the switch.
        PendingIndexUpdate.objects.update_or_create(
            key=key, defaults={"action": action, "last_error": ""})
    else:
        PendingIndexUpdate.objects.filter(key=key).delete()


def _replay(backend, pending):
    """Apply one queued update from the page as it is now; True during a rebuild."""
    from wagtail.models import Page

    if pending.action == "delete":
        return backend.remove(pending.key)
    if not pending.key.startswith("page:"):
        from search.items import documents_for

        data = documents_for([pending.key]).get(pending.key)
        return backend.index(data) if data else backend.remove(pending.key)
    page_id = int(pending.key.split(":", 1)[1])
    page = Page.objects.filter(id=page_id).first()
    data = build_document(page) if page else None
    if data is None:
        return backend.remove(pending.key)
    return backend.index(data)


def catch_up(respect_outage=False):
    """Replay updates the external engine missed. Returns how many were applied.

    Stops at the first sign that the engine is unreachable (everything stays queued); an
    update the engine refuses is kept with its error and the others go on.
    ``respect_outage``: do not even try while the engine is known to be down (the index
    tasks; `manage.py search_index update` always tries)."""
    backend = _external_backend()
    if backend is None:
        PendingIndexUpdate.objects.all().delete()
        return 0
    if respect_outage and outage.known_down(backend):
        return 0
    applied = 0
    for pending in PendingIndexUpdate.objects.order_by("created_at"):
        try:
            rebuilding = _replay(backend, pending)
        except Exception as error:
            if backend.is_unavailable(error):
                outage.note_failure(backend, error)
                logger.warning("Search engine still unavailable; %s pending updates kept",
                               PendingIndexUpdate.objects.count())
                return applied
            logger.warning("The search engine refused the %s of %s; kept for a retry",
                           pending.action, pending.key, exc_info=True)
            PendingIndexUpdate.objects.filter(pk=pending.pk).update(
                attempts=F("attempts") + 1, last_error=str(error)[:2000])
            continue
        if rebuilding:
            continue  # replayed again after the rebuild's switch
        outage.note_success(backend)
        pending.delete()
        applied += 1
    return applied


def all_documents(progress=None):
    """Batches of the data of every document: the pages', then the other items'."""
    from search.items import iter_item_documents

    yield from iter_documents(progress=progress)
    yield from iter_item_documents()


def rebuild(progress=None):
    """Rebuild every document from the pages, then the configured backend's index."""
    started = timezone.now()
    kept = 0
    for batch in all_documents(
        progress=(lambda done, total: progress(done, total, "documents")) if progress else None
    ):
        store_documents(batch)
        kept += len(batch)
    # Every document written above has a newer updated_at; the rest belong to pages that
    # are gone or no longer searchable.
    SearchDocument.objects.filter(updated_at__lt=started).delete()
    database = DatabaseBackend()
    count = SearchDocument.objects.count()
    database.rebuild(SearchDocument.objects.order_by("id").iterator(chunk_size=500), count,
                     (lambda done, all_: progress(done, all_, "database index"))
                     if progress else None)
    backend = _external_backend()
    if backend is not None:
        backend.rebuild(
            (data for batch in all_documents() for data in batch),
            kept,
            (lambda done, all_: progress(done, all_, backend.name)) if progress else None,
        )
        # Updates made during the rebuild (and any missed before), from their pages now.
        catch_up()
    return count


# /healthz must answer quickly when the engine hangs (a paused node accepts connections
# and never replies): its probe waits this long, not the search client's timeout.
HEALTH_TIMEOUT = 1


def status(timeout=None):
    """The search's state: ``status`` is "ok", or "degraded" when the engine cannot be
    reached (``answering`` then says who answers searches: "database" when the fallback
    is on, None when searches fail), with the queued updates the engine missed."""
    database = DatabaseBackend().status()
    name = configured_backend_name()
    result = {"backend": name, "status": "ok", "ok": True, "answering": name,
              "documents": database["documents"],
              "pending_updates": PendingIndexUpdate.objects.count()}
    backend = _external_backend(timeout)
    if backend is not None:
        try:
            external = backend.status()
        except Exception as error:
            external = {"ok": False, "detail": type(error).__name__}
        if external["ok"]:
            outage.note_success(backend)
            result["engine_documents"] = external.get("documents")
        else:
            outage.note_failure(backend, ConnectionError("the engine did not answer"))
            result.update(status="degraded", ok=False,
                          answering="database" if fallback_allowed() else None,
                          detail=external.get("detail", "unreachable"))
    return result


def backend_status():
    """For /healthz: quick (HEALTH_TIMEOUT) and never raises."""
    try:
        return status(timeout=HEALTH_TIMEOUT)
    except Exception as error:
        logger.exception("Search status failed")
        return {"backend": configured_backend_name(), "status": "error", "ok": False,
                "detail": type(error).__name__}
