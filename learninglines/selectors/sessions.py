"""Reads about sessions: which ones a visitor sees, their registration counts, the
agenda entries (hook ``register_agenda_source``), the year agenda of the overview page,
the .ics file and whether registration is open.

Every list of pages goes through :func:`portal.visibility.visible_pages`.
"""

import operator
from collections import defaultdict
from datetime import datetime
from functools import reduce
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db.models import Case, Count, Q, UUIDField, Value, When
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from learninglines.models import LearningLinePage, Registration, SessionPage
from portal.agenda import AgendaSource, scheduled_page_entry
from portal.cache import audience_key, cached_for_content
from portal.selectors import prefer_current_language
from portal.visibility import visible_pages

Status = Registration.Status
# Registrations that take a place (the waiting list does not).
PLACE_TAKING = (Status.REGISTERED, Status.ATTENDED)


def year_bounds(year):
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def visible_sessions(user, queryset=None):
    """Sessions the user may see, one language version each (the current language where
    it exists, else the original)."""
    queryset = SessionPage.objects.all() if queryset is None else queryset
    return prefer_current_language(visible_pages(user, queryset))


def canonical_session(session):
    """The session in the default language: registrations always belong to that one,
    whichever language version the member registered on."""
    default = Locale.get_default()
    if session.locale_id == default.id:
        return session
    original = SessionPage.objects.filter(
        translation_key=session.translation_key, locale=default
    ).first()
    return original or session


def registration_closed_reason(session, now=None):
    """Why nobody can register for this session now, or None when registration is open."""
    now = now or timezone.now()
    if not session.live:
        return _("This session is not published.")
    if session.start <= now:
        return _("This session has already started or taken place; registration is closed.")
    if not session.registration_open:
        return _("Registration for this session is closed.")
    if session.registration_deadline and now > session.registration_deadline:
        return _("The registration deadline for this session has passed.")
    return None


def line_titles_by_path(pages):
    """{line path: line} for the lines the given pages belong to (one query)."""
    steplen = Page.steplen
    paths = {page.path[:-steplen] for page in pages}
    if not paths:
        return {}
    lines = LearningLinePage.objects.filter(path__in=paths).only("title", "path", "url_path",
                                                                 "translation_key")
    return {line.path: line for line in lines}


