import datetime

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Page, Site

from portal import languages, selectors
from portal.visibility import visible_pages

register = template.Library()


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    current = context.get("page")
    site = Site.find_for_request(request)
    items = selectors.main_navigation(site, request.user)
    return {
        "items": [
            {"page": item, "is_current": is_current, "is_page": is_page}
            for item, is_current, is_page in selectors.current_section(items, current)
        ],
        "request": request,
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    request = context["request"]
    page = page or context.get("page")
    if page is None or page.depth <= 2:
        return {"crumbs": [], "current": page}
    return {"crumbs": selectors.breadcrumbs(page, request.user), "current": page}


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to this page in the other languages: the translation when one is visible,
    otherwise this page's own address on that language's site (the fallback), keeping
    the rest of the address (a sub-page's route) and the query string; never the home
    page."""
    request = context["request"]
    page = context.get("page")
    current_language = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if code == current_language:
            url = request.get_full_path()
        elif isinstance(page, Page):
            url = _page_in_language(request, page, code)
        else:
            url = _translated_own_path(request, code)
        links.append({"code": code, "name": name, "url": url,
                      "is_current": code == current_language})
    return {"links": links}


def _page_in_language(request, page, code):
    translated = _visible_translation(page, code, request.user) or page
    url = languages.address_in_language(translated, code)
    if not url:
        return _home_url(request, code)
    own = page.get_url(request=request) or ""
    if own and request.path.startswith(own):
        url += request.path[len(own):]  # a routable page's sub-route, e.g. "ical/"
    if request.GET:
        url = f"{url}?{request.GET.urlencode()}"
    return url


def _visible_translation(page, language_code, user):
    locale = selectors.locale_for(language_code)
    if locale is None:
        return None
    if page.locale_id == locale.id:
        return page
    return visible_pages(
        user, Page.objects.filter(translation_key=page.translation_key, locale=locale)
    ).first()


def _translated_own_path(request, language_code):
    """This address in another language, built from the site's own path: a path such as
    ``//evil.example/`` is not a host, so it gives that language's home page."""
    url = translate_url(request.path, language_code)
    if not url.startswith("/") or not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return _home_url(request, language_code)
    if request.GET:
        url = f"{url}?{request.GET.urlencode()}"
    return url


def _home_url(request, language_code):
    site = Site.find_for_request(request)
    if site is None:
        return "/"
    with translation.override(language_code):
        home = _visible_translation(site.root_page, language_code, request.user)
        return home.url if home is not None else "/"


@register.simple_tag(takes_context=True)
def localurl(context, page):
    """The page's address on the visitor's site (portal.languages): for plain ``Page``
    objects too (menus, breadcrumbs, chooser blocks), where ``pageurl`` gives the address
    in the page's own language."""
    return languages.page_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def page_language(context, page):
    """The page's language when it differs from the site's ("" otherwise): the page is
    shown on the other language's site, marked with ``lang`` and a note."""
    if not isinstance(page, Page):
        return ""
    code = languages.language_of(page)
    return "" if code == translation.get_language() else code


@register.simple_tag(takes_context=True)
def content_lang(context):
    """` lang="nl"` on an element holding the page's own content (title, summary, body)
    when the page is shown on the other language's site; nothing otherwise. A template
    that marks its content so overrides base.html's ``content_language_open`` and
    ``content_language_close`` blocks with nothing: its labels, dates and buttons then
    stay in the site's language (WCAG 3.1.2, language of parts)."""
    from django.utils.html import format_html

    code = page_language(context, context.get("page"))
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag(takes_context=True)
def lang_attrs(context, page_or_code, link=True):
    """` lang="nl" hreflang="nl"` on a link to a page (or an agenda entry's language code)
    in another language than the site's; nothing otherwise. ``link=False``: ``lang`` only
    (``hreflang`` belongs on links alone)."""
    from django.utils.html import format_html

    code = page_or_code if isinstance(page_or_code, str) else page_language(context,
                                                                           page_or_code)
    if not code or code == translation.get_language():
        return ""
    if not link:
        return format_html(' lang="{}"', code)
    return format_html(' lang="{}" hreflang="{}"', code, code)


@register.inclusion_tag("components/language_marker.html", takes_context=True)
def language_marker(context, page_or_code):
    """A small marker after a link to a page (or an agenda entry's language code) in
    another language than the site's."""
    code = page_or_code if isinstance(page_or_code, str) else page_language(context,
                                                                           page_or_code)
    code = "" if code == translation.get_language() else code
    return {"code": code, "name": languages.language_name(code) if code else "",
            "site_language": translation.get_language()}


@register.inclusion_tag("components/feed_links.html", takes_context=True)
def feed_links(context):
    """<link rel="alternate"> tags for the current page's feeds.

    Apps add feeds through the ``register_feed_links`` hook: ``fn(page, request) ->
    list of {"title", "url"}`` (empty when the page has no feed)."""
    from wagtail import hooks

    page = context.get("page")
    request = context.get("request")
    feeds = []
    if page is not None:
        for provider in hooks.get_hooks("register_feed_links"):
            feeds.extend(provider(page, request) or [])
    return {"feeds": feeds}


@register.filter
def filesize(value):
    """Human-readable file size in the current language's style."""
    try:
        size = float(value)
    except (TypeError, ValueError):
        return ""
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


@register.filter(expects_localtime=True)
def html_datetime(value):
    """The value for the ``datetime`` attribute of ``<time>``: ISO 8601 in the current time
    zone, to the second. (The ``c`` date format keeps microseconds, and HTML allows at most
    three digits for fractions of a second.)"""
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.inclusion_tag("components/when.html")
def when(start, end, zone_name=""):
    """Start and end of an event in its own time zone, the way people write it: one date
    for a same-day event ("15 december 2026, 14:00–16:00"), and the zone only when it is
    not the site's."""
    from zoneinfo import ZoneInfo

    zone_name = zone_name or settings.TIME_ZONE
    try:
        zone = ZoneInfo(zone_name)
    except (ValueError, KeyError):
        zone_name, zone = settings.TIME_ZONE, ZoneInfo(settings.TIME_ZONE)
    local_start = start.astimezone(zone) if start else None
    local_end = end.astimezone(zone) if end else None
    return {
        "start": start, "end": end, "local_start": local_start, "local_end": local_end,
        "same_day": bool(local_start and local_end
                         and local_start.date() == local_end.date()),
        "zone_name": zone_name,
        "zone": zone_name if zone_name != settings.TIME_ZONE else "",
    }
