"""What only a search engine does, on a real node: stemming and its highlights, the
first index made once, rebuilds that lose no update. Runs on OpenSearch where
OPENSEARCH_URL is set (always in CI) and on Elasticsearch 8 where ELASTICSEARCH_URL is."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser

from search import service
from search.backends.engine import alias_name
from search.models import PendingIndexUpdate
from tests.search.conftest import made_indices, make_document

VISITOR = AnonymousUser()


def test_stemmed_matches_are_highlighted_in_title_and_snippet(engine):
    engine.index(make_document(1, "Een nieuw waterpunt",
                               body="Het dorp kreeg een waterpunt bij de school."))
    result = service.search("waterpunten", VISITOR)
    assert result.backend == engine.name and result.total == 1
    assert result.hits[0].title_html == "Een nieuw <mark>waterpunt</mark>"
    assert "<mark>waterpunt</mark>" in result.hits[0].snippet_html


def test_two_first_writes_at_once_make_one_index(engine):
    barrier = threading.Barrier(4)
    errors = []

    def first_write(number):
        try:
            backend = service.get_backend()
            barrier.wait()
            backend.index(make_document(number, f"Gelijktijdig {number}"))
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=first_write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(engine.alias_indices(alias_name())) == 1
    assert len(made_indices(engine)) == 1
    assert engine.status()["documents"] == 4


@pytest.fixture
def during_rebuild(engine, monkeypatch):
    """Run ``changes`` while a rebuild is under way: after it read every page (the
    slowest case: what it writes next is older than the changes) and before it writes."""
    def run(changes, fail=False):
        original = type(engine).bulk_load

        def bulk_load(self, actions, chunk_size):
            actions = list(actions)  # the rebuild read the pages
            changes()
            if fail:
                original(self, iter(actions[:1]), chunk_size)
                raise RuntimeError("the engine went away mid-rebuild")
            return original(self, iter(actions), chunk_size)

        monkeypatch.setattr(type(engine), "bulk_load", bulk_load)
        try:
            return service.rebuild()
        finally:
            monkeypatch.setattr(type(engine), "bulk_load", original)
    return run


def titles(result):
    return sorted(hit.title for hit in result.hits)


def test_publish_unpublish_and_delete_during_a_rebuild_reach_the_new_index(
        engine, publish, during_rebuild, django_capture_on_commit_callbacks):
    kievit = publish("Kievit in de wei", "kievit", "Weidevogel kievit")
    grutto = publish("Grutto in de wei", "grutto", "Weidevogel grutto")
    scholekster = publish("Scholekster aan zee", "scholekster", "Weidevogel scholekster")
    service.rebuild()
    assert titles(service.search("weidevogel", VISITOR)) == [
        "Grutto in de wei", "Kievit in de wei", "Scholekster aan zee"]
    serving_before = engine.alias_indices(alias_name())

    def changes():
        publish("Tureluur in de wei", "tureluur", "Weidevogel tureluur")
        with django_capture_on_commit_callbacks(execute=True):
            kievit.unpublish()
        with django_capture_on_commit_callbacks(execute=True):
            scholekster.delete()
        grutto.title = "Grutto, nationale vogel"
        with django_capture_on_commit_callbacks(execute=True):
            grutto.save_revision().publish()

    during_rebuild(changes)
    assert engine.alias_indices(alias_name()) != serving_before  # the switch happened
    result = service.search("weidevogel", VISITOR)
    assert result.backend == engine.name
    assert titles(result) == ["Grutto, nationale vogel", "Tureluur in de wei"]
    assert PendingIndexUpdate.objects.count() == 0
    assert made_indices(engine) == engine.alias_indices(alias_name())  # old ones dropped


def test_a_failed_rebuild_leaves_the_serving_index_as_it_was(engine, publish, during_rebuild):
    publish("Kievit in de wei", "kievit", "Weidevogel kievit")
    service.rebuild()
    serving = engine.alias_indices(alias_name())
    with pytest.raises(RuntimeError):
        during_rebuild(lambda: None, fail=True)
    assert engine.alias_indices(alias_name()) == serving
    assert made_indices(engine) == serving  # the half-filled index is gone
    assert titles(service.search("kievit", VISITOR)) == ["Kievit in de wei"]
