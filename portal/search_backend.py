"""Wagtail's own search index (the admin's page, image and document search and the
/api/v2/ ``?search=``) with the query cleaned where the backend receives it.

On SQLite, modelsearch passes each word into an FTS5 string without escaping it, so a
``"`` (or a NUL byte) ends the string early and FTS5 raises a syntax error, and a query
of only spaces builds no expression at all. Here each word is escaped the FTS5 way
(``"`` becomes ``""``), words without a letter or digit (which the tokenizer would drop
anyway) are left out, and a query with no words left matches nothing. PostgreSQL parses
queries itself (``websearch_to_tsquery``-like plain text): that backend is used as is.

Setting: WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search_backend"}}.
"""

import functools

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import Phrase, PlainText


def clean_words(text):
    """The words of ``text`` that can be searched, FTS5-escaped."""
    words = text.replace("\x00", " ").split()
    return [word.replace('"', '""') for word in words if any(ch.isalnum() for ch in word)]


class CleanQueryMixin:
    def build_search_query_content(self, query, config=None):
        from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression

        if isinstance(query, PlainText):
            words = clean_words(query.query_string)
            if not words:
                return SearchQueryExpression(Lexeme(""))  # the empty phrase: no match
            query = PlainText(" ".join(words), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(" ".join(clean_words(query.query_string)))
        return super().build_search_query_content(query, config=config)


@functools.cache
def _sqlite_backend_class():
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class CleanSQLiteSearchQueryCompiler(CleanQueryMixin, SQLiteSearchQueryCompiler):
        pass

    class CleanSQLiteAutocompleteQueryCompiler(CleanQueryMixin,
                                               SQLiteAutocompleteQueryCompiler):
        pass

    class CleanSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = CleanSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = CleanSQLiteAutocompleteQueryCompiler

    return CleanSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = database_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _sqlite_backend_class()(params)
    return backend
