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
