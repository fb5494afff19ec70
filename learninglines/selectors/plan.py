"""The Dual-Track plan at a glance (/leerlijnen/): every learning line by its two tracks,
with the formats each cell offers and its next sessions.

Sessions and working groups go through the one visibility rule
(:func:`portal.visibility.visible_pages`, via ``visible_sessions``), one language version
each, in two queries whatever the number of lines or sessions.
"""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page

from learninglines.models import LearningLinePage, SessionPage, WorkingGroupPage
from learninglines.models.choices import SessionFormat, Track
from learninglines.selectors.sessions import visible_sessions
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


def _with_line_key(queryset):
    """Annotate each child page with ``line_key``, the translation key of the learning line
    it sits under (in the same query: the parent's path is the page's path minus one step)."""
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    return queryset.annotate(line_key=Subquery(
        LearningLinePage.objects.filter(path=parent_path).values("translation_key")[:1]))


def dual_track_plan(lines, user, next_shown=NEXT_SESSIONS_SHOWN):
    """One row per line (in the given order), one cell per track: the session formats of
    this year and later, the next ``next_shown`` upcoming sessions (and how many more),
    and the working groups. Only what ``user`` may see."""
    lines = list(lines)
    if not lines:
        return []
    now = timezone.now()
    year_start = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    sessions = list(_with_line_key(
        visible_sessions(user, SessionPage.objects.filter(end__gte=year_start)))
        .order_by("start", "pk"))
    groups = list(_with_line_key(
        prefer_current_language(visible_pages(user, WorkingGroupPage.objects.all())))
        .order_by("title"))
    cells = {
        (line.translation_key, track): PlanCell(track.value, track.label)
        for line in lines for track in Track
    }
    for session in sessions:
        cell = cells.get((session.line_key, session.track))
        if cell is None:
            continue
        label = SessionFormat(session.format).label if session.format in FORMAT_ORDER else ""
        if label and session.format not in [value for value, _ in cell.formats]:
            cell.formats.append((session.format, label))
        if session.end >= now:
            if len(cell.next_sessions) < next_shown:
                cell.next_sessions.append(session)
            else:
                cell.more += 1
    for group in groups:
        cell = cells.get((group.line_key, group.track))
        if cell is not None:
            cell.working_groups.append(group)
    for cell in cells.values():
        cell.formats = [label for value, label in
                        sorted(cell.formats, key=lambda pair: FORMAT_ORDER[pair[0]])]
    return [PlanRow(line, [cells[(line.translation_key, track)] for track in Track])
            for line in lines]
