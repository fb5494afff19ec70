"""The interface every portal search backend implements, and the shapes they return."""

import html
import re
from dataclasses import dataclass, field

from search.stemming import same_word, word_forms

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def query_words(text):
    """The words of a query: letters and digits only, so that no character can change
    the meaning of a full-text or Elasticsearch query (quotes, *, :, parentheses …).
    Operators such as AND are kept as ordinary words."""
    text = (text or "")[:MAX_QUERY_LENGTH]
    return [word.lower() for word in WORD_RE.findall(text)][:MAX_WORDS]


@dataclass
class SearchRequest:
    text: str
    tokens: list                      # audience tokens of the user (search.documents)
    filters: dict = field(default_factory=dict)  # facet -> list of values
    exclude: dict = field(default_factory=dict)  # facet -> values no result may have
    sort: str = "relevance"           # or "date"
    page: int = 1
    per_page: int = 10

    @property
    def words(self):
        return query_words(self.text)


@dataclass
class Hit:
    key: str
    title: str
    url: str
    content_type: str
    date: object
    title_html: str
    snippet_html: str
    score: float = 0.0
    type_label: str = ""
    language: str = ""                # "nl" or "en": the result's own language
    language_label: str = ""          # its name, when it is not the page's language


@dataclass
class SearchResult:
    hits: list
    total: int
    facets: dict                      # facet -> [(value id, count), …] most frequent first
    suggestion: str | None = None
    page: int = 1
    per_page: int = 10
    backend: str = ""
    labels: dict = field(default_factory=dict)  # facet -> {value id: label} (search.service)

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.per_page))

    @property
    def start_index(self):
        return (self.page - 1) * self.per_page + 1


class SearchBackend:
    name = "base"

    def index(self, data):
        raise NotImplementedError

    def remove(self, key):
        raise NotImplementedError

    def withdraw(self, keys):
        """Remove these documents at once (who may see them changed); the scheduled
        update adds them back with their new audience."""
        for key in keys:
            self.remove(key)

    def search(self, request: SearchRequest) -> SearchResult:
        raise NotImplementedError

    def autocomplete(self, prefix, tokens, limit=8, language=None):
        """Title suggestions; none of a document hidden in ``language`` (its hidden_in)."""
        raise NotImplementedError

    def rebuild(self, documents, total, progress=None):
        raise NotImplementedError

    def status(self):
        raise NotImplementedError


class WordMatcher:
    """Finds the words of a text that are forms of the query words: a word that starts
    with a query word, or that shares a Dutch or English stem with one
    (search.stemming.same_word). The regular expression finds the candidates; the stems
    are checked on those only."""

    def __init__(self, words):
        self.words = [word.lower() for word in words if word]
        alternatives = set()
        for word in self.words:
            alternatives.update(word_forms(word))
        self.pattern = re.compile(
            r"\b(" + "|".join(sorted(map(re.escape, alternatives), key=len, reverse=True))
            + r")\w*", re.IGNORECASE | re.UNICODE) if alternatives else None

    def finditer(self, text):
        if self.pattern is None:
            return
        for found in self.pattern.finditer(text):
            if any(same_word(word, found.group(0)) for word in self.words):
                yield found

    def search(self, text):
        return next(self.finditer(text or ""), None)


def highlight(text, words, length=220):
    """An HTML-escaped excerpt of ``text`` around the first match, matches in <mark>."""
    text = text or ""
    matcher = WordMatcher(words)
    if matcher.pattern is None:
        return html.escape(text[:length])
    match = matcher.search(text)
    if match is None:
        excerpt = text[:length]
        prefix, suffix = "", "…" if len(text) > length else ""
    else:
        start = max(0, match.start() - length // 3)
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space != -1 else start
        excerpt = text[start:start + length]
        prefix = "…" if start else ""
        suffix = "…" if start + length < len(text) else ""
    escaped, last = [], 0
    for found in matcher.finditer(excerpt):
        escaped.append(html.escape(excerpt[last:found.start()]))
        escaped.append(f"<mark>{html.escape(found.group(0))}</mark>")
        last = found.end()
    escaped.append(html.escape(excerpt[last:]))
    return prefix + "".join(escaped) + suffix
