"""Personal data at the services desk. A question belongs to the organisation: when the
person who asked deletes their account the question stays for the organisation, without
the person (asked_by becomes empty)."""

from servicedesk.models import Question


def export(user):
    return {"service_questions": [
        {"organisation": question.organisation.name, "category": question.category,
         "subject": question.subject, "question": question.text, "status": question.status,
         "answer": question.answer, "asked_at": question.created_at.isoformat(),
         "attachment": question.attachment_name}
        for question in Question.objects.filter(asked_by=user).select_related("organisation")
    ]}


def erase(user):
    Question.objects.filter(asked_by=user).update(asked_by=None)
    Question.objects.filter(handled_by=user).update(handled_by=None)
