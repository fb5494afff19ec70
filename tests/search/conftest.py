import itertools
import os
from datetime import UTC, datetime

import pytest

from search.backends.database import DatabaseBackend
from search.documents import store_document

ENGINE_URLS = {"opensearch": "OPENSEARCH_URL", "elasticsearch": "ELASTICSEARCH_URL"}
# OpenSearch runs here (make opensearch-start) and in CI, where a missing OPENSEARCH_URL
# fails the engine tests instead of skipping them. Elasticsearch 8 cannot run on these
# machines: its runs are skipped unless ELASTICSEARCH_URL is set (docs/search.md).
REQUIRED_IN_CI = {"opensearch"}
_numbers = itertools.count(1)


def engine_backend(name, settings):
    """The backend ``name`` on a real engine, with index names of its own."""
    variable = ENGINE_URLS[name]
    url = os.environ.get(variable)
    if not url:
        message = f"{variable} is not set: {name} tests not run"
        if name in REQUIRED_IN_CI and os.environ.get("CI"):
            pytest.fail(message + " (required in CI)")
        pytest.skip(message)
    from search import service

    settings.PORTAL_SEARCH_BACKEND = name
    setattr(settings, variable, url)
    settings.SEARCH_INDEX_PREFIX = f"portal_test_{os.getpid()}_{next(_numbers)}_"
    return service.get_backend(name)


def made_indices(engine):
    """Every index whose name starts with this test's prefix (a GET may use a wildcard;
    deletes may not: Elasticsearch 8 and the dev node refuse them)."""
    from django.conf import settings

    pattern = f"{settings.SEARCH_INDEX_PREFIX}*"
    if engine.name == "elasticsearch":
        return sorted(engine.client.indices.get(index=pattern, expand_wildcards="all").body)
    return sorted(engine.client.indices.get(index=pattern, expand_wildcards="all"))


def drop_indices(engine):
    """Teardown: delete by exact name each index the test made, and check none is left."""
    for name in made_indices(engine):
        engine.delete_index(name)
    assert made_indices(engine) == []


@pytest.fixture(params=["database", "opensearch", "elasticsearch"])
def backend(request, db, settings):
    """Each contract test runs on every backend: the database always, OpenSearch where
    OPENSEARCH_URL is set (always in CI), Elasticsearch where ELASTICSEARCH_URL is set."""
    if request.param == "database":
        settings.PORTAL_SEARCH_BACKEND = "database"
        yield DatabaseBackend()
        return
    engine = engine_backend(request.param, settings)
    yield engine
    drop_indices(engine)


@pytest.fixture(params=["opensearch", "elasticsearch"])
def engine(request, db, settings):
    """Tests of what only a search engine does (stemming, its highlights, rebuilds)."""
    engine = engine_backend(request.param, settings)
    yield engine
    drop_indices(engine)


def make_document(number, title, *, summary="", body="", content_type="knowledge",
                  audience=("public",), learning_line=(), track=(), theme=(),
                  organisation=(), language="nl", date=None):
    """Document data as search.documents.build_document makes it. Learning lines, themes
    and organisations are FacetValues (a stable id and a label) or plain ids."""
    date = date or datetime(2026, 1, 1, 12, tzinfo=UTC)
    named = {"learning_line": learning_line, "theme": theme, "organisation": organisation}
    ids = {facet: [getattr(value, "id", value) for value in values]
           for facet, values in named.items()}
    labels = {facet: {value.id: value.label for value in values if hasattr(value, "label")}
              for facet, values in named.items()}
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
            "content_type": [content_type], "learning_line": ids["learning_line"],
            "track": list(track), "theme": ids["theme"], "organisation": ids["organisation"],
            "sdg": [], "year": [str(date.year)], "language": [language],
        },
        "labels": {facet: values for facet, values in labels.items() if values},
    }


@pytest.fixture
def publish(site_structure, django_capture_on_commit_callbacks):
    """Publish a standard page under home (index updates run, as after a commit)."""
    from portal.models import StandardPage

    home = site_structure["home"]

    def make(title, slug, intro, parent=None):
        page = StandardPage(title=title, slug=slug, intro=intro)
        (parent or home).add_child(instance=page)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return make


@pytest.fixture
def index_documents(backend):
    def index(*documents):
        for data in documents:
            store_document(data)
            backend.index(data)
    return index


def answered_by(backend, call, answer=lambda result: result):
    """``call`` (a search service function), asserting that the backend under test
    answered; ``answer`` picks what the test gets."""
    def run(text, user, **options):
        result = call(text, user, **options)
        assert result.backend == backend.name
        return answer(result)
    return run


@pytest.fixture
def find(backend):
    """service.search, asserting that the backend under test answered."""
    from search import service

    return answered_by(backend, service.search)


@pytest.fixture
def complete(backend):
    """service.title_suggestions (their items), asserting that the backend under test
    answered."""
    from search import service

    return answered_by(backend, service.title_suggestions, lambda result: result.items)
