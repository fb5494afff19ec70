"""Full-page cache for anonymous visitors, with precise purging.

Built on Django's cache framework (Redis when REDIS_URL is set). Only anonymous GET/HEAD
requests without a session are served from it, so a member-only page or a logged-in
view is never stored or shown to anyone else. Each path has a generation number: when
a page changes, the generations of its own paths (both languages), its ancestors and the
section listings are bumped, which invalidates every cached query-string variant
(filters, pagination) of those paths at once. Entries also expire after
PAGE_CACHE_SECONDS, so anything not purged explicitly heals by itself.

Answers built from many pages at once (the API, search results, feeds, the sitemap, the
agenda file) also follow the content generation (below): every publish, unpublish, move,
delete and privacy change renews them. A change of who may see a page purges every
cached page (portal/cache_invalidation.py).
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

logger = logging.getLogger(__name__)

CACHEABLE_STATUS = {200, 404}
EXCLUDED_PREFIXES = ("/admin/", "/mijn/", "/accounts/", "/en/mijn/", "/en/accounts/",
                     "/documents/", "/healthz", "/static/", "/media/", "/evaluatie/",
                     "/en/evaluatie/", "/zoeken/autocomplete/", "/en/zoeken/autocomplete/")
HEADERS_TO_KEEP = ("Content-Type", "Content-Language", "Content-Security-Policy",
                   "Permissions-Policy", "X-Frame-Options", "Referrer-Policy",
                   "X-Content-Type-Options", "Cross-Origin-Opener-Policy", "Vary",
                   "Content-Disposition")


# Paths whose answers list many pages (besides every path ending in "/feed/").
CONTENT_LISTING_PREFIXES = ("/api/", "/zoeken/", "/en/zoeken/", "/sitemap.xml", "/agenda.ics",
                            "/en/agenda.ics")


def follows_content(path):
    """Whether the cached answer for ``path`` is built from many pages at once."""
    return path.startswith(CONTENT_LISTING_PREFIXES) or path.endswith("/feed/")


def _timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def _generation_key(path):
    return "pagecache:gen:" + hashlib.sha256(path.encode()).hexdigest()[:32]


def _entry_key(path, query):
    """One entry per path and query string; it carries the generations it was built under
    (see AnonymousPageCacheMiddleware), so a hit costs one round trip to the cache."""
    digest = hashlib.sha256(f"{path}?{query}".encode()).hexdigest()[:40]
    return f"pagecache:entry:{digest}"


def cache_safely(operation, default=None):
    """A cache that is down (Redis unreachable) means: no cache, never an error."""
    try:
        return operation()
    except Exception:
        logger.warning("Page cache unavailable", exc_info=True)
        return default


def bump_generation(key):
    """Start a new generation under ``key``: everything cached under the old one is
    forgotten at once. A cache that is down has nothing to forget."""
    cache_safely(lambda: cache.set(key, (cache.get(key) or 0) + 1, None))


def current_generation(key):
    """The generation last started under ``key`` by bump_generation (0 before the first,
    and while the cache is down): put it in the keys of what that generation covers."""
    return cache_safely(lambda: cache.get(key)) or 0


def purge_paths(paths):
    """Invalidate every cached variant of these paths (e.g. '/kennisbank/')."""
    for path in set(paths):
        bump_generation(_generation_key(path))


GLOBAL_GENERATION_KEY = "pagecache:gen:all"
CONTENT_GENERATION_KEY = "portal:content:generation"  # see "Data computed from …" below
# The search index's own generation: renewed by every index update (the search app bumps
# it, also when only the search engine catches up), so search answers follow it.
SEARCH_INDEX_GENERATION_KEY = "portal:search-index:generation"
SEARCH_PREFIXES = ("/zoeken/", "/en/zoeken/")


def purge_everything():
    """Invalidate every cached page (e.g. the header or footer changed)."""
    bump_generation(GLOBAL_GENERATION_KEY)


def is_cacheable_request(request):
    if not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    # Anyone with a session (logged in, or with messages waiting) gets a fresh page.
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "preview" not in request.GET


class AnonymousPageCacheMiddleware:
    """Place it before SessionMiddleware: a hit is answered without touching the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        path, query = request.path, request.META.get("QUERY_STRING", "")
        keys = [GLOBAL_GENERATION_KEY, _generation_key(path)]
        if follows_content(path):
            keys.append(CONTENT_GENERATION_KEY)
        if path.startswith(SEARCH_PREFIXES):
            keys.append(SEARCH_INDEX_GENERATION_KEY)
        key = _entry_key(path, query)
        # The generations and the entry in one round trip; the entry counts only when it
        # was stored under the generations that are current now.
        found = cache_safely(lambda: cache.get_many([*keys, key]), None)
        if found is None:
            return self.get_response(request)
        generation = tuple(found.get(name, 0) for name in keys)
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            _generation, status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if self._storable(request, response):
            headers = [(name, response[name]) for name in HEADERS_TO_KEEP if name in response]
            entry = (generation, response.status_code, headers, response.content)
            cache_safely(lambda: cache.set(key, entry, _timeout()))
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _storable(request, response):
        if response.status_code not in CACHEABLE_STATUS or response.streaming:
            return False
        if response.cookies:  # e.g. a CSRF cookie for a form: personal, not shared
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-cache" in cache_control or \
                "no-store" in cache_control:
            return False
        # A view that looked at the user for a logged-in person never gets here (they have
        # a session cookie), but be strict: only responses rendered for AnonymousUser.
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated


# -- Data computed from published content ------------------------------------------------
# Counts and suggestions that only change when content changes (facet counts of the
# kennisbank, the knowledge map, related items) are kept per audience under a content
# generation. Every page publish, unpublish, move or delete, every view-restriction
# change and every change to a vocabulary starts a new generation
# (portal/cache_invalidation.py), so nothing stale or member-only is ever served from it.

CONTENT_SECONDS = 3600


def bump_content_generation(*args, **kwargs):
    bump_generation(CONTENT_GENERATION_KEY)


def audience_key(user):
    """What decides which pages a user may see (portal.visibility): signed in or not,
    their groups, superuser. Users with the same key see the same pages."""
    if user is None or not user.is_authenticated:
        return "public"
    from portal.visibility import group_ids

    groups = ",".join(str(group_id) for group_id in sorted(group_ids(user)))
    return f"user:{groups}:{int(user.is_superuser)}"


def cached_for_content(name, parts, compute, timeout=CONTENT_SECONDS,
                       generation_key=CONTENT_GENERATION_KEY):
    """``compute()``, remembered until content changes (or ``timeout`` seconds, for what
    also depends on the clock); ``parts`` say what it depends on (include
    audience_key(user) for anything filtered by visibility, and the language).
    ``generation_key`` names the generation it follows: the content's, or for what is read
    from the search index, the index's (SEARCH_INDEX_GENERATION_KEY)."""
    generation = cache_safely(lambda: cache.get(generation_key), None)
    if generation is None and not cache_safely(lambda: cache.add(generation_key, 0, None)):
        return compute()  # no working cache
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    key = f"{generation_key}:{name}:{generation or 0}:{digest}"
    value = cache_safely(lambda: cache.get(key))
    if value is None:
        value = compute()
        cache_safely(lambda: cache.set(key, value, timeout))
    return value
