"""SQLite under concurrent use: a member's autosave and an editor's moderation action at
the same moment both succeed ("database is locked" was reported twice in three tries).

The test database of the suite lives in memory, where SQLite locks differently; so the
race runs against a file copy of it, opened with the project's own database settings
(``ledenportaal.settings.base``): each thread connects to the file exactly as a server process
would. Whichever action comes first is held inside its write transaction while the other
arrives, so the two always overlap.
"""

import sqlite3
import threading

import pytest
from django.db import connection, connections
from django.db.models.signals import post_save
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from memberhub.models import NewsPage
from tests.memberhub.factories import add_news
from tests.memberhub.helpers import news_form

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite locking only"),
    pytest.mark.django_db(transaction=True),
]

HOLD_SECONDS = 1.0


def copy_database_to_file(path):
    """The current test database, committed, copied into a file; returns the settings a
    server would open it with (the project's OPTIONS, another NAME)."""
    connection.ensure_connection()
    target = sqlite3.connect(path)
    with target:
        connection.connection.backup(target)
    target.close()
    return {**connection.settings_dict, "NAME": str(path),
            "OPTIONS": dict(connection.settings_dict["OPTIONS"])}


def in_thread_on(settings_dict, call, results, key):
    wrapper_class = type(connections["default"])

    def run():
        connections["default"] = wrapper_class(settings_dict, "default")
        try:
            results[key] = call()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test checks
            results[key] = error
        finally:
            connections["default"].close()

    return threading.Thread(target=run)


@pytest.fixture
def submitted_and_editing(client, hub, member_a, editor):
    """A's item X awaits moderation; A is writing item Y in the admin (autosave on)."""
    client.force_login(member_a)
    response = client.post(f"/admin/pages/add/memberhub/newspage/{hub['page_a'].pk}/",
                           news_form("Ter moderatie", **{"action-submit": "1"}))
    assert response.status_code == 302
    submitted = NewsPage.objects.get(title="Ter moderatie")
    draft = add_news(hub["page_a"], "Wordt bewerkt", publish=False, user=member_a,
                     owner=member_a)
    task_state = WorkflowState.objects.active().for_instance(submitted).get().current_task_state
    return submitted, draft, task_state


def approve(client, submitted, task_state):
    """The editor's "Approve" in the moderation dialog (dashboard or editor)."""
    return client.post(reverse("wagtailadmin_pages:workflow_action",
                               args=[submitted.pk, "approve", task_state.pk]), {"comment": ""})


def publish(client, submitted, task_state):
    """The editor publishes the submission straight from the editor."""
    return client.post(f"/admin/pages/{submitted.pk}/edit/",
                       news_form("Ter moderatie", **{"action-publish": "1"}))


def withdraw(client, submitted, task_state):
    """The editor takes the submission back ("Intrekken" on /mijn/): offline, out of
    moderation. Its transaction reads before it writes."""
    return client.post(reverse("memberhub:withdraw", args=[submitted.pk]))


approve.goes_live = publish.goes_live = True
withdraw.goes_live = False


@pytest.mark.parametrize("first, moderation", [
    ("autosave", approve), ("moderation", approve), ("autosave", publish),
    ("autosave", withdraw),
], ids=["autosave-then-approve", "approve-then-autosave", "autosave-then-publish",
        "autosave-then-withdraw"])
def test_autosave_racing_a_moderation_action_both_succeed(
        tmp_path, submitted_and_editing, member_a, editor, first, moderation):
    """``first`` writes and holds its transaction open; the other arrives meanwhile."""
    submitted, draft, task_state = submitted_and_editing
    member_client, editor_client = Client(), Client()
    member_client.force_login(member_a)
    editor_client.force_login(editor)
    file_settings = copy_database_to_file(tmp_path / "portal.sqlite3")

    first_holds_lock = threading.Event()
    first_thread = {}

    def hold_write_lock(sender, **kwargs):
        # Inside the first action's transaction, just after its first write.
        if first_thread.get("id") == threading.get_ident() and not first_holds_lock.is_set():
            first_holds_lock.set()
            threading.Event().wait(HOLD_SECONDS)

    def start(name):
        if name == first:
            first_thread["id"] = threading.get_ident()
        else:
            assert first_holds_lock.wait(10), f"{first} never wrote"

    def autosave():
        start("autosave")
        # What Wagtail's autosave controller sends: the whole form, asking for JSON.
        return member_client.post(f"/admin/pages/{draft.pk}/edit/",
                                  news_form("Wordt bewerkt, autosave"),
                                  headers={"accept": "application/json"})

    def moderate():
        start("moderation")
        return moderation(editor_client, submitted, task_state)

    results = {}
    post_save.connect(hold_write_lock, weak=False)
    try:
        threads = [in_thread_on(file_settings, autosave, results, "autosave"),
                   in_thread_on(file_settings, moderate, results, "moderation")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        post_save.disconnect(hold_write_lock)

    for key in ("autosave", "moderation"):
        assert not isinstance(results.get(key), Exception), f"{key}: {results.get(key)!r}"
    assert results["autosave"].status_code == 200, results["autosave"].content[:500]
    assert results["autosave"].json()["success"] is True
    assert results["moderation"].status_code == 302

    def stored():
        page = NewsPage.objects.get(pk=submitted.pk)
        return (page.live, WorkflowState.objects.active().for_instance(page).exists(),
                NewsPage.objects.get(pk=draft.pk).get_latest_revision_as_object().title)

    check = {}
    thread = in_thread_on(file_settings, stored, check, "state")
    thread.start()
    thread.join(30)
    assert check["state"] == (moderation.goes_live, False, "Wordt bewerkt, autosave")


def test_sqlite_runs_in_wal_mode_with_immediate_writes(tmp_path, db):
    file_settings = copy_database_to_file(tmp_path / "portal.sqlite3")

    def journal_mode():
        with connections["default"].cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            mode = cursor.fetchone()[0]
            cursor.execute("PRAGMA busy_timeout")
            return mode, cursor.fetchone()[0], connections["default"].transaction_mode

    result = {}
    thread = in_thread_on(file_settings, journal_mode, result, "mode")
    thread.start()
    thread.join(30)
    mode, busy_timeout_ms, transaction_mode = result["mode"]
    assert mode == "wal"
    assert busy_timeout_ms >= 5000
    assert transaction_mode == "IMMEDIATE"
