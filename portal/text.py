"""Plain text from stored HTML: the one place where page text loses its markup.

Two readers, one stripping core (:func:`_strip`: tags removed, entities decoded):

- :func:`plain_text`: one line of text, for search documents, summaries, feeds and
  checks ("is there any text?"). Takes a string of HTML, a ``RichText`` value or a
  StreamField value.
- :func:`stream_text`: every text in a StreamField value, chosen titles included.
- :func:`email_text`: the text alternative of an HTML e-mail, which keeps what a reader
  of plain-text mail needs: paragraphs and list items on their own lines and links as
  "text (url)".
"""

import re
from html import unescape

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|div|blockquote|td|th)>|<br\s*/?>)", re.IGNORECASE)
_LINK = re.compile(r'<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
_LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
_LINE_END = re.compile(r"</(p|li|h\d|ul|ol)>|<br\s*/?>", re.IGNORECASE)


def _strip(html):
    """The text of ``html``: tags removed, line ends made "\\n", then entities decoded."""
    return unescape(normalize_newlines(strip_tags(html)))


def _html(value):
    """The HTML of a string or a ``RichText`` value (its stored source)."""
    if not value:
        return ""
    if hasattr(value, "source"):  # wagtail.rich_text.RichText
        return str(value.source or "")
    return str(value)


def plain_text(value):
    """Text without markup; block ends become spaces so words do not run together
    ("…watervoorziening.</p><p>Lees…" gives "…watervoorziening. Lees…").

    ``value`` is a string, a ``RichText`` value or a StreamField value (all the text its
    blocks offer for searching, joined by spaces)."""
    if hasattr(value, "stream_block"):  # a StreamField value
        parts = (plain_text(text) for text in value.stream_block.get_searchable_content(value))
        return " ".join(part for part in parts if part)
    text = BLOCK_END.sub(r"\1 ", _html(value))
    return re.sub(r"\s+", " ", _strip(text)).strip()


def email_text(value):
    """Readable plain text of simple rich text (a string or a ``RichText`` value), for
    the text part of an e-mail: paragraphs, list items ("- …") and links
    ("text (url)") kept."""
    text = _LINK.sub(lambda m: f"{strip_tags(m.group(2))} ({m.group(1)})", _html(value))
    text = _LIST_ITEM.sub("- ", text)
    text = _LINE_END.sub("\n", text)
    text = _strip(text)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def stream_text(stream_value):
    """All text in a StreamField value, including the titles of chosen documents and pages
    (what the search indexes of a standard page; :func:`plain_text` gives the text the
    blocks offer for searching)."""
    parts = []

    def walk(value):
        if value is None:
            return
        if hasattr(value, "source"):  # RichText
            parts.append(plain_text(value.source))
        elif isinstance(value, str):
            parts.append(plain_text(value))
        elif isinstance(value, dict) or hasattr(value, "items"):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)) or hasattr(value, "__iter__"):
            for item in value:
                walk(getattr(item, "value", item))
        elif hasattr(value, "title"):  # documents, pages chosen in blocks
            parts.append(str(value.title))

    walk(stream_value)
    return " ".join(part for part in parts if part)
