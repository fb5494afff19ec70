"""Absolute links to this site, for anything read outside a browser tab on the site (e-mails,
calendar files): always from the configured base URL (PORTAL_BASE_URL, which sets
WAGTAILADMIN_BASE_URL), never from the Host header of some request."""

from django.conf import settings


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path):
    """``path`` on this site as an absolute URL; an absolute URL is returned unchanged and
    an empty path stays empty."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return base_url() + ("" if path.startswith("/") else "/") + path


def absolute_reverse(name, language, args=None, kwargs=None):
    """Absolute URL of a portal view on the site of ``language`` (/en/… for English)."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return absolute_url(reverse(name, args=args, kwargs=kwargs))


def page_in_language(page, language):
    """The live translation of ``page`` in ``language``, else ``page`` itself."""
    if page is None or getattr(page, "locale", None) is None or \
            page.locale.language_code == language:
        return page
    translation = (type(page).objects.live().filter(translation_key=page.translation_key,
                                                    locale__language_code=language)
                   .select_related("locale").first())
    return translation or page


def page_url_in(page, language):
    """Absolute URL of ``page`` on the site of ``language``: its translation's address
    when there is a live one, else the page's own."""
    page = page_in_language(page, language)
    return absolute_url(page.url or "") if page is not None else ""
