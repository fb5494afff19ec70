"""Personal data in self-scans: a respondent's answers (hooks of portal.privacy).

Export: every answer the person gave, with the question. Erasure: the person's answers
and responses go; a closed round keeps its combined result (DimensionResult, without
people), an open round simply loses this person's answers.

Group rounds hold nothing about their participants (a salted digest of a random cookie
value); of the facilitator they hold who opened them: exported, and let go on erasure
(the round stays with the organisation)."""

from django.db import transaction

from assessments import scoring
from assessments.models import Answer, GroupRound, Response


def export(user):
    responses = list(Response.objects.filter(respondent=user).select_related(
        "round__scan", "round__version", "round__organisation"))
    answers = {}
    for answer in Answer.objects.filter(response__in=responses):
        answers.setdefault(answer.response_id, []).append(answer)
    questions = {}
    for version in {response.round.version for response in responses}:
        for item in scoring.version_definition(version):
            for question in item.questions:
                questions[question.key] = (item.dimension.title, question)
    exported = []
    for response in responses:
        rows = []
        for answer in answers.get(response.pk, []):
            dimension, question = questions.get(answer.question_key, ("", None))
            label = ""
            if question is not None and not answer.not_applicable:
                label = dict(question.choices).get(answer.value, "")
            rows.append({"dimension": dimension,
                         "question": question.text if question else answer.question_key,
                         "answer": "n.v.t." if answer.not_applicable else label,
                         "value": answer.value})
        exported.append({"scan": response.round.scan.title,
                         "version": response.round.version.number,
                         "organisation": response.round.organisation.name,
                         "round_started": response.round.started_at.isoformat(),
                         "submitted_at": response.submitted_at.isoformat()
                         if response.submitted_at else None,
                         "answers": rows})
    facilitated = [{"scan": group_round.scan.title, "organisation": group_round.organisation.name,
                    "title": group_round.title, "opened_at": group_round.opened_at.isoformat(),
                    "closes_at": group_round.closes_at.isoformat()}
                   for group_round in GroupRound.objects.filter(facilitator=user).select_related(
                       "scan", "organisation")]
    return {"self_scan_answers": exported, "self_scan_group_rounds_facilitated": facilitated}


@transaction.atomic
def erase(user):
    Response.objects.filter(respondent=user).delete()  # answers go with them (cascade)
    GroupRound.objects.filter(facilitator=user).update(facilitator=None)
