"""The Dual-Track plan at a glance (/leerlijnen/): every learning line by its two tracks,
with the formats each cell offers and its next sessions.

Sessions and working groups go through the one visibility rule
(:func:`portal.visibility.visible_pages`, via ``visible_sessions``), one language version
each, in three queries whatever the number of lines or sessions.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from learninglines.models import LearningLinePage, SessionPage, WorkingGroupPage
from learninglines.models.choices import SessionFormat, Track
from learninglines.selectors.sessions import below_lines, visible_sessions
from portal.selectors import prefer_current_language
from portal.visibility import visible_pages

NEXT_SESSIONS_SHOWN = 2
FORMAT_ORDER = {value: index for index, value in enumerate(SessionFormat.values)}


@dataclass
class PlanCell:
    track: str
    track_label: str
    formats: list = field(default_factory=list)
    next_sessions: list = field(default_factory=list)
    more: int = 0
    working_groups: list = field(default_factory=list)


@dataclass
class PlanRow:
    line: LearningLinePage
    cells: list


def _with_line_key(queryset, lines):
    """The pages of ``queryset`` directly below one of ``lines`` (any language version),
    each annotated with ``line_key``, the translation key of its line."""
    below, line_key = below_lines(line.translation_key for line in lines)
    return queryset.filter(below).annotate(line_key=line_key)


def dual_track_plan(lines, user, next_shown=NEXT_SESSIONS_SHOWN):
    """One row per line (in the given order), one cell per track: the session formats of
    this year and later, the next ``next_shown`` upcoming sessions (and how many more),
    and the working groups. Only what ``user`` may see."""
    lines = list(lines)
    if not lines:
        return []
    now = timezone.now()
    year_start = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    cells = {
        (line.translation_key, track): PlanCell(track.value, track.label)
        for line in lines for track in Track
    }
    # In SQL, so the page stays light however many sessions there are: the formats of
    # each cell, the first ``next_shown`` upcoming sessions of each cell and the number
    # of the others (two queries; whole sessions only for those shown).
    sessions = _with_line_key(
        visible_sessions(user, SessionPage.objects.filter(end__gte=year_start)), lines)
    formats = (sessions.order_by().values_list("line_key", "track", "format")
               .annotate(upcoming=Count("pk", filter=Q(end__gte=now))))
    upcoming_counts = defaultdict(int)
    for line_key, track, session_format, number in formats:
        cell = cells.get((line_key, track))
        if cell is None:
            continue
        upcoming_counts[(line_key, track)] += number
        if session_format in FORMAT_ORDER:
            cell.formats.append((session_format, SessionFormat(session_format).label))
    for key, number in upcoming_counts.items():
        cells[key].more = max(0, number - next_shown)
    upcoming = sessions.filter(end__gte=now)
    first = upcoming.annotate(place=Window(
        RowNumber(), partition_by=[F("line_key"), F("track")],
        order_by=[F("start").asc(), F("pk").asc()])).filter(place__lte=next_shown)
    for session in first.order_by("start", "pk"):
        cell = cells.get((session.line_key, session.track))
        if cell is not None:
            cell.next_sessions.append(session)
    groups = list(_with_line_key(
        prefer_current_language(visible_pages(user, WorkingGroupPage.objects.all())), lines)
        .order_by("title"))
    for group in groups:
        cell = cells.get((group.line_key, group.track))
        if cell is not None:
            cell.working_groups.append(group)
    for cell in cells.values():
        cell.formats = [label for value, label in
                        sorted(cell.formats, key=lambda pair: FORMAT_ORDER[pair[0]])]
    return [PlanRow(line, [cells[(line.translation_key, track)] for track in Track])
            for line in lines]
