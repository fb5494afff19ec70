"""What the line, session and working-group pages show to one user (their ``page_data``,
see :class:`learninglines.models.base.LearningPageMixin`), each in a fixed number of
queries whatever the number of sessions."""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from learninglines.models import (
    Registration,
    SessionPage,
    WorkingGroupMembership,
    WorkingGroupPage,
)
from learninglines.models.choices import Track
from learninglines.permissions import administered_organisations
from learninglines.selectors.registrations import (
    evaluation_path,
    hasattr_evaluation,
    waitlist_position_of,
)
from learninglines.selectors.sessions import (
    PLACE_TAKING,
    Status,
    agenda_index_url,
    below_lines,
    canonical_session,
    places_left,
    registration_closed_reason,
    registration_counts,
    visible_sessions,
)
from memberhub.models import Membership
from portal.cache import audience_key, cached_for_content
from portal.selectors import localized_pages, prefer_current_language
from portal.visibility import visible_pages


@dataclass
class TrackColumn:
    value: str
    label: str
    aim: str
    upcoming: list = field(default_factory=list)
    more_upcoming: int = 0  # upcoming sessions beyond those shown (the agenda lists them)
    past: list = field(default_factory=list)
    working_groups: list = field(default_factory=list)


PAST_SESSIONS_SHOWN = 6
UPCOMING_SESSIONS_SHOWN = 10


def _knowledge_model():
    """knowledge.KnowledgeItemPage if it exists and has its ``learning_lines`` field."""
    try:
        model = apps.get_model("knowledge", "KnowledgeItemPage")
    except LookupError:
        return None
    if not any(f.name == "learning_lines" for f in model._meta.get_fields()):
        return None
    return model


def _first_per_track(sessions, number, *order):
    """[(pk, track, total)]: the first ``number`` of ``sessions`` of each track in this
    order, with the number of sessions of their track (one window query)."""
    ranked = sessions.annotate(
        place=Window(RowNumber(), partition_by=[F("track")], order_by=list(order)),
        total=Window(Count("pk"), partition_by=[F("track")]))
    return list(ranked.filter(place__lte=number).values_list("pk", "track", "total"))


def line_page_data(line, user, knowledge_limit=6):
    """Both tracks of a line with their sessions and working groups, the coordinators,
    the leading organisations and related knowledge items, in a fixed number of queries:
    one per kind, each narrowed to the line's pages before visibility and language."""
    now = timezone.now()
    knowledge_model = _knowledge_model()
    family = below_lines([line.translation_key])[0]

    def shown(model, *filters):
        # Narrowed first, so visibility and language are decided for those rows only.
        return prefer_current_language(visible_pages(user, model.objects.filter(*filters)))

    # Per track the first upcoming sessions and the most recent past ones, ranked in SQL
    # (a line gathers thousands of sessions over the years), and how many more are coming.
    line_sessions = shown(SessionPage, family)
    upcoming = line_sessions.filter(end__gte=now)
    recent = line_sessions.filter(end__lt=now, end__gte=now - timezone.timedelta(days=366))
    first_upcoming = _first_per_track(upcoming, UPCOMING_SESSIONS_SHOWN, F("start").asc(),
                                      F("pk").asc())
    upcoming_counts = {track: total for _pk, track, total in first_upcoming}
    chosen = [pk for pk, _track, _total in first_upcoming] + [
        pk for pk, _track, _total in
        _first_per_track(recent, PAST_SESSIONS_SHOWN, F("start").desc(), F("pk").desc())]
    sessions = list(SessionPage.objects.filter(pk__in=chosen)
                    .prefetch_related("hosts").order_by("start", "pk"))
    groups = list(shown(WorkingGroupPage, family).order_by("title"))
    knowledge_items = []
    if knowledge_model is not None:
        # A line gathers thousands of linked items over the years; the newest few are kept
        # under the content generation per audience and language (any publish, unpublish,
        # move or restriction starts a new one).
        linked = knowledge_model.learning_lines.through.objects.filter(
            learninglinepage__translation_key=line.translation_key).values(
            "knowledgeitempage_id")
        knowledge_items = cached_for_content(
            "learninglines-line-knowledge",
            (audience_key(user), get_language(), str(line.translation_key), knowledge_limit),
            lambda: list(shown(knowledge_model, Q(pk__in=linked))
                         .order_by("-first_published_at")[:knowledge_limit]))
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
        column.past = list(reversed(column.past))
        column.more_upcoming = upcoming_counts.get(column.value, 0) - len(column.upcoming)
    for group in groups:
        if group.track in columns:
            columns[group.track].working_groups.append(group)
    return {
        "tracks": list(columns.values()),
        "coordinators": list(line.coordinators.select_related("organisation")),
        "leading_organisations": list(line.leading_organisations.all()),
        "knowledge_items": knowledge_items,
        # Looked up only when a track has more upcoming sessions than it shows.
        "agenda_url": SimpleLazyObject(agenda_index_url),
    }


def session_page_data(session, user):
    """Everything the session page shows about registration for this user."""
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
                organisation__in=administered_organisations(user),
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
        "working_group": session_working_group(session, user),
    }


def session_working_group(session, user):
    """The session's working group in the current language where a visible translation
    exists (a translated session keeps its source's group: a synchronised field), or
    None when the user may not see any version of it."""
    if not session.working_group_id:
        return None
    found = localized_pages([session.working_group], user)
    return found[0] if found else None


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
