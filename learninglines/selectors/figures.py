"""The participation and satisfaction figures (admin: Participation figures), against
the association's targets (docs/learninglines.md)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from wagtail.models import Locale

from learninglines.models import LearningLinePage, Registration, SessionPage
from learninglines.models.choices import SessionFormat, Track
from learninglines.selectors.sessions import PLACE_TAKING, Status, year_bounds
from memberhub.models import MemberOrganisation
from portal.measures import period_bounds, target_threshold

PARTICIPATION_KEY = "learninglines.participation"
SATISFACTION_KEY = "learninglines.session_satisfaction"


def participation_target(year):
    """The year plan's share (0-1) of organisations to reach, or None (portal.measures)."""
    value = target_threshold(PARTICIPATION_KEY, year)
    return None if value is None else float(value) / 100


def satisfaction_target(year):
    value = target_threshold(SATISFACTION_KEY, year)
    return None if value is None else float(value)


@dataclass(frozen=True)
class ParticipationRow:
    label: str
    organisations: int
    total: int
    target: float | None = None   # share 0-1 from the year plan, None: no target

    @property
    def rate(self):
        return self.organisations / self.total if self.total else 0.0

    @property
    def percentage(self):
        return round(self.rate * 100, 1)

    @property
    def meets_target(self):
        return self.target is not None and self.rate >= self.target


@dataclass(frozen=True)
class ScoreRow:
    label: str
    responses: int
    total_score: int
    detail: dict = field(default_factory=dict, compare=False, hash=False)
    target: float | None = None

    @property
    def average(self):
        return round(self.total_score / self.responses, 2) if self.responses else None

    @property
    def below_target(self):
        return (self.target is not None and self.responses > 0
                and self.total_score / self.responses < self.target)


def figure_lines():
    """The learning lines in the default language, in tree order."""
    return list(LearningLinePage.objects.filter(locale=Locale.get_default()).order_by("path"))


def _line_for_path(lines, path):
    for line in lines:
        if path.startswith(line.path):
            return line
    return None


def participation(year):
    """Distinct active member organisations with at least one attended session starting
    in ``year``, out of all active member organisations: overall, per line, per track."""
    start, end = year_bounds(year)
    total = MemberOrganisation.objects.filter(active=True).count()
    rows = (
        Registration.objects.filter(status=Status.ATTENDED, organisation__active=True,
                                    session__start__gte=start, session__start__lt=end)
        .order_by().values_list("organisation_id", "session__track", "session__path")
        .distinct()
    )
    lines = figure_lines()
    target = participation_target(year)
    overall, per_line, per_track = set(), defaultdict(set), defaultdict(set)
    for organisation_id, track, path in rows:
        overall.add(organisation_id)
        per_track[track].add(organisation_id)
        line = _line_for_path(lines, path)
        if line is not None:
            per_line[line.pk].add(organisation_id)
    return {
        "year": year,
        "target": target,
        "active_organisations": total,
        "overall": ParticipationRow(_("All learning lines"), len(overall), total, target),
        "per_line": [ParticipationRow(line.title, len(per_line[line.pk]), total, target)
                     for line in lines],
        "per_track": [ParticipationRow(str(label), len(per_track[value]), total, target)
                      for value, label in Track.choices],
    }


