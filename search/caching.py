"""Search result pages for visitors, cached per audience and language under the search
index's own generation (search/generation.py): a popular query costs one cache lookup
until the index changes. A signed-in user's results are never cached: members' results
must not reach anyone else, whatever their groups."""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from portal.cache import cache_safely
from portal.visibility import user_audience
from search import service
from search.generation import index_generation


def result_seconds():
    """How long a cached result may live at most (the generation renews it sooner)."""
    return getattr(settings, "SEARCH_RESULT_CACHE_SECONDS", 300)


def result_key(audience, text, filters, sort, page, per_page):
    parts = [sorted(audience), get_language(), service.clean_query(text),
             sorted((facet, sorted(values)) for facet, values in filters.items()),
             sort, page, per_page]
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:40]
    return f"search:results:{index_generation()}:{digest}"


def search_for(user, text, filters=None, sort="relevance", page=1, per_page=10):
    """service.search, answered from the cache for visitors. Only an answer of the
    configured backend is kept (not one the database gave while the engine was down)."""
    filters = filters or {}
    if user is not None and user.is_authenticated:
        return service.search(text, user, filters=filters, sort=sort, page=page,
                              per_page=per_page)
    key = result_key(user_audience(user), text, filters, sort, page, per_page)
    result = cache_safely(lambda: cache.get(key))
    if result is not None:
        return result
    result = service.search(text, user, filters=filters, sort=sort, page=page,
                            per_page=per_page)
    if result.backend == service.configured_backend_name():
        cache_safely(lambda: cache.set(key, result, result_seconds()))
    return result
