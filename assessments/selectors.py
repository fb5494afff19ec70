"""Reads about self-scans: the current version, the rounds a member may see, the answers
and the (live or kept) result of a round, earlier rounds, and what is recommended.

Pages shown with a result (kennisbank items, sessions, working groups) go through
portal.visibility.visible_pages, so a recommendation never shows what the person may
not see."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone

from assessments import scoring
from assessments.models import Answer, DimensionResult, Response, Round, Scan, ScanVersion
from portal.visibility import visible_pages


def current_version(scan):
    return ScanVersion.objects.filter(scan=scan).order_by("-number").first()


def open_scans():
    return Scan.objects.filter(active=True).order_by("title")


def round_answers(round_, respondent=None):
    """{response id: {question key: (value, not_applicable)}} (one query)."""
    answers = Answer.objects.filter(response__round=round_)
    if respondent is not None:
        answers = answers.filter(response__respondent=respondent)
    result = defaultdict(dict)
    for response_id, key, value, not_applicable in answers.values_list(
            "response_id", "question_key", "value", "not_applicable"):
        result[response_id][key] = (value, not_applicable)
    return result


def scans_overview(user, organisations):
    """For /mijn/scans/: per open scan and organisation the open round (with my progress)
    and the completed rounds, in a fixed number of queries."""
    scans = list(open_scans())
    org_ids = [organisation.pk for organisation in organisations]
    rounds = list(Round.objects.filter(organisation_id__in=org_ids, scan__in=scans)
                  .select_related("version").order_by("-started_at"))
    mine = {response.round_id: response for response in
            Response.objects.filter(round__in=[r for r in rounds if r.is_open],
                                    respondent=user)}
    counts = defaultdict(int)
    for round_id in Response.objects.filter(round__in=[r for r in rounds if r.is_open]
                                            ).values_list("round_id", flat=True):
        counts[round_id] += 1
    by_key = defaultdict(list)
    for round_ in rounds:
        round_.my_response = mine.get(round_.pk)
        round_.response_count = counts.get(round_.pk, 0)
        by_key[(round_.scan_id, round_.organisation_id)].append(round_)
    overview = []
    for scan in scans:
        rows = []
        for organisation in organisations:
            found = by_key.get((scan.pk, organisation.pk), [])
            rows.append({"organisation": organisation,
                         "open": next((r for r in found if r.is_open), None),
                         "completed": [r for r in found if not r.is_open]})
        overview.append({"scan": scan, "rows": rows})
    return overview


@dataclass
class DimensionOutcome:
    definition: object
    score: float | None
    spread: float | None
    respondents: int
    level: object = None
    advice: str = ""
    benchmark: object = None
    trend: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    sessions: list = field(default_factory=list)

    @property
    def dimension(self):
        return self.definition.dimension

    @property
    def recommended(self):
        return self.score is not None and self.score < self.dimension.recommend_below


def _live_scores(round_, definition):
    """{key: (score, spread, respondents)} from the answers of an open round."""
    return scores_from_answers(definition, round_answers(round_))


def scores_from_answers(definition, given):
    """{key: (score, spread, respondents)} from {person: {question key: answer}}."""
    result = {}
    for item in definition:
        per_person = [scoring.respondent_dimension_score(item, answers)
                      for answers in given.values()]
        score, spread = scoring.combine(per_person)
        result[item.key] = (score, spread, len([s for s in per_person if s is not None]))
    return result


def round_outcome(round_, levels=None):
    """The result of a round per dimension: kept figures for a completed round, figures
    from the answers so far for an open one."""
    definition = scoring.version_definition(round_.version)
    levels = list(round_.version.levels.all()) if levels is None else levels
    if round_.is_open:
        scores = _live_scores(round_, definition)
    else:
        scores = {result.dimension_key: (result.score, result.spread, result.respondents)
                  for result in DimensionResult.objects.filter(round=round_)}
    if round_.is_open:
        return outcome_from_scores(definition, levels, scores)
    return outcome_from_scores(definition, levels, scores, total=round_.total_score)


_WORK_OUT = object()


def outcome_from_scores(definition, levels, scores, total=_WORK_OUT):
    """Score, level and advice per dimension, and the total (worked out from ``scores``
    unless given): what the results template shows."""
    outcomes = []
    for item in definition:
        score, spread, respondents = scores.get(item.key, (None, None, 0))
        level = scoring.level_for(levels, score)
        outcomes.append(DimensionOutcome(item, score, spread, respondents, level,
                                         scoring.advice_for(item.dimension, level)))
    if total is _WORK_OUT:
        total = scoring.total_score(definition, {key: value[0] for key, value in scores.items()})
    return {"definition": definition, "dimensions": outcomes, "total": total,
            "total_level": scoring.level_for(levels, total), "levels": levels}


def group_answers(group_round):
    """{participant id: {question key: (value, not_applicable)}} (one query)."""
    from assessments.models import GroupAnswer

    result = defaultdict(dict)
    for participant_id, key, value, not_applicable in GroupAnswer.objects.filter(
            participant__group_round=group_round).values_list(
            "participant_id", "question_key", "value", "not_applicable"):
        result[participant_id][key] = (value, not_applicable)
    return result


def group_outcome(group_round):
    """The combined picture of a group round (from its participants' answers)."""
    definition = scoring.version_definition(group_round.version)
    levels = list(group_round.version.levels.all())
    return outcome_from_scores(definition, levels,
                               scores_from_answers(definition, group_answers(group_round)))


def group_rounds_of(organisations):
    """The group rounds of these organisations, newest first, with their participant
    counts (one query)."""
    from django.db.models import Count

    from assessments.models import GroupRound

    return GroupRound.objects.filter(organisation__in=organisations).select_related(
        "scan", "organisation").annotate(participant_count=Count("participants")).order_by(
        "-opened_at")


def earlier_rounds(round_, outcomes):
    """Completed rounds of the same scan for the organisation up to this one, oldest
    first, with their scores attached per dimension (``outcome.trend``) by key."""
    rounds = list(Round.objects.filter(
        scan_id=round_.scan_id, organisation_id=round_.organisation_id,
        completed_at__isnull=False).exclude(pk=round_.pk).filter(
        started_at__lte=round_.started_at).order_by("completed_at"))
    results = defaultdict(dict)
    for result in DimensionResult.objects.filter(round__in=rounds):
        results[result.round_id][result.dimension_key] = result.score
    for outcome in outcomes:
        outcome.trend = [(earlier, results[earlier.pk].get(outcome.definition.key))
                         for earlier in rounds]
    return rounds


def attach_recommendations(user, outcomes, now=None):
    """Visible recommended pages and upcoming sessions of the dimension's learning line,
    for dimensions scoring below their threshold (three queries in all)."""
    from wagtail.models import Page

    from learninglines.models import SessionPage

    now = now or timezone.now()
    wanted = [outcome for outcome in outcomes if outcome.recommended]
    page_ids = {block.value.pk for outcome in wanted
                for block in outcome.dimension.recommendations if block.value}
    line_paths = {outcome.dimension.learning_line.path: outcome for outcome in wanted
                  if outcome.dimension.learning_line is not None}
    pages = {page.pk: page for page in visible_pages(user, Page.objects.filter(pk__in=page_ids)
                                                     ).specific()} if page_ids else {}
    for outcome in wanted:
        outcome.recommendations = [pages[block.value.pk] for block in
                                   outcome.dimension.recommendations
                                   if block.value and block.value.pk in pages]
    if line_paths:
        from django.db.models import Q

        descendants = Q()
        for path in line_paths:
            descendants |= Q(path__startswith=path)
        sessions = visible_pages(user, SessionPage.objects.filter(descendants, start__gte=now)
                                 ).order_by("start")[:50]
        for session in sessions:
            for path, outcome in line_paths.items():
                if session.path.startswith(path) and len(outcome.sessions) < 3:
                    outcome.sessions.append(session)


def latest_completed_rounds(version):
    """Per organisation its latest completed round of ``version`` (a queryset)."""
    later = Round.objects.filter(version=version, organisation=OuterRef("organisation"),
                                 completed_at__gt=OuterRef("completed_at"))
    return Round.objects.filter(version=version, completed_at__isnull=False).exclude(
        Exists(later))
