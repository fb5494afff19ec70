"""Actions on self-scans. Each either does all it says or nothing (transaction.atomic),
and raises ValidationError with a message for the person when it cannot."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import scoring
from assessments.models import (
    Answer,
    DimensionResult,
    OrganisationScanSettings,
    Response,
    Round,
)
from assessments.permissions import is_member_of
from assessments.selectors import current_version, round_answers


def _require_open(round_):
    if not round_.is_open:
        raise ValidationError(_("This round is closed: its answers can no longer change."))


@transaction.atomic
def start_round(user, scan, organisation):
    """The open round of ``scan`` for ``organisation`` (made if there is none)."""
    if organisation is None or not is_member_of(user, organisation.pk):
        raise ValidationError(_("You can only take a scan for an organisation you are a "
                                "member of."))
    if not scan.active:
        raise ValidationError(_("This scan is not open for new rounds."))
    existing = Round.objects.filter(scan=scan, organisation=organisation,
                                    completed_at__isnull=True).first()
    if existing is not None:
        return existing
    version = current_version(scan)
    if version is None or scoring.question_count(scoring.version_definition(version)) == 0:
        raise ValidationError(_("This scan has no questions yet, so it cannot be taken."))
    try:
        with transaction.atomic():
            return Round.objects.create(scan=scan, version=version, organisation=organisation,
                                        started_by=user)
    except IntegrityError:  # a colleague started it at the same moment
        return Round.objects.get(scan=scan, organisation=organisation,
                                 completed_at__isnull=True)


def own_response(user, round_, create=False):
    if create:
        response, _created = Response.objects.get_or_create(round=round_, respondent=user)
        return response
    return Response.objects.filter(round=round_, respondent=user).first()


@transaction.atomic
def save_answers(user, round_, answers):
    """Store the person's own answers ({question key: (value, not_applicable)}) for
    questions of the round's version; clearing a choice removes the answer."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    _require_open(round_)
    if not is_member_of(user, round_.organisation_id):
        raise ValidationError(_("You are not a member of this organisation."))
    known = {question.key for item in scoring.version_definition(round_.version)
             for question in item.questions}
    unknown = set(answers) - known
    if unknown:
        raise ValidationError(_("These answers belong to questions that are not part of "
                                "this version of the scan; nothing was saved."))
    response = own_response(user, round_, create=True)
    for key, answer in answers.items():
        if answer is None:
            Answer.objects.filter(response=response, question_key=key).delete()
            continue
        value, not_applicable = answer
        Answer.objects.update_or_create(
            response=response, question_key=key,
            defaults={"value": None if not_applicable else value,
                      "not_applicable": not_applicable})
    if any(answer is None for answer in answers.values()):
        response.submitted_at = None  # no longer complete
    response.save(update_fields=["updated_at", "submitted_at"])
    return response


def missing_questions(definition, answers):
    """[(dimension position, question)] of questions without an answer."""
    return [(index, question) for index, item in enumerate(definition)
            for question in item.questions if question.key not in answers]


@transaction.atomic
def submit_response(user, round_):
    """Mark the person's answers as complete (every question answered)."""
    _require_open(round_)
    response = own_response(user, round_)
    definition = scoring.version_definition(round_.version)
    answers = round_answers(round_, respondent=user).get(response.pk if response else None, {})
    if response is None or missing_questions(definition, answers):
        raise ValidationError(_("Answer every question first (or choose “not applicable” "
                                "where it is offered)."))
    response.submitted_at = timezone.now()
    response.save(update_fields=["submitted_at", "updated_at"])
    return response


@transaction.atomic
def complete_round(user, round_):
    """Close the round and keep its combined result per dimension."""
    round_ = Round.objects.select_for_update().select_related("version").get(pk=round_.pk)
    _require_open(round_)
    if not is_member_of(user, round_.organisation_id):
        raise ValidationError(_("You are not a member of this organisation."))
    return keep_result(round_)


def keep_result(round_, completed_at=None):
    """Close ``round_`` with the combined result of its complete responses (the others
    do not count and go)."""
    definition = scoring.version_definition(round_.version)
    submitted = set(Response.objects.filter(round=round_, submitted_at__isnull=False)
                    .values_list("pk", flat=True))
    if not submitted:
        raise ValidationError(_("Nobody has finished answering yet; a round needs at least "
                                "one complete response before it can be closed."))
    answers = {pk: given for pk, given in round_answers(round_).items() if pk in submitted}
    scores, results = {}, []
    for position, item in enumerate(definition):
        per_person = [scoring.respondent_dimension_score(item, given)
                      for given in answers.values()]
        score, spread = scoring.combine(per_person)
        scores[item.key] = score
        results.append(DimensionResult(
            round=round_, dimension_key=item.key, position=position, score=score,
            spread=spread, respondents=len([s for s in per_person if s is not None])))
    DimensionResult.objects.bulk_create(results)
    round_.total_score = scoring.total_score(definition, scores)
    round_.respondents = len(submitted)
    round_.completed_at = completed_at or timezone.now()
    round_.save(update_fields=["total_score", "respondents", "completed_at"])
    Response.objects.filter(round=round_, submitted_at__isnull=True).delete()
    return round_


def update_settings(user, organisation, *, benchmark_opt_out, share_with_editors):
    from assessments.permissions import may_manage_settings

    if not may_manage_settings(user, organisation):
        raise ValidationError(_("Only an admin of the organisation can change this."))
    settings, _created = OrganisationScanSettings.objects.update_or_create(
        organisation=organisation, defaults={"benchmark_opt_out": benchmark_opt_out,
                                             "share_with_editors": share_with_editors})
    return settings
