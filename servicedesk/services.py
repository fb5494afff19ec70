"""Actions at the shared services desk. Each step e-mails the member who asked, in
their language, through the outbox (portal.mail)."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.links import absolute_url
from portal.mail import queue_templated_email, recipient_language
from servicedesk.models import Question
from servicedesk.permissions import can_ask_for, is_staff_of_desk


class ServiceDeskError(Exception):
    pass


def question_url(question, language):
    with translation.override(language):
        return absolute_url(reverse("servicedesk:detail", args=[question.pk]))


def notify(question, step):
    """E-mail the person who asked about ``step`` (received, in_progress, answered)."""
    user = question.asked_by
    if user is None or not user.email:
        return
    language = recipient_language(user)
    queue_templated_email(
        user.email, f"servicedesk/emails/{step}",
        {"question": question, "organisation": question.organisation.name,
         "url": question_url(question, language), "user": user},
        language=language, category="servicedesk",
        dedupe_key=f"servicedesk-{question.pk}-{step}",
    )


@transaction.atomic
def ask_question(*, user, organisation, category, subject, text, attachment=None):
    """Store a question for ``organisation``; only for an organisation the user belongs
    to (checked here, whatever the form said)."""
    if organisation is None or not can_ask_for(user, organisation.pk):
        raise ServiceDeskError(_("You can only ask questions for your own organisation."))
    question = Question(organisation=organisation, asked_by=user, category=category,
                        subject=subject, text=text)
    if attachment is not None:
        question.attachment_name = (getattr(attachment, "name", "") or "")[-200:]
        question.attachment = attachment
    question.full_clean()
    question.save()
    notify(question, "received")
    return question


@transaction.atomic
def start_handling(question, staff):
    if not is_staff_of_desk(staff):
        raise ServiceDeskError(_("Only the association's staff handle questions."))
    locked = Question.objects.select_for_update().get(pk=question.pk)
    if locked.status != Question.Status.RECEIVED:
        return locked
    locked.status = Question.Status.IN_PROGRESS
    locked.handled_by = staff
    locked.save(update_fields=["status", "handled_by"])
    notify(locked, "in_progress")
    return locked


@transaction.atomic
def answer_question(question, staff, answer):
    if not is_staff_of_desk(staff):
        raise ServiceDeskError(_("Only the association's staff answer questions."))
    answer = (answer or "").strip()
    if not answer:
        raise ServiceDeskError(_("Write an answer first."))
    locked = Question.objects.select_for_update().get(pk=question.pk)
    first_answer = locked.answered_at is None
    locked.answer = answer
    locked.status = Question.Status.ANSWERED
    locked.handled_by = staff
    if first_answer:
        locked.answered_at = timezone.now()
    locked.save(update_fields=["answer", "status", "handled_by", "answered_at"])
    notify(locked, "answered" if first_answer else "answer_changed")
    return locked
