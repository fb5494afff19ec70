"""The Wagtail admin as members and editors use it: the moderation queue first on an
editor's dashboard with organisation and content type, members back on /mijn/ after
submitting, Dutch workflow names, and no restart/cancel workflow for members."""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Task, Workflow, WorkflowState

from memberhub.models import NewsPage
from tests.memberhub.factories import add_news
from tests.memberhub.helpers import denied, news_form

ADD = "/admin/pages/add/memberhub/newspage/{}/"


def submit_new(client, hub, title):
    return client.post(ADD.format(hub["page_a"].pk), news_form(title, **{"action-submit": "1"}))


@pytest.mark.django_db
def test_editor_dashboard_shows_the_moderation_queue_first_with_organisation_and_type(
        client, hub, member_a, editor):
    client.force_login(member_a)
    submit_new(client, hub, "Waterpunt geopend")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    queue = html.index("awaiting-review")
    assert queue < html.index('id="impact-target-heading"')
    assert queue < html.index('id="mailing-target-heading"')
    row = html[html.index("Waterpunt geopend", queue):]
    row = row[:row.index("</tr>")]
    assert 'class="moderation-organisation">Stichting Alfa<' in row
    assert 'class="moderation-content-type">Nieuwsbericht<' in row


@pytest.mark.django_db
def test_a_member_returns_to_mijn_after_submitting_an_editor_stays(client, hub, member_a,
                                                                  editor):
    client.force_login(member_a)
    response = submit_new(client, hub, "Van het lid")
    assert response.status_code == 302 and response["Location"] == "/mijn/"
    page = NewsPage.objects.get(title="Van het lid")
    assert WorkflowState.objects.active().for_instance(page).exists()
    mijn = client.get("/mijn/").content.decode()
    assert "Van het lid" in mijn

    draft = add_news(hub["page_a"], "Concept", publish=False, user=member_a, owner=member_a)
    # Saving a draft keeps the member in the editor; submitting it brings them back.
    saved = client.post(f"/admin/pages/{draft.pk}/edit/", news_form("Concept, verder"))
    assert saved["Location"].startswith(f"/admin/pages/{draft.pk}/edit/")
    submitted = client.post(f"/admin/pages/{draft.pk}/edit/",
                            news_form("Concept, verder", **{"action-submit": "1"}))
    assert submitted["Location"] == "/mijn/"

    client.force_login(editor)
    by_editor = submit_new(client, hub, "Van de redactie")
    assert by_editor.status_code == 302 and not by_editor["Location"].startswith("/mijn/")


@pytest.mark.django_db
def test_members_have_a_link_back_to_mijn_in_the_admin(client, hub, member_a, editor):
    client.force_login(member_a)
    html = client.get(ADD.format(hub["page_a"].pk)).content.decode()
    assert "Terug naar Mijn portaal" in html and '"/mijn/"' in html
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Terug naar Mijn portaal" not in dashboard


@pytest.mark.django_db
def test_members_read_dutch_workflow_names_and_cannot_restart_or_cancel(client, hub,
                                                                       member_a):
    client.force_login(member_a)
    add = client.get(ADD.format(hub["page_a"].pk)).content.decode()
    assert "Stuur door naar Redactie" in add and "Member contribution" not in add

    submit_new(client, hub, "In moderatie")
    page = NewsPage.objects.get(title="In moderatie")
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Approval by editors" not in edit and "Member contribution" not in edit
    assert "action-restart-workflow" not in edit and "action-cancel-workflow" not in edit

    for action in ("action-cancel-workflow", "action-restart-workflow"):
        response = client.post(f"/admin/pages/{page.pk}/edit/",
                               news_form("In moderatie", **{action: "1"}))
        assert denied(response)
        state = WorkflowState.objects.active().for_instance(page).get()
        assert state.current_task_state.task.name == "Goedkeuring door de redactie"


@pytest.mark.django_db
def test_the_data_migration_renames_an_existing_workflow_and_task(db):
    import importlib

    migration = importlib.import_module("memberhub.migrations.0004_dutch_workflow_names")
    Workflow.objects.all().delete()
    workflow = Workflow.objects.create(name="Member contribution")
    task = Task.objects.create(name="Approval by editors")
    migration.rename(apps, None)
    workflow.refresh_from_db()
    task.refresh_from_db()
    assert (workflow.name, task.name) == ("Redactie", "Goedkeuring door de redactie")
