"""Member-written text: only safe formatting survives (nh3, a well-kept sanitiser), and
every link gets rel="nofollow noopener"."""

import nh3
from django.utils.html import escape, linebreaks

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote",
                "code", "pre"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
MAX_LENGTH = 10_000


def sanitise(raw):
    """Plain text becomes paragraphs; the few allowed tags stay; everything else goes."""
    raw = (raw or "").strip()
    if "<" not in raw:
        raw = linebreaks(escape(raw))
    return nh3.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="nofollow noopener").strip()


def has_text(html):
    return bool(nh3.clean(html or "", tags=set()).strip())


def plain(html):
    """The text of stored HTML, for excerpts in e-mails and notifications."""
    import html as html_module

    return " ".join(html_module.unescape(nh3.clean(html or "", tags=set())).split())
