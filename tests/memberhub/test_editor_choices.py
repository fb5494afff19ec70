"""What a member sees and picks in the Wagtail editor of a contribution: each learning
line once, in the language of the item; and a theme picked from the tag autocomplete
survives moderation onto the published item."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale, WorkflowState

from memberhub.models import NewsPage
from portal.models import ThemeTag
from tests.memberhub.factories import add_news
from tests.memberhub.helpers import news_form


@pytest.fixture
def lines(hub):
    """The learning line in Dutch and its English translation."""
    from tests.learninglines.factories import make_line

    dutch = make_line(hub, title="Lokaal eigenaarschap")
    english_locale, _ = Locale.objects.get_or_create(language_code="en")
    english = dutch.copy_for_translation(english_locale, copy_parents=True)
    english.title = "Local ownership"
    english.save_revision().publish()
    return dutch, english.specific


def learning_line_options(html):
    return re.findall(r'name="learning_lines" value="(\d+)"', html)


@pytest.mark.django_db
def test_each_learning_line_once_in_the_language_of_the_item(client, hub, member_a, lines):
    dutch, english = lines
    client.force_login(member_a)
    add = client.get(f"/admin/pages/add/memberhub/newspage/{hub['page_a'].pk}/").content.decode()
    assert learning_line_options(add) == [str(dutch.pk)]

    draft = add_news(hub["page_a"], "Concept", publish=False, user=member_a, owner=member_a)
    edit = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert learning_line_options(edit) == [str(dutch.pk)]
    assert "Lokaal eigenaarschap" in edit and "Local ownership" not in edit


@pytest.mark.django_db
def test_a_line_of_the_other_language_already_chosen_stays_and_says_its_language(
        client, hub, member_a, lines):
    dutch, english = lines
    draft = add_news(hub["page_a"], "Concept", publish=False, user=member_a, owner=member_a)
    draft.learning_lines.set([english])
    draft.save_revision(user=member_a)
    client.force_login(member_a)
    edit = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert sorted(learning_line_options(edit)) == sorted([str(dutch.pk), str(english.pk)])
    assert "Local ownership (English)" in edit


@pytest.mark.django_db
def test_a_theme_from_the_autocomplete_is_on_the_published_item(client, hub, member_a, editor):
    ThemeTag.objects.create(name="Klimaat en milieu", slug="klimaat-en-milieu")
    ThemeTag.objects.create(name="Gender", slug="gender")
    client.force_login(member_a)
    suggestions = client.get(reverse("wagtailadmin_tag_model_autocomplete",
                                     args=["portal", "themetag"]), {"term": "klim"}).json()
    assert suggestions == ["Klimaat en milieu"]
    # Wagtail's tag widget sends the tags comma-separated, multi-word ones quoted: one
    # picked from the suggestions, one as the member typed it (the suggestions ignore case).
    themes = f'"{suggestions[0]}",gender'
    response = client.post(f"/admin/pages/add/memberhub/newspage/{hub['page_a'].pk}/",
                           news_form("Klimaatnieuws", themes=themes, **{"action-submit": "1"}))
    assert response.status_code == 302
    page = NewsPage.objects.get(title="Klimaatnieuws")
    state = WorkflowState.objects.active().for_instance(page).get()

    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:workflow_action",
                        args=[page.pk, "approve", state.current_task_state.pk]), {"comment": ""})
    page = NewsPage.objects.get(pk=page.pk)
    assert page.live
    assert sorted(theme.name for theme in page.themes.all()) == ["Gender", "Klimaat en milieu"]
    client.logout()
    assert "Klimaat en milieu" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_an_unknown_theme_is_refused_with_a_message_and_nothing_is_saved(client, hub,
                                                                          member_a):
    ThemeTag.objects.create(name="Gender", slug="gender")
    client.force_login(member_a)
    response = client.post(f"/admin/pages/add/memberhub/newspage/{hub['page_a'].pk}/",
                           news_form("Met verzonnen thema", themes='Gender,"Bestaat niet"',
                                     **{"action-submit": "1"}))
    assert response.status_code == 200
    assert "Bestaat niet" in response.content.decode()
    assert "Kies thema’s uit de lijst" in response.content.decode()
    assert not NewsPage.objects.filter(title="Met verzonnen thema").exists()
