"""Reads about learning lines: page data, agenda entries, /mijn/ panels and the
participation and satisfaction figures.

Every list of pages goes through :func:`portal.visibility.visible_pages`; page data is
fetched with a fixed number of queries, whatever the number of sessions.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from learninglines.models import (
    LearningLinePage,
    Registration,
    SessionFormat,
    SessionPage,
    Track,
    WorkingGroupMembership,
    WorkingGroupPage,
)
from memberhub.models import MemberOrganisation, Membership
from portal.agenda import AgendaEntry, calendar_uid
from portal.selectors import prefer_current_language
from portal.visibility import visible_pages

Status = Registration.Status
PLACE_TAKING = (Status.REGISTERED, Status.ATTENDED)
PARTICIPATION_TARGET = 0.40
SATISFACTION_TARGET = 3.5
MIN_YEAR, MAX_YEAR = 2000, 2100


def parse_year(value, default=None):
    """A year from a query parameter; anything unusable gives the current year."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default or timezone.localdate().year
    if not MIN_YEAR <= year <= MAX_YEAR:
        return default or timezone.localdate().year
    return year


def year_bounds(year):
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


# --- sessions as the visitor sees them ---------------------------------------------------


def visible_sessions(user, queryset=None):
    """Sessions the user may see, one language version each (the current language where
    it exists, else the original)."""
    queryset = SessionPage.objects.all() if queryset is None else queryset
    return prefer_current_language(visible_pages(user, queryset))


def line_titles_by_path(pages):
    """{line path: line} for the lines the given pages belong to (one query)."""
    steplen = Page.steplen
    paths = {page.path[:-steplen] for page in pages}
    if not paths:
        return {}
    lines = LearningLinePage.objects.filter(path__in=paths).only("title", "path", "url_path",
                                                                 "translation_key")
    return {line.path: line for line in lines}


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
    return AgendaEntry(
        uid=calendar_uid("learninglines-session", session.translation_key),
        title=session.title,
        url=session.url or "",
        start=session.start,
        end=session.end,
        timezone=session.timezone,
        location=session.location or (_("Online") if session.online_link else ""),
        online=bool(session.online_link),
        kind="session",
        kind_label=session.get_format_display(),
        description=session.summary,
        organisations=hosts,
        learning_line=line_title or "",
        track=session.track,
        format=session.format,
        page_id=session.pk,
        extra={"track_label": session.get_track_display(), "line_url": line_url,
               "audience": session.audience},
    )


