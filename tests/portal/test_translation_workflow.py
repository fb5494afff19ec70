"""The editors' translation workflow (wagtail-localize, docs/translation.md), through the
admin: an editor translates a Dutch session into English segment by segment and
publishes it; the Dutch session changes; the editor sees the English page listed as
behind its source, syncs, sees what is waiting for translation, translates it and
publishes, and the English session's date and capacity
follow the Dutch one. A member (contributor of member publications) cannot translate."""

import datetime

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from portal.site_structure import ensure_translation, publish_page
from tests.learninglines.factories import make_line, make_session
from tests.memberhub.conftest import hub, member_a  # noqa: F401
from tests.memberhub.factories import add_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(site_structure):
    line = make_line(site_structure, title="Digital Readiness")
    ensure_translation(line, Locale.objects.get(language_code="en"),
                       {"title": "Digital Readiness", "summary": "About this line."})
    return make_session(line, title="Cyberveiligheid voor kleine organisaties",
                        summary="Phishing en back-ups zonder IT-afdeling.", capacity=20)


def put_segment(client, translation, text, value):
    """What the translation editor sends when an editor saves one segment."""
    segment = StringSegment.objects.get(source=translation.source, string__data=text)
    url = (f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/")
    return client.put(url, data=encode_multipart(BOUNDARY, {"value": value}),
                      content_type=MULTIPART_CONTENT)


def test_editor_translates_syncs_and_publishes(client, editor, session,
                                               django_capture_on_commit_callbacks):
    english = Locale.objects.get(language_code="en")
    client.force_login(editor)

    # The Dutch session's page header offers "Translate this page".
    edit = client.get(f"/admin/pages/{session.pk}/edit/").content.decode()
    assert f"/admin/localize/submit/page/{session.pk}/" in edit
    with django_capture_on_commit_callbacks(execute=True):  # what a real request commits
        response = client.post(f"/admin/localize/submit/page/{session.pk}/",
                               {"locales": [english.pk]})
    assert response.status_code == 302
    target = session.get_translation(english).specific
    assert response["Location"] == f"/admin/pages/{target.pk}/edit/"
    # A draft until translated: the English site never shows Dutch text as English.
    assert not target.live and target.capacity == 20

    # The translation editor, segment by segment.
    translation = Translation.objects.get(source__object_id=session.translation_key,
                                          target_locale=english)
    page = client.get(f"/admin/pages/{target.pk}/edit/")
    assert page.status_code == 200 and "Phishing en back-ups" in page.content.decode()
    assert put_segment(client, translation, "Cyberveiligheid voor kleine organisaties",
                       "Cybersecurity for small NGOs").status_code == 201
    assert put_segment(client, translation, "Phishing en back-ups zonder IT-afdeling.",
                       "Phishing and back-ups without an IT department.").status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    target.refresh_from_db()
    assert target.live and target.title == "Cybersecurity for small NGOs"
    client.logout()
    shown = client.get(target.url).content.decode()
    assert "Phishing and back-ups without an IT department." in shown
    assert "Phishing en back-ups" not in shown

    # The Dutch session changes: another date, more places, a new summary.
    later = session.start + datetime.timedelta(days=7)
    session.start, session.end, session.capacity = later, later + datetime.timedelta(hours=2), 35
    session.summary = "Phishing, back-ups en wachtwoorden zonder IT-afdeling."
    publish_page(session)

    # The editor sees the English page is behind ("Translations to sync") ...
    client.force_login(editor)
    update_url = f"/admin/localize/update/{translation.source.pk}/"
    to_sync = client.get("/admin/reports/translations-to-sync/").content.decode()
    assert "Cyberveiligheid voor kleine organisaties" in to_sync and update_url in to_sync
    explorer = client.get(f"/admin/pages/{session.get_parent().pk}/").content.decode()
    assert update_url in explorer  # "Sync translated pages"
    # ... syncs it from the Dutch one (without publishing yet) ...
    assert client.get(update_url).status_code == 200
    response = client.post(update_url, {})
    assert response.status_code == 302
    assert update_url not in client.get("/admin/reports/translations-to-sync/").content.decode()
    # ... sees it waiting for translation, with the new Dutch text in the editor ...
    report = client.get("/admin/localize/reports/translations/",
                        {"waiting_for_translation": "true"}).content.decode()
    assert "Cyberveiligheid voor kleine organisaties (Nederlands)" in report
    assert "Phishing, back-ups en wachtwoorden" in client.get(
        f"/admin/pages/{target.pk}/edit/").content.decode()
    # ... translates the new segment and publishes.
    assert put_segment(client, translation,
                       "Phishing, back-ups en wachtwoorden zonder IT-afdeling.",
                       "Phishing, back-ups and passwords without an IT department."
                       ).status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    target.refresh_from_db()
    assert target.summary == "Phishing, back-ups and passwords without an IT department."
    assert (target.start, target.end, target.capacity) == (session.start, session.end, 35)
    assert target.title == "Cybersecurity for small NGOs"  # the earlier translation stays
    report = client.get("/admin/localize/reports/translations/",
                        {"waiting_for_translation": "true"}).content.decode()
    assert "Cyberveiligheid voor kleine organisaties (Nederlands)" not in report


def test_sync_with_publish_keeps_synchronised_fields_in_step(client, editor, session,
                                                            django_capture_on_commit_callbacks):
    english = Locale.objects.get(language_code="en")
    target = ensure_translation(session, english, {"title": "Cybersecurity for small NGOs"})
    source = Translation.objects.get(source__object_id=session.translation_key).source
    session.capacity = 50
    session.location = "Amsterdam"
    publish_page(session)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    target.refresh_from_db()
    assert (target.capacity, target.location, target.title) == (
        50, "Amsterdam", "Cybersecurity for small NGOs")


def test_a_member_cannot_translate_or_sync(client, member_a, hub, session):  # noqa: F811
    """A contributor edits their organisation's news in the admin, but has no translation
    rights: no "Translate this page", and the translation views refuse them."""
    from wagtail_localize.models import TranslationSource

    english = Locale.objects.get(language_code="en")
    news = add_news(hub["page_a"], "Ons nieuws", publish=False, user=member_a, owner=member_a)
    ensure_translation(session, english, {"title": "Cybersecurity for small NGOs"})
    source = TranslationSource.objects.get(object_id=session.translation_key)
    client.force_login(member_a)
    edit = client.get(f"/admin/pages/{news.pk}/edit/")
    assert edit.status_code == 200
    assert "/admin/localize/submit/" not in edit.content.decode()
    assert client.get("/admin/reports/translations-to-sync/").status_code in (302, 403)
    for url in (f"/admin/localize/submit/page/{news.pk}/",
                f"/admin/localize/submit/page/{session.pk}/",
                f"/admin/localize/update/{source.pk}/"):
        response = client.post(url, {"locales": [english.pk], "publish_translations": "on"})
        # Wagtail's answer to a missing permission: back to the dashboard, or 403.
        assert response.status_code == 403 or (
            response.status_code == 302 and response["Location"] == "/admin/"), url
    assert news.get_translation_or_none(english) is None
    assert Translation.objects.filter(source=source).count() == 1
