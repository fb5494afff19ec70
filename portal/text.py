"""Plain text from stored HTML (rich text), for search documents, summaries and e-mails."""

import re
from html import unescape

from django.utils.html import strip_tags

BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|div|blockquote|td|th)>|<br\s*/?>)", re.IGNORECASE)


def plain_text(value):
    """Text without markup; block ends become spaces so words do not run together
    ("…watervoorziening.</p><p>Lees…" gives "…watervoorziening. Lees…")."""
    text = BLOCK_END.sub(r"\1 ", str(value or ""))
    return re.sub(r"\s+", " ", unescape(strip_tags(text))).strip()
