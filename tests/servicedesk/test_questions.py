"""The shared services desk (issue 18, item 4): a member asks for their own organisation,
staff answer in the admin, the member follows it on /mijn/ and gets an e-mail at each
step; questions and attachments are private to the organisation and the staff."""

from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.models import QueuedEmail
from servicedesk.models import Question
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
ASK = "/en/mijn/vragen/"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf(name="contract.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def form(org, **overrides):
    data = {"organisation": str(org.pk), "category": "legal",
            "subject": "Arbeidscontract partner", "text": "Mag dit zo?"}
    data.update(overrides)
    return data


def stored_attachments():
    folder = Path(settings.MEDIA_ROOT) / "servicedesk"
    return set(folder.iterdir()) if folder.exists() else set()


@pytest.fixture
def question(client, member, organisation):
    client.force_login(member)
    response = client.post(ASK, {**form(organisation), "attachment": pdf()})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return Question.objects.get()


def test_a_member_asks_for_their_organisation_and_follows_it(client, member, organisation):
    client.force_login(member)
    page = client.get(ASK)
    assert page.status_code == 200 and "Stichting Alfa" in page.content.decode()
    response = client.post(ASK, {**form(organisation), "attachment": pdf()})
    question = Question.objects.get()
    assert response["Location"] == f"/en/mijn/vragen/{question.pk}/"
    assert (question.organisation, question.asked_by, question.category) == \
        (organisation, member, "legal")
    assert question.status == Question.Status.RECEIVED and question.attachment_name == \
        "contract.pdf"
    assert question.attachment.name.startswith("servicedesk/")
    assert "contract" not in question.attachment.name  # a random name, not the upload's
    [email] = QueuedEmail.objects.filter(category="servicedesk")
    assert email.to == member.email and f"/mijn/vragen/{question.pk}/" in email.body_text
    assert email.body_html.strip()
    mijn = client.get("/en/mijn/").content.decode()
    assert "Arbeidscontract partner" in mijn and "Received" in mijn


def test_staff_take_on_and_answer_in_the_admin_and_the_member_hears_of_each_step(
        client, question, editor, member):
    edit = reverse("servicedesk_questions:edit", args=[question.pk])
    client.force_login(editor)
    page = client.get(edit)
    assert page.status_code == 200
    assert "Mag dit zo?" in page.content.decode()
    assert reverse("servicedesk:attachment", args=[question.pk]) in page.content.decode()
    assert client.post(edit, {"status": "in_progress", "answer": ""}).status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.IN_PROGRESS and question.handled_by == editor
    # Marking it answered without an answer is refused, nothing changes.
    refused = client.post(edit, {"status": "answered", "answer": "  "})
    assert refused.status_code == 200
    question.refresh_from_db()
    assert question.status == Question.Status.IN_PROGRESS and question.answered_at is None
    client.post(edit, {"status": "in_progress", "answer": "Ja, met een proeftijd."})
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED and question.answered_at is not None
    assert question.working_days_to_answer == 0
    steps = [email.dedupe_key.rsplit("-", 1)[-1] if "-" in email.dedupe_key else ""
             for email in QueuedEmail.objects.filter(category="servicedesk").order_by("pk")]
    assert steps == ["received", "in_progress", "answered"]
    assert all(email.to == member.email
               for email in QueuedEmail.objects.filter(category="servicedesk"))
    client.force_login(member)
    detail = client.get(f"/en/mijn/vragen/{question.pk}/").content.decode()
    assert "Ja, met een proeftijd." in detail and "Answered" in detail


def test_a_member_cannot_answer_or_open_the_admin_viewset(client, question, member):
    client.force_login(member)
    edit = reverse("servicedesk_questions:edit", args=[question.pk])
    response = client.post(edit, {"status": "answered", "answer": "Zelf beantwoord"})
    assert response.status_code in (302, 403)
    question.refresh_from_db()
    assert question.answer == "" and question.status == Question.Status.RECEIVED
    assert client.get(reverse("servicedesk_questions:index")).status_code in (302, 403)


# --- Bad input: a clear message, nothing half-saved, never a 500 ----------------------


def assert_nothing_saved(before_files):
    assert not Question.objects.exists()
    assert not QueuedEmail.objects.filter(category="servicedesk").exists()
    assert stored_attachments() == before_files


def test_a_question_for_another_organisation_is_refused(
        client, member, other_organisation):
    client.force_login(member)
    before = stored_attachments()
    response = client.post(ASK, {**form(other_organisation), "attachment": pdf()})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert_nothing_saved(before)


@pytest.mark.parametrize("tampered", ["abc", "999999", "", "1; DROP TABLE", "-1"])
def test_tampered_organisation_ids_are_refused(client, member, organisation, tampered):
    client.force_login(member)
    before = stored_attachments()
    response = client.post(ASK, {**form(organisation, organisation=tampered),
                                 "attachment": pdf()})
    assert response.status_code == 400
    assert 'id="id_organisation_error"' in response.content.decode()
    assert_nothing_saved(before)


def test_an_oversized_attachment_is_refused(client, member, organisation):
    client.force_login(member)
    before = stored_attachments()
    with mock.patch("portal.uploads.MAX_DOCUMENT_SIZE", 1024 * 1024):
        big = pdf(content=PDF + b"0" * (1024 * 1024 + 1))
        response = client.post(ASK, {**form(organisation), "attachment": big})
    assert response.status_code == 400
    body = response.content.decode()
    assert "too large" in body and 'aria-describedby="id_attachment_error' in body
    assert "Mag dit zo?" in body  # what was typed is kept
    assert_nothing_saved(before)


def test_a_disguised_attachment_is_refused(client, member, organisation):
    client.force_login(member)
    before = stored_attachments()
    html = pdf("scan.pdf", b"<html><script>alert(1)</script></html>")
    response = client.post(ASK, {**form(organisation), "attachment": html})
    assert response.status_code == 400
    assert_nothing_saved(before)


@pytest.mark.parametrize("field, value", [("category", "tax"), ("subject", ""),
                                          ("text", "x" * 5001)])
def test_bad_fields_are_refused(client, member, organisation, field, value):
    client.force_login(member)
    before = stored_attachments()
    response = client.post(ASK, form(organisation, **{field: value}))
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert_nothing_saved(before)


def test_someone_without_an_organisation_cannot_ask(client, outsider):
    client.force_login(outsider)
    assert client.get(ASK).status_code == 403
    assert client.post(ASK, {"organisation": "1", "category": "hr", "subject": "x",
                             "text": "y"}).status_code == 403
    assert not Question.objects.exists()


def test_an_inactive_organisation_cannot_ask(client, member, organisation):
    organisation.active = False
    organisation.save()
    client.force_login(member)
    assert client.post(ASK, form(organisation)).status_code == 403
    assert not Question.objects.exists()


# --- Private to the organisation and the staff ------------------------------------------


def test_a_question_and_its_attachment_reach_only_the_organisation_and_staff(
        client, question, other_organisation, outsider, editor):
    detail = f"/mijn/vragen/{question.pk}/"
    attachment = f"/mijn/vragen/{question.pk}/bijlage/"
    colleague = MembershipFactory(organisation=question.organisation).user
    stranger = MembershipFactory(organisation=other_organisation).user

    for user in (colleague, editor):
        client.force_login(user)
        assert client.get(detail).status_code == 200
        response = client.get(attachment)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert "private" in response["Cache-Control"]
        assert response["Content-Disposition"].startswith("attachment")

    for user in (stranger, outsider):
        client.force_login(user)
        for url in (detail, f"/en{detail}", attachment):
            assert client.get(url).status_code == 404, (user, url)
        assert "Arbeidscontract" not in client.get("/mijn/").content.decode()

    client.logout()
    for url in (detail, attachment):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    # The stored file is under no public URL: only the renditions folder is served.
    assert client.get(f"/media/{question.attachment.name}").status_code == 404
    assert client.get(reverse("servicedesk_questions:edit",
                              args=[question.pk])).status_code == 302


def test_a_visitor_cannot_ask(client):
    response = client.get(ASK)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.post(ASK, {}).status_code == 302
    assert not Question.objects.exists()


def test_erasing_an_account_keeps_the_question_for_the_organisation(question, member):
    from portal.privacy import delete_account, export_personal_data

    exported = export_personal_data(member)
    assert any(section.get("service_questions") for section in
               (exported.values() if isinstance(exported, dict) else []) if
               isinstance(section, dict)) or "Arbeidscontract" in str(exported)
    delete_account(member)
    question.refresh_from_db()
    assert question.asked_by is None and question.subject == "Arbeidscontract partner"


def test_two_users_are_independent(client, organisation):
    """A member who belongs to two organisations chooses; both are offered, no other."""
    from tests.factories import OrganisationFactory

    user = UserFactory()
    second = OrganisationFactory(name="Stichting Gamma")
    MembershipFactory(user=user, organisation=organisation)
    MembershipFactory(user=user, organisation=second)
    client.force_login(user)
    page = client.get(ASK).content.decode()
    assert "Stichting Alfa" in page and "Stichting Gamma" in page
    assert "Stichting Beta" not in page
    client.post(ASK, form(second))
    assert Question.objects.get().organisation == second


def test_the_desk_speaks_dutch_on_the_dutch_site(client, question, member):
    client.force_login(member)
    form_page = client.get("/mijn/vragen/").content.decode()
    for dutch in ("Vraag het de gedeelde servicedesk", "Onderwerpgebied", "Juridisch",
                  "Bijlage (niet verplicht)", "Vraag versturen"):
        assert dutch in form_page
    for english in ("Subject area", "Legal", "Send question", "Your question"):
        assert english not in form_page
    detail = client.get(f"/mijn/vragen/{question.pk}/").content.decode()
    assert "Ontvangen" in detail and "Nog niet beantwoord" in detail
    assert "Received" not in detail
    [email] = QueuedEmail.objects.filter(category="servicedesk")
    assert email.subject.startswith("Vraag ontvangen")
    assert 'lang="nl"' in email.body_html and "Volg je vraag op Mijn portaal" in email.body_html


def test_each_email_of_the_desk_is_in_the_language_the_person_chose(
        client, member, editor, organisation):
    """Every step's e-mail (received, in progress, answered, answer changed) in the asker's
    own language, with the link to the page in that language; the interface language of
    the request that caused it does not matter."""
    member.preferred_language = "en"
    member.save(update_fields=["preferred_language"])
    client.force_login(member)
    assert client.post("/mijn/vragen/", form(organisation)).status_code == 302  # Dutch site
    question = Question.objects.get()
    edit = reverse("servicedesk_questions:edit", args=[question.pk])
    client.force_login(editor)
    client.post(edit, {"status": "in_progress", "answer": ""})
    client.post(edit, {"status": "in_progress", "answer": "Ja, met een proeftijd."})
    client.post(edit, {"status": "answered", "answer": "Ja, met een proeftijd van een maand."})
    emails = list(QueuedEmail.objects.filter(category="servicedesk").order_by("pk"))
    assert [email.subject.split(":")[0] for email in emails] == [
        "Question received", "Your question is being handled", "Your question has been answered",
        "The answer to your question has been updated"]
    for email in emails:
        assert f"/en/mijn/vragen/{question.pk}/" in email.body_text
        assert 'lang="en"' in email.body_html and 'lang="nl"' not in email.body_html
        for dutch in ("Vraag", "je vraag", "Mijn portaal"):
            assert dutch not in email.body_text
