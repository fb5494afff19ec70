"""Both languages at every address: a page's address on each language's site.

The Dutch tree is every other language's fallback. On the English site a Dutch page
without a live English translation answers under its English address (``/en/`` + its
Dutch path: replacing ``/`` by ``/en/`` in an address always works), shown with
``lang="nl"`` and a note (portal/routing.py finds it, templates/base.html marks it).

So a link on an English page never drops the visitor into the Dutch tree: a Dutch page's
URL, asked for on the English site, is its English address (:class:`LanguageAddressMixin`
on every page type, :func:`localized_url` for plain ``Page`` objects and the ``localurl``
template tag). Where the English translation lives at another path (a translated slug),
the router sends the English address on to it. A page in a language other than the
default keeps its own address everywhere; templates mark it (``language_marker``).
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

_codes_by_locale_id = {}


def default_language():
    return settings.LANGUAGE_CODE


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """The language's name in the current language ("Dutch", "Nederlands")."""
    from django.utils.translation import gettext

    names = {"nl": gettext("Dutch"), "en": gettext("English")}
    return names.get(code, code)


def language_of(page):
    """The language code of a page's locale, without a query after the first time."""
    locale_id = page.locale_id
    if locale_id not in _codes_by_locale_id:
        from wagtail.models import Locale

        _codes_by_locale_id.update(Locale.objects.values_list("id", "language_code"))
    return _codes_by_locale_id.get(locale_id, default_language())


def forget_locale_codes(*args, **kwargs):
    _codes_by_locale_id.clear()


def visitor_language(request=None):
    """The language of the site being shown: the address's language when there is a
    request (the admin keeps the default: its own interface language is not a site),
    otherwise the active language (an e-mail rendered in its recipient's language)."""
    code = getattr(request, "LANGUAGE_CODE", None) if request is not None else None
    return code or translation.get_language() or default_language()


def _serve_prefix(language):
    """The start of every page address on a language's site: "/" or "/en/"."""
    try:
        with translation.override(language):
            return reverse("wagtail_serve", args=("",))
    except NoReverseMatch:
        return None


def strip_language_prefix(path):
    """(language, route) of a site path: "/en/leden/x/" gives ("en", "leden/x/")."""
    for code in language_codes():
        prefix = _serve_prefix(code)
        if prefix and prefix != "/" and path.startswith(prefix):
            return code, path[len(prefix):]
    return default_language(), path.lstrip("/")


def path_in_language(path, language):
    """The same site path on another language's site ("/leden/x/" -> "/en/leden/x/")."""
    _from, route = strip_language_prefix(path)
    prefix = _serve_prefix(language)
    return path if prefix is None else prefix + route


def default_tree_url_on_site(url, language):
    """A page address stored in its own language (a search document's) as a link on the
    site of ``language``: an address in the default language's tree becomes its address
    on that site; others stay."""
    if not url or not url.startswith("/") or language == default_language():
        return url
    if strip_language_prefix(url)[0] != default_language():
        return url
    return path_in_language(url, language)


def localized_url(page, url, request=None):
    """``url`` (the page's own URL, relative or absolute) as a link on the visitor's site:
    a page of the default language gets its address on the visitor's site; any other
    page keeps its own address."""
    if not url:
        return url
    language = visitor_language(request)
    if language == default_language() or language_of(page) != default_language():
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=path_in_language(parts.path or "/", language)))


def page_url(page, request=None):
    """The address of any page (also a plain ``Page``) on the visitor's site."""
    if page is None:
        return ""
    return localized_url(page, page.get_url(request=request), request)


def address_in_language(page, language, request=None):
    """The page's own address on the site of ``language``: for the language switch."""
    with translation.override(language):
        url = page.get_url()
    if not url or language_of(page) == language:
        return url
    return path_in_language(url, language)


class LanguageAddressMixin:
    """Every page type: its URL on the visitor's site (see the module's docstring)."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        if not parts or parts[2] is None:
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url, localized_url(self, page_path, request)


def full_address_in_language(page, language, request=None):
    """The page's absolute address on the site of ``language`` (the sitemap)."""
    with translation.override(language):
        url = page.get_full_url(request=request)
    if not url or language_of(page) == language:
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=path_in_language(parts.path or "/", language)))
