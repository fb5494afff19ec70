"""The shared agenda: member events and learning-line sessions in one list.

Apps contribute entries through the Wagtail hook ``register_agenda_source``: a function
``source(user, start=None, end=None, limit=None) -> iterable[AgendaEntry]`` that returns
only what ``user`` may see (built on portal.visibility), soonest first, at most ``limit``
(counted in the database, so "the next three" stays cheap with years of content).
``/agenda/`` (:func:`agenda_context`, rendered by memberhub's EventIndexPage) and
``/agenda.ics`` combine them; every filter of ``/agenda/`` reads the entries' own
attributes, so the agenda knows no app that feeds it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from wagtail import hooks

from portal.filters import FilterForm, listing_context
from portal.languages import language_of
from portal.pagination import paginate


@dataclass(frozen=True)
class AgendaEntry:
    uid: str                      # stable, globally unique (for iCalendar UID)
    title: str
    url: str                      # absolute path on this site
    start: datetime               # aware
    end: datetime                 # aware
    timezone: str = "Europe/Amsterdam"
    location: str = ""
    online: bool = False
    kind: str = ""                # "event", "session", …
    kind_label: str = ""          # translated label for display
    description: str = ""
    organisations: tuple = ()     # organisation names
    learning_line: str = ""       # learning line title, if any
    track: str = ""               # "practitioner" / "leadership", if any
    format: str = ""              # session format, if any (its label: extra["format_label"],
                                  # the track's: extra["track_label"])
    page_id: int | None = None
    language: str = ""            # the page's language ("nl", "en"): marked when not the site's
    extra: dict = field(default_factory=dict, compare=False, hash=False)


# The right-hand side of every calendar UID. Fixed, so a UID never changes when the site
# moves host or port (a calendar app would then show the entry twice); the left-hand side
# is the source and the page's translation key, the same for both language versions.
CALENDAR_UID_DOMAIN = "ledenportaal"


def calendar_uid(source, translation_key):
    """The iCalendar UID of an agenda entry: ``<source>-<translation key>@ledenportaal``."""
    return f"{source}-{translation_key}@{CALENDAR_UID_DOMAIN}"


def scheduled_page_entry(page, source, **attributes):
    """The agenda entry of a page with a start, end and time zone (portal.scheduling):
    its UID, title, address and times; ``attributes`` give the rest of AgendaEntry."""
    return AgendaEntry(
        uid=calendar_uid(source, page.translation_key),
        title=page.title,
        url=page.url or "",
        start=page.start,
        end=page.end,
        timezone=page.timezone,
        page_id=page.pk,
        language=language_of(page),
        **attributes,
    )


def agenda_entries(user, start=None, end=None, limit=None):
    """The agenda entries the user may see, soonest first (the first ``limit`` of them)."""
    entries = []
    for source in hooks.get_hooks("register_agenda_source"):
        entries.extend(source(user, start=start, end=end, limit=limit))
    entries.sort(key=lambda entry: (entry.start, entry.title))
    return entries if limit is None else entries[:limit]


# --- /agenda/ ---------------------------------------------------------------------------

AGENDA_FILTERS = ["organisation", "theme", "learning_line", "track", "format", "month"]


def agenda_context(request, options, per_page=20):
    """/agenda/: upcoming entries (or, with ?when=past, past ones, most recent first)
    from every agenda source, filtered on the entries' own attributes.

    ``options`` holds the choices of the organisation, theme and learning-line filters
    (slug, label) as the listings offer them; track, format and month are offered as
    the entries have them."""
    now = timezone.now()
    past = request.GET.get("when") == "past"
    entries = agenda_entries(request.user, end=now) if past else agenda_entries(
        request.user, start=now)
    if past:
        entries = [entry for entry in entries if entry.end < now]
        entries.reverse()
    else:
        entries = [entry for entry in entries if entry.end >= now]
    extra = {
        # The labels the sources gave in the current language (never the stored value).
        "track": sorted({(e.track, str(e.extra.get("track_label") or e.track))
                         for e in entries if e.track}),
        "format": sorted({(e.format, str(e.extra.get("format_label") or e.format))
                          for e in entries if e.format}),
        "month": sorted({_month_choice(e.start) for e in entries}, reverse=past),
    }
    form = FilterForm(request.GET, AGENDA_FILTERS, options, extra)
    filters = form.active_filters()
    organisation_names = dict(options["organisation"])
    line_titles = dict(options["learning_line"])
    entries = [entry for entry in entries
               if _entry_matches(entry, filters, organisation_names, line_titles)]
    context = listing_context(request, form, paginate(request, entries, per_page))
    context["past"] = past
    return context


def _entry_matches(entry, filters, organisation_names, line_titles):
    if filters.get("organisation") and organisation_names.get(
            filters["organisation"]) not in entry.organisations:
        return False
    if filters.get("theme") and filters["theme"] not in entry.extra.get("themes", ()):
        return False
    line = filters.get("learning_line") or filters.get("line")
    if line:
        slugs = entry.extra.get("learning_lines", ())
        title = line_titles.get(line, line)
        if line not in slugs and entry.learning_line != title \
                and title not in entry.learning_line.split(", "):
            return False
    if filters.get("track") and entry.track != filters["track"]:
        return False
    if filters.get("format") and entry.format != filters["format"]:
        return False
    if filters.get("month"):
        local = entry.start.astimezone(timezone.get_current_timezone())
        if f"{local.year:04d}-{local.month:02d}" != filters["month"]:
            return False
    return True


def _month_choice(moment):
    local = moment.astimezone(timezone.get_current_timezone())
    return (f"{local.year:04d}-{local.month:02d}", date_format(local, "F Y"))
