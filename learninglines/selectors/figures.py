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

PARTICIPATION_TARGET = 0.40
SATISFACTION_TARGET = 3.5


@dataclass(frozen=True)
class ParticipationRow:
    label: str
    organisations: int
    total: int

    @property
    def rate(self):
        return self.organisations / self.total if self.total else 0.0

    @property
    def percentage(self):
        return round(self.rate * 100, 1)

    @property
    def meets_target(self):
        return self.rate >= PARTICIPATION_TARGET


@dataclass(frozen=True)
class ScoreRow:
    label: str
    responses: int
    total_score: int
    detail: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def average(self):
        return round(self.total_score / self.responses, 2) if self.responses else None

    @property
    def below_target(self):
        return self.responses > 0 and self.total_score / self.responses < SATISFACTION_TARGET


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
    overall, per_line, per_track = set(), defaultdict(set), defaultdict(set)
    for organisation_id, track, path in rows:
        overall.add(organisation_id)
        per_track[track].add(organisation_id)
        line = _line_for_path(lines, path)
        if line is not None:
            per_line[line.pk].add(organisation_id)
    return {
        "year": year,
        "target": PARTICIPATION_TARGET,
        "active_organisations": total,
        "overall": ParticipationRow(_("All learning lines"), len(overall), total),
        "per_line": [ParticipationRow(line.title, len(per_line[line.pk]), total)
                     for line in lines],
        "per_track": [ParticipationRow(str(label), len(per_track[value]), total)
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
    formats = dict(SessionFormat.choices)
    tracks = dict(Track.choices)
    session_rows, line_sums, track_sums = [], defaultdict(lambda: [0, 0]), \
        defaultdict(lambda: [0, 0])
    all_sum = [0, 0]
    for session in sessions:
        total_score = session.score_sum or 0
        line = _line_for_path(lines, session.path)
        session_rows.append(ScoreRow(session.title, session.responses, total_score, detail={
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
        "target": SATISFACTION_TARGET,
        "overall": ScoreRow(_("All learning lines"), *all_sum),
        "per_session": session_rows,
        "per_line": [ScoreRow(line.title, *line_sums[line.pk]) for line in lines],
        "per_track": [ScoreRow(str(label), *track_sums[value])
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
