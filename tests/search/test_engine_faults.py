"""The engine goes away mid-run, on the real node: searches are answered by the database
backend (and the log and /healthz say so), publishing goes on, and the updates the engine
missed reach it when it returns. Runs on OpenSearch where OPENSEARCH_URL is set (always in
CI: a missing URL fails) and on Elasticsearch 8 where ELASTICSEARCH_URL is.

The node is made unreachable by pointing the backend at a port where nothing answers (or
where something accepts connections and never replies, as a paused node does), then back
at the real node."""

import json
import logging
import socket
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from search import outage as known_down
from search import service
from search.backends.base import SearchRequest
from search.documents import page_key, user_tokens
from search.models import PendingIndexUpdate
from tests.search.conftest import ENGINE_URLS

WORD = "weidevogel"


def closed_port():
    """A local port where nothing listens (connections are refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def outage(engine, settings):
    """Switch the engine off and on again for the code under test (the ``engine`` object
    itself keeps talking to the real node). Fallback on, as in production."""
    variable = ENGINE_URLS[engine.name]
    real_url = getattr(settings, variable)
    settings.PORTAL_SEARCH_FALLBACK = True
    hung = []

    class Switch:
        def refuse(self):
            setattr(settings, variable, f"http://127.0.0.1:{closed_port()}")

        def hang(self):
            """Accepts connections, never answers: a paused or overloaded node."""
            listener = socket.socket()
            listener.bind(("127.0.0.1", 0))
            listener.listen(16)
            hung.append(listener)
            setattr(settings, variable, f"http://127.0.0.1:{listener.getsockname()[1]}")

        def restore(self):
            setattr(settings, variable, real_url)

    yield Switch()
    for listener in hung:
        listener.close()


@pytest.fixture
def editor_client(superuser):
    browser = Client()
    browser.force_login(superuser)
    return browser


def publish_in_admin(browser, parent, title, slug, intro):
    response = browser.post(
        f"/admin/pages/add/portal/standardpage/{parent.pk}/",
        nested_form_data({"title": title, "slug": slug, "intro": intro,
                          "body": streamfield([]), "comments": inline_formset([]),
                          "action-publish": "action-publish"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug=slug).specific
    assert page.live
    return page


def engine_titles(engine, user=None):
    """What the engine itself finds for WORD (no fallback in between)."""
    result = engine.search(SearchRequest(text=WORD, tokens=user_tokens(user or AnonymousUser())))
    assert result.backend == engine.name
    return sorted(hit.title for hit in result.hits)


def healthz(client):
    started = time.monotonic()
    response = client.get("/healthz")
    return response, json.loads(response.content), time.monotonic() - started


def test_an_outage_falls_back_queues_updates_and_catches_up(
        engine, outage, site_structure, editor_client, client, caplog,
        django_capture_on_commit_callbacks):
    home = site_structure["home"]
    with django_capture_on_commit_callbacks(execute=True):
        kievit = publish_in_admin(editor_client, home, "Kievit in de wei", "kievit",
                                  "Een weidevogel met een kuif")
    assert engine_titles(engine) == ["Kievit in de wei"]
    response, health, _ = healthz(client)
    assert response.status_code == 200
    assert health["status"] == "ok" and health["search"]["status"] == "ok"

    outage.refuse()
    caplog.set_level(logging.INFO, logger="search.service")
    caplog.clear()

    # Publishing and unpublishing in the admin still work; the engine's updates wait.
    with django_capture_on_commit_callbacks(execute=True):
        grutto = publish_in_admin(editor_client, home, "Grutto in de wei", "grutto",
                                  "De weidevogel van het jaar")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/pages/{kievit.pk}/unpublish/")
    assert response.status_code == 302
    kievit.refresh_from_db()
    assert not kievit.live
    pending = dict(PendingIndexUpdate.objects.values_list("key", "action"))
    assert pending == {page_key(grutto.pk): "index", page_key(kievit.pk): "delete"}
    assert engine_titles(engine) == ["Kievit in de wei"]  # the engine missed both

    # A visitor's search is answered by the database backend, up to date, and logged.
    response = client.get(f"/zoeken/?q={WORD}")
    assert response.status_code == 200
    assert response.context["result"].backend == "database"
    page = response.content.decode()
    assert grutto.url in page and "Grutto in de wei" in page
    assert kievit.url not in page
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(f"engine {engine.name} unavailable" in message
               and "answered by the database backend" in message for message in warnings)
    assert any(f"{engine.name} unavailable; answering from the database backend"
               in r.getMessage() for r in caplog.records)

    # /healthz: still 200 (the portal answers), the search is reported degraded.
    response, health, _ = healthz(client)
    assert response.status_code == 200
    assert health["status"] == "degraded"
    assert health["database"] == "ok"
    assert health["search"]["backend"] == engine.name
    assert health["search"]["status"] == "degraded"
    assert health["search"]["answering"] == "database"
    assert health["search"]["pending_updates"] == 2

    # While it is still down, a catch-up keeps everything queued and says so.
    with pytest.raises(Exception, match="still pending"):
        call_command("search_index", "update")
    assert PendingIndexUpdate.objects.count() == 2

    # The node returns: the catch-up brings the missed publish and unpublish into it.
    outage.restore()
    call_command("search_index", "update")
    assert PendingIndexUpdate.objects.count() == 0
    assert engine_titles(engine) == ["Grutto in de wei"]
    response = client.get(f"/zoeken/?q={WORD}")
    assert response.context["result"].backend == engine.name
    assert grutto.url in response.content.decode()
    response, health, _ = healthz(client)
    assert health["status"] == "ok" and health["search"]["status"] == "ok"
    assert health["search"]["answering"] == engine.name


def timed(action):
    started = time.monotonic()
    result = action()
    return result, time.monotonic() - started


def test_a_node_that_stops_answering_costs_one_timeout_not_one_per_request(
        engine, outage, site_structure, client, publish):
    """A paused node accepts connections and never replies. The first request finds out
    (after the client's timeout); then searches and publishing do not wait for it again,
    and /healthz never waits longer than its own short probe."""
    publish("Kievit in de wei", "kievit", "Een weidevogel met een kuif")
    outage.hang()
    response, first = timed(lambda: client.get(f"/zoeken/?q={WORD}"))
    assert response.status_code == 200 and response.context["result"].backend == "database"
    assert "Kievit in de wei" in response.content.decode()
    assert first < engine.timeout + 2
    response, second = timed(lambda: client.get(f"/zoeken/?q={WORD}"))
    assert response.context["result"].backend == "database" and second < 1.5
    grutto, seconds = timed(lambda: publish("Grutto in de wei", "grutto", "Een weidevogel"))
    assert seconds < 1.5
    assert PendingIndexUpdate.objects.filter(key=page_key(grutto.pk), action="index").exists()

    (response, health, _), seconds = timed(lambda: healthz(client))
    assert seconds < 3
    assert response.status_code == 200
    assert health["status"] == "degraded" and health["search"]["status"] == "degraded"
    assert health["search"]["answering"] == "database"

    # Back. Had the real node itself been seen down, searches would skip it for a while;
    # a health probe that finds it answering ends that at once.
    outage.restore()
    known_down.note_failure(service.get_backend(), ConnectionError("seen down"))
    assert client.get(f"/zoeken/?q={WORD}").context["result"].backend == "database"
    response, health, _ = healthz(client)
    assert health["search"]["status"] == "ok"
    assert client.get(f"/zoeken/?q={WORD}").context["result"].backend == engine.name
    # The catch-up brings the publish it missed into the engine.
    call_command("search_index", "update")
    assert engine_titles(engine) == ["Grutto in de wei", "Kievit in de wei"]
    assert client.get(f"/zoeken/?q={WORD}").context["result"].backend == engine.name