def satisfaction(year):
    """Average score and number of responses per session, line and track, and overall,
    for sessions starting in ``year``. Averages are over all responses (not averages of
    averages)."""
    start, end = year_bounds(year)
    sessions = list(
        SessionPage.objects.filter(locale=Locale.get_default(), start__gte=start,
                                   start__lt=end)
        .annotate(responses=Count("registrations__evaluation"),
                  score_sum=Sum("registrations__evaluation__score"),
                  attended=Count("registrations", filter=Q(
                      registrations__status=Status.ATTENDED)))
        .order_by("start", "pk")
    )
    lines = figure_lines()
    target = satisfaction_target(year)
    formats = dict(SessionFormat.choices)
    tracks = dict(Track.choices)
    session_rows, line_sums, track_sums = [], defaultdict(lambda: [0, 0]), \
        defaultdict(lambda: [0, 0])
    all_sum = [0, 0]
    for session in sessions:
        total_score = session.score_sum or 0
        line = _line_for_path(lines, session.path)
        session_rows.append(ScoreRow(session.title, session.responses, total_score, target=target,
                                     detail={
            "session": session, "line": line.title if line else "",
            "track": tracks.get(session.track, session.track),
            "format": formats.get(session.format, session.format),
            "date": session.local_start.date(), "attended": session.attended,
        }))
        for bucket in ((line_sums[line.pk] if line else None), track_sums[session.track],
                       all_sum):
            if bucket is not None:
                bucket[0] += session.responses
                bucket[1] += total_score
    return {
        "year": year,
        "target": target,
        "overall": ScoreRow(_("All learning lines"), *all_sum, target=target),
        "per_session": session_rows,
        "per_line": [ScoreRow(line.title, *line_sums[line.pk], target=target)
                     for line in lines],
        "per_track": [ScoreRow(str(label), *track_sums[value], target=target)
                      for value, label in Track.choices],
    }


def monthly_activity(year):
    """Per month of ``year`` (by session start): sessions, registrations that took a place
    (registered or attended), and attendance."""
    from django.db.models.functions import ExtractMonth

    start, end = year_bounds(year)
    months = {month: {"month": month, "sessions": 0, "registrations": 0, "attended": 0}
              for month in range(1, 13)}
    base = SessionPage.objects.filter(locale=Locale.get_default(), start__gte=start,
                                      start__lt=end)
    for row in (base.order_by().annotate(m=ExtractMonth("start")).values("m")
                .annotate(n=Count("id"))):
        months[row["m"]]["sessions"] = row["n"]
    rows = (
        Registration.objects.filter(session__in=base.values("pk"), status__in=PLACE_TAKING)
        .order_by().annotate(m=ExtractMonth("session__start")).values("m")
        .annotate(n=Count("id"), a=Count("id", filter=Q(status=Status.ATTENDED)))
    )
    for row in rows:
        months[row["m"]]["registrations"] = row["n"]
        months[row["m"]]["attended"] = row["a"]
    return [months[month] for month in range(1, 13)]


# --- year-plan measures (portal.measures; registered in learninglines/wagtail_hooks.py) --


def participation_share(start, end):
    """Percentage of active member organisations with at least one attended session
    starting between the days start and end; None without active organisations."""
    since, until = period_bounds(start, end)
    total = MemberOrganisation.objects.filter(active=True).count()
    if not total:
        return None
    taking_part = (Registration.objects.filter(
        status=Status.ATTENDED, organisation__active=True, session__start__gte=since,
        session__start__lt=until).values("organisation_id").distinct().count())
    return round(100 * taking_part / total, 1)


def _sessions_between(start, end):
    since, until = period_bounds(start, end)
    return SessionPage.objects.filter(locale=Locale.get_default(), start__gte=since,
                                      start__lt=until)


def average_score(start, end):
    """Average evaluation score (1-5) of sessions starting between start and end, over
    all responses; None without responses."""
    from django.db.models import Avg

    from learninglines.models import Evaluation

    value = Evaluation.objects.filter(
        registration__session__in=_sessions_between(start, end).values("pk")
    ).aggregate(average=Avg("score"))["average"]
    return None if value is None else round(value, 2)


def session_subjects(start, end):
    from portal.measures import Subject

    return [Subject(str(session.pk), session.title, session.local_start.date())
            for session in _sessions_between(start, end).order_by("start", "pk")]


def session_average(subject_key):
    from django.db.models import Avg

    from learninglines.models import Evaluation

    try:
        pk = int(subject_key)
    except ValueError:
        return None
    value = Evaluation.objects.filter(registration__session_id=pk).aggregate(
        average=Avg("score"))["average"]
    return None if value is None else round(value, 2)