def agenda_source(user, start=None, end=None, limit=None):
    """The sessions the user may see, as agenda entries (hook ``register_agenda_source``),
    soonest first, at most ``limit``. Three to four queries whatever the number of sessions."""
    sessions = visible_sessions(user)
    if start is not None:
        sessions = sessions.filter(end__gte=start)
    if end is not None:
        sessions = sessions.filter(start__lt=end)
    sessions = sessions.order_by("start", "pk")
    return _entries(sessions if limit is None else sessions[:limit])


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
    lists them all); so the page stays light however busy a year gets."""
    per_month = per_month or YEAR_AGENDA_PER_MONTH
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


# --- page data --------------------------------------------------------------------------


@dataclass
class TrackColumn:
    value: str
    label: str
    aim: str
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)
    working_groups: list = field(default_factory=list)


PAST_SESSIONS_SHOWN = 6


def _knowledge_model():
    """knowledge.KnowledgeItemPage if it exists and has its ``learning_lines`` field."""
    try:
        model = apps.get_model("knowledge", "KnowledgeItemPage")
    except LookupError:
        return None
    if not any(f.name == "learning_lines" for f in model._meta.get_fields()):
        return None
    return model


def _line_family_children(line):
    """Pages directly below any language version of ``line``, as one lazy query."""
    from django.db.models.functions import Substr

    family_paths = LearningLinePage.objects.filter(
        translation_key=line.translation_key).values("path")
    return Page.objects.annotate(parent_path=Substr("path", 1, len(line.path))).filter(
        depth=line.depth + 1, parent_path__in=family_paths)


def line_page_data(line, user, knowledge_limit=6):
    """Both tracks of a line with their sessions and working groups, the coordinators,
    the leading organisations and related knowledge items, in a fixed number of queries:
    one visibility and language pass over all candidate pages, then one query per kind."""
    now = timezone.now()
    knowledge_model = _knowledge_model()
    candidates = Q(pk__in=_line_family_children(line).values("pk"))
    if knowledge_model is not None:
        candidates |= Q(pk__in=knowledge_model.objects.filter(
            learning_lines__translation_key=line.translation_key).values("pk"))
    shown = prefer_current_language(visible_pages(user, Page.objects.filter(candidates)))
    shown_ids = shown.values("pk")
    sessions = list(
        SessionPage.objects.filter(pk__in=shown_ids,
                                   end__gte=now - timezone.timedelta(days=366))
        .prefetch_related("hosts").order_by("start", "pk")
    )
    groups = list(WorkingGroupPage.objects.filter(pk__in=shown_ids).order_by("title"))
    knowledge_items = []
    if knowledge_model is not None:
        knowledge_items = list(knowledge_model.objects.filter(pk__in=shown_ids)
                               .order_by("-first_published_at")[:knowledge_limit])
    counts = registration_counts(sessions)
    columns = {
        Track.PRACTITIONER: TrackColumn(Track.PRACTITIONER.value, Track.PRACTITIONER.label,
                                        line.practitioner_aim),
        Track.LEADERSHIP: TrackColumn(Track.LEADERSHIP.value, Track.LEADERSHIP.label,
                                      line.leadership_aim),
    }
    for session in sessions:
        session.places_left = places_left(session, counts)
        column = columns.get(session.track)
        if column is None:
            continue
        (column.past if session.end < now else column.upcoming).append(session)
    for column in columns.values():
        column.past = list(reversed(column.past))[:PAST_SESSIONS_SHOWN]
    for group in groups:
        if group.track in columns:
            columns[group.track].working_groups.append(group)
    return {
        "tracks": list(columns.values()),
        "coordinators": list(line.coordinators.select_related("organisation")),
        "leading_organisations": list(line.leading_organisations.all()),
        "knowledge_items": knowledge_items,
    }


def session_page_data(session, user):
    """Everything the session page shows about registration for this user."""
    from learninglines.services import (
        canonical_session,
        evaluation_path,
        registration_closed_reason,
    )

    original = canonical_session(session)
    counts = registration_counts([original])[original.translation_key]
    registration = None
    memberships = []
    waitlist_position = None
    organisation_registrations = []
    evaluation_url = None
    if user.is_authenticated:
        registration = (Registration.objects.filter(session=original, user=user)
                        .select_related("organisation", "evaluation").first())
        memberships = list(Membership.objects.filter(user=user).select_related("organisation")
                           .order_by("organisation__name"))
        if registration and registration.status == Status.WAITLISTED:
            waitlist_position = waitlist_position_of(registration)
        organisation_registrations = list(
            Registration.objects.filter(
                session=original,
                organisation__in=Membership.objects.filter(
                    user=user, role=Membership.Role.ADMIN, organisation__active=True,
                ).values("organisation"),
            ).exclude(status=Status.CANCELLED).select_related("user", "organisation")
            .order_by("organisation__name", "user__last_name", "user__first_name")
        )
        if (registration and registration.status == Status.ATTENDED
                and not hasattr_evaluation(registration) and session.is_past):
            evaluation_url = evaluation_path(registration)
    active_memberships = [m for m in memberships if m.organisation.active]
    active_registration = registration if registration and registration.status in (
        Status.REGISTERED, Status.WAITLISTED, Status.ATTENDED) else None
    capacity = original.capacity
    full = capacity is not None and counts["taken"] >= capacity
    base_url = session.url or ""
    return {
        "ics_url": base_url + session.reverse_subpage("ics"),
        "register_url": base_url + session.reverse_subpage("register"),
        "cancel_url": base_url + session.reverse_subpage("cancel"),
        "registration": active_registration,
        "registration_closed_reason": registration_closed_reason(original),
        "registration_memberships": active_memberships,
        "has_inactive_membership_only": bool(memberships) and not active_memberships,
        "places_taken": counts["taken"],
        "waitlisted_count": counts["waitlisted"],
        "places_left": None if capacity is None else max(capacity - counts["taken"], 0),
        "is_full": full,
        "waitlist_position": waitlist_position,
        "show_online_link": bool(active_registration and active_registration.status in
                                 PLACE_TAKING and session.online_link),
        "can_cancel": bool(active_registration and active_registration.status in
                           (Status.REGISTERED, Status.WAITLISTED) and not session.has_started),
        "organisation_registrations": organisation_registrations,
        "hosts": list(session.hosts.all()),
        "evaluation_url": evaluation_url,
    }


def hasattr_evaluation(registration):
    try:
        return registration.evaluation is not None
    except Registration.evaluation.RelatedObjectDoesNotExist:
        return False


def waitlist_position_of(registration):
    """1 for the first person on the waiting list."""
    return Registration.objects.filter(
        session_id=registration.session_id, status=Status.WAITLISTED,
    ).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, id__lt=registration.id)
    ).count() + 1


def working_group_page_data(group, user):
    participants = list(
        WorkingGroupMembership.objects.filter(group__translation_key=group.translation_key)
        .select_related("organisation", "user").order_by("organisation__name", "user__last_name")
    )
    organisations = sorted({p.organisation for p in participants}, key=lambda org: org.name)
    named = [p for p in participants if p.show_name]
    own = next((p for p in participants if user.is_authenticated and p.user_id == user.pk),
               None)
    original_groups = WorkingGroupPage.objects.filter(translation_key=group.translation_key)
    sessions = list(
        visible_sessions(user, SessionPage.objects.filter(working_group__in=original_groups))
        .order_by("start", "pk")
    )
    now = timezone.now()
    memberships = []
    if user.is_authenticated:
        memberships = list(Membership.objects.filter(user=user, organisation__active=True)
                           .select_related("organisation").order_by("organisation__name"))
    base_url = group.url or ""
    return {
        "join_url": base_url + group.reverse_subpage("join"),
        "leave_url": base_url + group.reverse_subpage("leave"),
        "participating_organisations": organisations,
        "named_participants": named,
        "own_participation": own,
        "upcoming_sessions": [s for s in sessions if s.end >= now],
        "past_sessions": [s for s in sessions if s.end < now][::-1],
        "join_memberships": memberships,
    }


# --- /mijn/ -----------------------------------------------------------------------------


def _positions(registrations):
    """{registration id: waiting-list position} for waitlisted registrations (one query)."""
    waiting = [r for r in registrations if r.status == Status.WAITLISTED]
    if not waiting:
        return {}
    rows = Registration.objects.filter(
        session_id__in={r.session_id for r in waiting}, status=Status.WAITLISTED,
    ).order_by("session_id", "queued_at", "id").values_list("id", "session_id")
    positions, seen = {}, defaultdict(int)
    for pk, session_id in rows:
        seen[session_id] += 1
        positions[pk] = seen[session_id]
    return positions


def upcoming_registrations(user):
    now = timezone.now()
    registrations = list(
        Registration.objects.filter(
            user=user, status__in=[Status.REGISTERED, Status.WAITLISTED], session__end__gte=now,
            session__in=visible_pages(user, SessionPage.objects.all()).values("pk"),
        ).select_related("session", "organisation").order_by("session__start")
    )
    positions = _positions(registrations)
    for registration in registrations:
        registration.waitlist_position = positions.get(registration.pk)
        registration.can_cancel = registration.session.start > now
    return registrations


def evaluations_due(user):
    """Attended sessions that ended recently and that the user has not evaluated yet."""
    from learninglines.services import EVALUATION_MAX_AGE, evaluation_path

    now = timezone.now()
    registrations = list(
        Registration.objects.filter(
            user=user, status=Status.ATTENDED, evaluation__isnull=True,
            session__end__lte=now, session__end__gte=now - EVALUATION_MAX_AGE,
        ).select_related("session", "user").order_by("-session__start")
    )
    for registration in registrations:
        registration.evaluation_url = evaluation_path(registration)
    return registrations


def organisation_registrations(user):
    """Upcoming registrations of the organisations this user is an admin of."""
    now = timezone.now()
    return list(
        Registration.objects.filter(
            organisation__in=Membership.objects.filter(
                user=user, role=Membership.Role.ADMIN, organisation__active=True,
            ).values("organisation"),
            status__in=[Status.REGISTERED, Status.WAITLISTED], session__end__gte=now,
        ).select_related("session", "user", "organisation")
        .order_by("session__start", "organisation__name", "user__last_name")
    )


# --- figures ----------------------------------------------------------------------------


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
