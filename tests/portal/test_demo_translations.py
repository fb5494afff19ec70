"""The demo in both languages (issue 15, item 6): the section pages, the three learning
lines, every 2026 session and at least half of the knowledge items exist in English as
wagtail-localize translations (an editor opens them in the translation editor and can sync
them), with English texts of their own and their dates and capacity those of the Dutch
page."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from knowledge.models import KnowledgeItemPage
from learninglines.models import LearningLinePage, SessionPage
from memberhub.models import User

pytestmark = pytest.mark.django_db


def translation_of(page, english):
    """The English page and its wagtail-localize Translation record."""
    target = page.get_translation_or_none(english)
    assert target is not None and target.live, page.url_path
    record = Translation.objects.get(source__object_id=page.translation_key,
                                     source__locale=page.locale, target_locale=english)
    assert record.enabled
    total, translated = record.get_progress()
    assert total and translated == total, (page.url_path, total, translated)
    return target.specific


def test_demo_pages_are_real_translations(demo):
    english = Locale.objects.get(language_code="en")
    dutch = Locale.objects.get(language_code="nl")
    home = Page.objects.get(depth=2, locale=dutch)
    for section in home.get_children().live():
        target = translation_of(section, english)
        assert target.title != section.title or section.title == "Agenda"
    lines = LearningLinePage.objects.filter(locale=dutch)
    assert lines.count() == 3
    for line in lines:
        target = translation_of(line, english)
        assert target.summary != line.summary
    sessions = SessionPage.objects.filter(locale=dutch, start__year=2026)
    assert sessions.count() >= 10
    for session in sessions:
        target = translation_of(session, english)
        assert target.summary != session.summary and not target.summary.startswith("[EN]")
        assert (target.start, target.end, target.capacity, target.location) == (
            session.start, session.end, session.capacity, session.location)
        assert set(target.hosts.all()) == set(session.hosts.all())
    items = KnowledgeItemPage.objects.filter(locale=dutch)
    translated = [item for item in items if item.get_translation_or_none(english)]
    assert len(translated) * 2 >= items.count()
    for item in translated:
        target = translation_of(item, english)
        assert target.summary != item.summary
        assert target.publication_date == item.publication_date
        assert [a.document_id for a in target.attachments.all()] == \
            [a.document_id for a in item.attachments.all()]


def test_editor_opens_demo_translations_in_the_translation_editor(client, demo):
    english = Locale.objects.get(language_code="en")
    editor = User.objects.get(email="redacteur@example.org")
    client.force_login(editor)
    for model in (LearningLinePage, SessionPage, KnowledgeItemPage):
        dutch = model.objects.filter(locale__language_code="nl").first()
        target = dutch.get_translation(english)
        response = client.get(f"/admin/pages/{target.pk}/edit/")
        assert response.status_code == 200
        html = response.content.decode()
        # wagtail-localize's editor (not the plain page editor) with the Dutch segments.
        assert "wagtail-localize" in html
        segment = StringSegment.objects.filter(
            source__object_id=dutch.translation_key, context__path="summary").get()
        assert segment.string.data[:20] in html
