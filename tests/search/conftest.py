import os
from datetime import UTC, datetime

import pytest

from search.backends.database import DatabaseBackend
from search.documents import store_document


def skip_reason():
    return "ELASTICSEARCH_URL is not set: Elasticsearch contract tests skipped"


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, db, settings):
    """Each contract test runs on both backends; Elasticsearch only where configured."""
    if request.param == "elasticsearch":
        if not os.environ.get("ELASTICSEARCH_URL"):
            pytest.skip(skip_reason())
        from search.backends.elasticsearch import ElasticsearchBackend

        settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
        settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
        settings.ELASTICSEARCH_INDEX_PREFIX = f"portal_test_{os.getpid()}_"
        engine = ElasticsearchBackend()
        yield engine
        engine.client.indices.delete(index=f"portal_test_{os.getpid()}_*",
                                     ignore_unavailable=True)
    else:
        settings.PORTAL_SEARCH_BACKEND = "database"
        yield DatabaseBackend()


def make_document(number, title, *, summary="", body="", content_type="knowledge",
                  audience=("public",), learning_line=(), track=(), theme=(),
                  organisation=(), language="nl", date=None):
    date = date or datetime(2026, 1, 1, 12, tzinfo=UTC)
    return {
        "key": f"test:{number}",
        "page_id": None,
        "title": title,
        "summary": summary,
        "body": body,
        "url": f"/test/{number}/",
        "content_type": content_type,
        "language": language,
        "date": date,
        "year": date.year,
        "audience": list(audience),
        "facets": {
            "content_type": [content_type], "learning_line": list(learning_line),
            "track": list(track), "theme": list(theme), "organisation": list(organisation),
            "sdg": [], "year": [str(date.year)], "language": [language],
        },
    }


@pytest.fixture
def index_documents(backend):
    def index(*documents):
        for data in documents:
            store_document(data)
            backend.index(data)
    return index
