"""Dutch and English stemming for the database backend (PyStemmer: the Snowball stemmers).

The engines stem with their own ``dutch`` and ``english`` analyzers (search/backends/
engine.py). On the database (SQLite FTS5, PostgreSQL full-text) a document is indexed with
its words as they are plus the Dutch and English stems of every word (both languages,
whatever the document's language: a Dutch page quotes English titles, and the reverse),
and each query word matches itself or one of its stems. The stored text itself is never
changed, so excerpts and highlights show the words as written
(search.backends.base.highlight marks a word whose stem is a query word's stem).
"""

import functools
import re
import threading

import Stemmer

LANGUAGES = ("dutch", "english")
# Letters and digits only: the stems of "co-operatie" are those of "co" and "operatie", as
# the full-text tokenizers split it.
STEM_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
MIN_STEM_LENGTH = 3  # shorter words are left as they are (stemming "is" helps no one)

_local = threading.local()  # a PyStemmer stemmer is not thread-safe: one per thread


def _stemmers():
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = [Stemmer.Stemmer(language) for language in LANGUAGES]
    return stemmers


@functools.lru_cache(maxsize=200_000)
def stems(word):
    """The Dutch and English stems of a lower-case word, without repeats and without the
    word itself."""
    if len(word) < MIN_STEM_LENGTH:
        return ()
    found = []
    for stemmer in _stemmers():
        stem = stemmer.stemWord(word)
        if stem != word and stem not in found and len(stem) >= 2:
            found.append(stem)
    return tuple(found)


def word_forms(word):
    """What a query word matches in the index: itself or one of its stems. A word with
    inner punctuation ("co-operatie") is matched as it is."""
    word = word.lower()
    if STEM_WORD_RE.fullmatch(word) is None:
        return [word]
    return [word, *stems(word)]


def stemmed_text(text):
    """The stems that ``text`` adds to the index: each stem once, space-separated (the
    words themselves are indexed from the text)."""
    seen = {}
    for word in STEM_WORD_RE.findall(text.lower()):
        for stem in stems(word):
            seen.setdefault(stem, None)
    return " ".join(seen)


def same_word(query_word, word):
    """Whether ``word`` (from a text) is a form of ``query_word``: it starts with it (as
    search-as-you-type highlights did before) or they share a stem."""
    query_word, word = query_word.lower(), word.lower()
    if word.startswith(query_word):
        return True
    query_stems = {query_word, *stems(query_word)}
    return bool(query_stems & {word, *stems(word)})
