"""A privacy change in the admin hides the page from a visitor's search at once, also when
index updates wait for a worker (PORTAL_TASKS_BACKEND=database in production)."""

import pytest
from django.test import Client

from search.models import SearchDocument
from tests.mailings.factories import make_knowledge

WORD = "Onvindbaarwoord"
TYPO = "onvindbaarwoort"


@pytest.fixture
def item(site_structure, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_knowledge(site_structure, f"Kennis {WORD}")
    assert SearchDocument.objects.get(page_id=page.pk).audience == " public "
    return page


@pytest.fixture
def worker_later(settings):
    """Tasks are queued, not run (as when a separate worker picks them up later)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def editor_client(superuser):
    browser = Client()
    browser.force_login(superuser)
    return browser


def found(client, page):
    return page.url in client.get(f"/zoeken/?q={WORD}").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["restrict", "unpublish"])
def test_search_forgets_the_page_before_the_worker_runs(
        action, client, item, worker_later, editor_client, django_capture_on_commit_callbacks):
    assert found(client, item)
    assert f"?q={WORD.lower()}" in client.get(f"/zoeken/?q={TYPO}").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        if action == "restrict":
            editor_client.post(f"/admin/pages/{item.pk}/privacy/",
                               {"restriction_type": "login", "password": ""})
        else:
            editor_client.post(f"/admin/pages/{item.pk}/unpublish/")
    # The queued update has not run: the document is still there, but no one finds it,
    # nor is a word of it suggested for a misspelling.
    assert SearchDocument.objects.filter(page_id=item.pk).exists()
    assert not found(client, item)
    assert WORD.lower() not in client.get(f"/zoeken/?q={TYPO}").content.decode().lower()


@pytest.mark.django_db
def test_an_external_engine_drops_the_page_right_after_the_commit(
        client, item, settings, monkeypatch, editor_client, worker_later,
        django_capture_on_commit_callbacks):
    from search.backends.elasticsearch import ElasticsearchBackend
    from search.models import PendingIndexUpdate

    calls = []
    monkeypatch.setattr(ElasticsearchBackend, "withdraw",
                        lambda self, keys: calls.append(("withdraw", list(keys))))
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9/"  # never contacted: withdraw is faked
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/admin/pages/{item.pk}/privacy/",
                           {"restriction_type": "login", "password": ""})
    assert calls == [("withdraw", [f"page:{item.pk}"])]

    # The engine is down: the withdrawal is remembered for catching up.
    def down(self, keys):
        raise ConnectionError("down")

    monkeypatch.setattr(ElasticsearchBackend, "withdraw", down)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/admin/pages/{item.pk}/unpublish/")
    assert PendingIndexUpdate.objects.filter(key=f"page:{item.pk}", action="delete").exists()
