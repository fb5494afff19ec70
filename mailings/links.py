"""Absolute links in e-mails (an e-mail has no "current site"), and what every e-mail
shows around its content."""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.rich_text import expand_db_html


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path):
    if path.startswith(("http://", "https://")):
        return path
    return base_url() + path


def portal_url(name, language, **kwargs):
    """Absolute URL of a portal view in the recipient's language (/en/… for English)."""
    with translation.override(language):
        return absolute(reverse(name, kwargs=kwargs or None))


def page_url(page):
    """Absolute URL of a page (its own language's prefix included)."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    _site_id, _root_url, page_path = parts
    return absolute(page_path)


_RELATIVE_HREF = re.compile(r'href="/(?!/)')


def absolute_links(html):
    return _RELATIVE_HREF.sub(f'href="{base_url()}/', html)


def email_chrome(language):
    """What every e-mail shows around its content, in the recipient's language."""
    return {
        "language": language,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "home_url": absolute("/en/" if language == "en" else "/"),
        "preferences_url": portal_url("mailings:subscriptions", language),
    }


def rich_text_html(value):
    return absolute_links(expand_db_html(value or ""))