def below_lines(translation_keys):
    """``(filter, line_key)`` for the pages directly below any language version of the
    lines with these translation keys: a Q of one path range per version (which the path
    index answers; a test on a part of the path would read every page) and a Case that
    gives each such page its line's translation key. The versions' paths change only by
    a publish, move or delete, so they are kept under the content generation."""
    keys = sorted(str(key) for key in translation_keys)
    versions = cached_for_content("learninglines-line-versions", tuple(keys), lambda: list(
        LearningLinePage.objects.filter(translation_key__in=keys)
        .values_list("path", "translation_key")))
    below, whens = Q(pk__in=[]), []
    for path, key in versions:
        children = Q(path__range=Page._get_children_path_interval(path),
                     depth=len(path) // Page.steplen + 1)
        below |= children
        whens.append(When(children, then=Value(key, output_field=UUIDField())))
    return below, Case(*whens, default=None, output_field=UUIDField())


def line_of(page, lines_by_path):
    return lines_by_path.get(page.path[:-Page.steplen])


def registration_counts(sessions):
    """{translation_key: {"taken": n, "waitlisted": n}} for the sessions (one query).
    Registrations belong to the original session; a translation shares its key."""
    keys = {session.translation_key for session in sessions}
    counts = defaultdict(lambda: {"taken": 0, "waitlisted": 0})
    if not keys:
        return counts
    rows = (
        Registration.objects.filter(session__translation_key__in=keys,
                                    status__in=[*PLACE_TAKING, Status.WAITLISTED])
        .order_by().values("session__translation_key", "status").annotate(n=Count("id"))
    )
    for row in rows:
        bucket = "waitlisted" if row["status"] == Status.WAITLISTED else "taken"
        counts[row["session__translation_key"]][bucket] += row["n"]
    return counts


def places_left(session, counts):
    if session.capacity is None:
        return None
    return max(session.capacity - counts[session.translation_key]["taken"], 0)


def session_agenda_entry(session, line_title=None, line_url=""):
    hosts = tuple(org.name for org in session.hosts.all())
    if session.co_host:
        hosts = (*hosts, session.co_host)
    return scheduled_page_entry(
        session, "learninglines-session",
        location=session.location or (_("Online") if session.online_link else ""),
        online=bool(session.online_link),
        kind="session",
        kind_label=session.get_format_display(),
        description=session.summary,
        organisations=hosts,
        learning_line=line_title or "",
        track=session.track,
        format=session.format,
        extra={"track_label": session.get_track_display(),
               "format_label": session.get_format_display(), "line_url": line_url,
               "audience": session.audience},
    )


def session_ics(session, registration=None):
    """The session as an iCalendar file (bytes). With a confirmed registration the
    online link is included: the file is then for that person only."""
    from memberhub.calendar import add_online_link, calendar_event, new_calendar

    entry = session_agenda_entry(session, line_title=None)
    calendar = new_calendar(session.title)
    event = calendar_event(entry)
    if registration is not None and registration.status in PLACE_TAKING and session.online_link:
        add_online_link(event, session.online_link, bool(session.location))
    calendar.add_component(event)
    return calendar.to_ical()


class SessionSource(AgendaSource):
    """Learning-line sessions on the agenda (hook ``register_agenda_source``)."""

    def visible(self, user):
        return visible_sessions(user)

    def narrow(self, queryset, filters):
        if filters.get("theme"):
            queryset = queryset.filter(themes__slug=filters["theme"])
        if filters.get("organisation"):
            queryset = queryset.filter(hosts__slug=filters["organisation"])
        if filters.get("track"):
            queryset = queryset.filter(track=filters["track"])
        if filters.get("format"):
            queryset = queryset.filter(format=filters["format"])
        if filters.get("learning_line"):
            # The sessions of either language version of the line (a Dutch session shown
            # on the English site sits under the Dutch line).
            keys = LearningLinePage.objects.filter(slug=filters["learning_line"]).values(
                "translation_key")
            paths = LearningLinePage.objects.filter(translation_key__in=keys).values_list(
                "path", flat=True)
            children = [Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
                        for path in paths]
            if not children:
                return None
            queryset = queryset.filter(reduce(operator.or_, children))
        return queryset

    def entries(self, rows):
        return _entries(rows)

    def choices(self, queryset):
        values = queryset.order_by().values_list("track", "format").distinct()
        tracks = dict(SessionPage._meta.get_field("track").flatchoices)
        formats = dict(SessionPage._meta.get_field("format").flatchoices)
        return {"track": {(track, tracks.get(track, track)) for track, _f in values if track},
                "format": {(fmt, formats.get(fmt, fmt)) for _t, fmt in values if fmt}}


def _entries(sessions):
    sessions = list(sessions.prefetch_related("hosts"))
    lines = line_titles_by_path(sessions)
    entries = []
    for session in sessions:
        line = line_of(session, lines)
        entries.append(session_agenda_entry(
            session, line.title if line else "", line.url if line else ""))
    return entries


YEAR_AGENDA_PER_MONTH = 15


def agenda_index_url():
    """The address of the agenda (/agenda/) in the current language."""
    EventIndexPage = apps.get_model("memberhub", "EventIndexPage")
    page = prefer_current_language(EventIndexPage.objects.live()).first()
    return page.url if page else ""


def year_agenda(user, year, per_month=None):
    """The year's sessions of all lines, by month: [(month date, [entries], more)], with at
    most ``per_month`` entries a month and the number of the others in ``more`` (the agenda
    lists them all); so the page stays light however busy a year gets. Kept under the
    content generation per audience and language (a year of sessions changes only by a
    publish, unpublish, move or delete)."""
    per_month = per_month or YEAR_AGENDA_PER_MONTH
    return cached_for_content(
        "learninglines-year-agenda", (audience_key(user), get_language(), year, per_month),
        lambda: _year_agenda(user, year, per_month))


def _year_agenda(user, year, per_month):
    start, end = year_bounds(year)
    sessions = visible_sessions(user).filter(end__gte=start, start__lt=end).order_by(
        "start", "pk")
    shown, more = defaultdict(list), defaultdict(int)
    for pk, moment, zone in sessions.values_list("pk", "start", "timezone"):
        local = moment.astimezone(ZoneInfo(zone))
        if local.year != year:
            continue
        month = (local.year, local.month)
        if len(shown[month]) < per_month:
            shown[month].append(pk)
        else:
            more[month] += 1
    by_month = defaultdict(list)
    chosen = [pk for pks in shown.values() for pk in pks]
    for entry in _entries(sessions.filter(pk__in=chosen)):
        local = entry.start.astimezone(ZoneInfo(entry.timezone))
        by_month[(local.year, local.month)].append(entry)
    return [
        (datetime(y, m, 1).date(), entries, more[(y, m)])
        for (y, m), entries in sorted(by_month.items())
    ]
