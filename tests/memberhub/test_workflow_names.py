"""The moderation workflow and its task read in the reader's language: Dutch members see
"Stuur door naar Redactie", English ones "Submit to Editors"; nothing of the other
language shows, and saving the workflow in English keeps it the same workflow."""

import pytest
from wagtail.models import Task, Workflow

from memberhub import services
from memberhub.models import NewsPage
from memberhub.profiles import set_preferred_language
from tests.memberhub.helpers import news_form

pytestmark = pytest.mark.django_db

ADD = "/admin/pages/add/memberhub/newspage/{}/"


@pytest.mark.parametrize("language, shown, absent", [
    ("nl", ["Stuur door naar Redactie", "Goedkeuring door de redactie"],
     ["Submit to Editors", "Approval by the editors", "Member contribution"]),
    ("en", ["Submit to Editors", "Approval by the editors"],
     ["Redactie", "Goedkeuring door de redactie", "Member contribution"]),
])
def test_members_read_the_workflow_and_task_in_their_language(client, hub, member_a, language,
                                                              shown, absent):
    set_preferred_language(member_a, language)
    client.force_login(member_a)
    add = client.get(ADD.format(hub["page_a"].pk)).content.decode()
    assert shown[0] in add and all(text not in add for text in absent), language
    client.post(ADD.format(hub["page_a"].pk), news_form("Bron", **{"action-submit": "1"}))
    page = NewsPage.objects.get(title="Bron")
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert shown[1] in edit
    assert all(text not in edit for text in absent), [t for t in absent if t in edit]


def test_the_names_are_stored_once_in_dutch_whatever_language_saves_them(hub):
    from django.utils import translation

    workflow = Workflow.objects.get(name=services.WORKFLOW_NAME)
    assert Workflow.objects.filter(name="Redactie").get() == workflow
    with translation.override("en"):
        assert str(workflow.name) == "Editors" and f"{workflow.name}" == "Editors"
        assert "%s" % workflow == "Editors" and str(workflow) == "Editors"  # noqa: UP031
        workflow.save()  # e.g. the workflow edited in the English admin
        services.ensure_member_workflow()
    # Still the one workflow and task, under their Dutch names (beside Wagtail's own
    # default workflow, when the database has it).
    names = set(Workflow.objects.values_list("name", flat=True))
    assert "Redactie" in names and "Editors" not in names
    assert Workflow.objects.filter(name="Redactie").count() == 1
    tasks = list(Task.objects.values_list("name", flat=True))
    assert tasks.count("Goedkeuring door de redactie") == 1
    assert "Approval by the editors" not in tasks
