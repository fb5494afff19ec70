"""Remembered page routes: a page request costs one query to find its page, not two per level.

Wagtail finds the page for a URL by walking the tree from the site root, with two queries
per path segment (the child, then its specific object), plus the site and the locale.
This middleware remembers, per site, language and path, which page Wagtail's walk found,
and hands Wagtail that page through the request attribute Wagtail caches its own route in
(``request._wagtail_route_for_request``), so Wagtail's ``serve`` view, its privacy checks
and hooks all run as before.

Correctness does not depend on the remembered entry being fresh: a remembered page is
loaded anew and only used when it is still at the same URL path, still live, and still
routes the rest of the path (``page.route``). On top of that every page publish,
unpublish, move or delete and every site change starts a new generation of entries
(:func:`forget_routes`), so a new translation or page takes over its URL at once.
"""


from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from portal.cache import bump_generation, cache_safely

ROUTE_GENERATION_KEY = "portal:routes:generation"
SITE_KEY_PREFIX = "portal:routes:site"
ROUTE_KEY_PREFIX = "portal:routes:page"
ENTRY_SECONDS = 24 * 3600


def _cache_get(key):
    # A cache that is down gives None: the tree is walked as Wagtail does.
    return cache_safely(lambda: cache.get(key))


def _cache_set(key, value):
    cache_safely(lambda: cache.set(key, value, ENTRY_SECONDS))


def forget_routes(*args, **kwargs):
    """Start a new generation of remembered routes and sites (a page or site changed)."""
    bump_generation(ROUTE_GENERATION_KEY)


def _generation():
    return _cache_get(ROUTE_GENERATION_KEY) or 0


def site_for_request(request, generation):
    """Wagtail's site for this request, remembered per host and port."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = f"{SITE_KEY_PREFIX}:{generation}:{request._get_raw_host()}:{request.get_port()}"
    site = _cache_get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            _cache_set(key, site)
    request._wagtail_site = site
    return site


def _route_key(generation, site, path):
    return f"{ROUTE_KEY_PREFIX}:{generation}:{site.pk}:{get_language()}:{path}"


def _remembered_route(request, entry):
    page_id, content_type_id, url_path, remaining = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = model.objects.filter(pk=page_id).first()
    if page is None or page.url_path != url_path:
        return None
    try:
        result = page.route(request, list(remaining))
    except Http404:
        return None
    return result if result.page.pk == page.pk else None


def _entry_for(route_result, components):
    page = route_result.page
    # The walk consumed the path segments that end the page's URL path; what is left is
    # the page's own sub-route (e.g. a routable page's "ical/").
    for consumed in range(len(components), -1, -1):
        tail = "/" + "".join(part + "/" for part in components[:consumed])
        if page.url_path.endswith(tail):
            return (page.pk, page.content_type_id, page.url_path,
                    tuple(components[consumed:]))
    return None


def _components(path):
    return [part for part in path.split("/") if part]


def prime_route(request, path):
    """Give Wagtail the page for this path from the route cache, or remember Wagtail's walk
    (or the other language's page that answers here: :func:`fallback_route`). Returns a
    redirect when the visitor's language has this page at another address."""
    if hasattr(request, "_wagtail_route_for_request"):
        return None
    generation = _generation()
    site = site_for_request(request, generation)
    if site is None:
        return None
    key = _route_key(generation, site, path)
    entry = _cache_get(key)
    if entry is not None:
        result = _remembered_route(request, entry)
        if result is not None:
            request._wagtail_route_for_request = result
            return None
    result = Page.route_for_request(request, path)  # Wagtail's own walk; it keeps the result
    if result is None:
        result = fallback_route(request, site, path)
        if not isinstance(result, RouteResult):
            return result
    if result is not None:
        new_entry = _entry_for(result, _components(path))
        if new_entry is not None:
            _cache_set(key, new_entry)
    return None


def fallback_route(request, site, path):
    """The page of another language at this path, when the visitor's language has none
    here: the Dutch page under its English address (or an English-only page under its
    Dutch address). A redirect instead when the visitor's language has that page live at
    another address (a translated slug). Sets Wagtail's route for the request."""
    from portal.languages import default_language, language_codes
    from portal.selectors import locale_for

    current = get_language()
    others = [code for code in language_codes() if code != current]
    others.sort(key=lambda code: code != default_language())  # the default language first
    components = _components(path)
    for code in others:
        locale = locale_for(code)
        root = site.root_page
        if locale is None:
            continue
        if root.locale_id != locale.id:
            root = root.get_translation_or_none(locale)
        if root is None or not root.live:
            continue
        try:
            result = root.specific.route(request, list(components))
        except Http404:
            continue
        redirect = _redirect_to_translation(request, result, components)
        if redirect is not None:
            return redirect
        request._wagtail_route_for_request = result
        return result
    return None


def _redirect_to_translation(request, result, components):
    from django.http import HttpResponseRedirect

    from portal.selectors import locale_for
    from portal.visibility import can_view

    locale = locale_for(get_language())
    translated = result.page.get_translation_or_none(locale) if locale else None
    if translated is None or not translated.live or not can_view(request.user, translated):
        return None
    url = translated.get_url(request)
    entry = _entry_for(result, components)
    if not url or entry is None:
        return None
    url += "".join(part + "/" for part in entry[3])
    if url == request.path:
        return None
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    return HttpResponseRedirect(url)


class RememberedRouteMiddleware:
    """Primes Wagtail's page route for requests that go to Wagtail's serve view, and finds
    the other language's page for an address the visitor's language lacks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        # Wagtail's URL pattern passes the path positionally.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        if request.method in ("GET", "HEAD"):
            return prime_route(request, path)
        if Page.route_for_request(request, path) is None:
            site = site_for_request(request, _generation())
            if site is not None:
                result = fallback_route(request, site, path)
                if not isinstance(result, RouteResult):
                    return result
        return None
