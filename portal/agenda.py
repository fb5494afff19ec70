"""The shared agenda: member events and learning-line sessions in one list.

Apps contribute through the Wagtail hook ``register_agenda_source``: an
:class:`AgendaSource`, which gives the agenda a queryset of pages with ``start``, ``end``
and ``title`` that a user may see (built on portal.visibility), narrows it by the
agenda's filters in SQL and turns a slice of it into :class:`AgendaEntry` objects. The
agenda itself orders, counts and slices in the database, so ``/agenda/`` (page 1 or
page 50), the home page's "next three" and ``/agenda.ics`` read only the rows they
show, however many years of entries there are. ``/agenda/`` is :func:`agenda_context`,
rendered by memberhub's EventIndexPage; the agenda knows no app that feeds it.
"""

import heapq
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from wagtail import hooks

from portal.cache import audience_key, cached_for_content
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


class AgendaSource:
    """What an app gives the agenda (an instance, registered with the hook
    ``register_agenda_source``). Every method reads; none of them may import another
    feature app."""

    def visible(self, user):
        """A queryset of the pages the user may see (portal.visibility), one language
        version each, with ``start``, ``end`` and ``title`` fields."""
        raise NotImplementedError

    def narrow(self, queryset, filters):
        """``queryset`` narrowed by the agenda's filters (``organisation``, ``theme`` and
        ``learning_line`` slugs, ``track``, ``format``; only those given are in
        ``filters``), or None when no entry of this kind can match them."""
        raise NotImplementedError

    def entries(self, rows):
        """The agenda entries of ``rows`` (an ordered slice of the queryset), in order."""
        raise NotImplementedError

    def choices(self, queryset):
        """{"track": {(value, label)}, "format": {...}}: what the entries in ``queryset``
        offer in those menus, labels in the current language."""
        return {}


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


def agenda_sources():
    return hooks.get_hooks("register_agenda_source")


def _window(queryset, start=None, end=None):
    """Entries overlapping [start, end)."""
    if start is not None:
        queryset = queryset.filter(end__gte=start)
    if end is not None:
        queryset = queryset.filter(start__lt=end)
    return queryset


class MergedAgenda:
    """The entries of several sources as one ordered sequence, for the paginator: its
    length is the sources' counts added up, and a slice reads from each source only the
    rows up to the slice's end (so page 1 of 100,000 entries reads 20 rows a source)."""

    def __init__(self, parts, newest_first=False):
        direction = "-" if newest_first else ""
        self.parts = [(source, queryset.order_by(f"{direction}start", f"{direction}title",
                                                 f"{direction}pk"))
                      for source, queryset in parts]
        self.newest_first = newest_first
        self._count = None

    def count(self):
        if self._count is None:
            self._count = sum(queryset.count() for _source, queryset in self.parts)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("MergedAgenda supports plain slices only")
        stop = index.stop if index.stop is not None else self.count()
        lists = [source.entries(queryset[:stop]) for source, queryset in self.parts]
        merged = heapq.merge(*lists, key=_order_key, reverse=self.newest_first)
        return list(merged)[index]


def _order_key(entry):
    return (entry.start, entry.title)


def agenda_entries(user, start=None, end=None, limit=None):
    """The agenda entries the user may see overlapping [start, end), soonest first (the
    first ``limit`` of them): the home page, the feeds, /agenda.ics."""
    merged = MergedAgenda([(source, _window(source.visible(user), start, end))
                           for source in agenda_sources()])
    return merged[:limit] if limit is not None else merged[:merged.count()]


# --- /agenda/ ---------------------------------------------------------------------------

AGENDA_FILTERS = ["organisation", "theme", "learning_line", "track", "format", "month"]
# The menus offer the track, format and month of what is on the agenda now, remembered
# under the content generation and for at most this long (entries pass with the clock).
MENU_SECONDS = 300


def agenda_context(request, options, per_page=20):
    """/agenda/: upcoming entries (or, with ?when=past, past ones, most recent first)
    from every agenda source, filtered, counted and paged in the database.

    ``options`` holds the choices of the organisation, theme and learning-line filters
    (slug, label) as the listings offer them; track, format and month are offered as
    the entries have them."""
    now = timezone.now()
    past = request.GET.get("when") == "past"
    sources = agenda_sources()
    parts = [(source, source.visible(request.user).filter(
        **({"end__lt": now} if past else {"end__gte": now}))) for source in sources]
    form = FilterForm(request.GET, AGENDA_FILTERS, options,
                      _menus(request.user, parts, past, now))
    filters = form.active_filters()
    month = filters.pop("month", None)
    narrowed = []
    for source, queryset in parts:
        queryset = source.narrow(queryset, filters) if filters else queryset
        if queryset is not None:
            narrowed.append((source, _in_month(queryset, month) if month else queryset))
    listing = paginate(request, MergedAgenda(narrowed, newest_first=past), per_page)
    context = listing_context(request, form, listing)
    context["past"] = past
    return context


def _menus(user, parts, past, now):
    from django.utils.translation import get_language

    def compute():
        menus = {"track": set(), "format": set(), "month": set()}
        zone = timezone.get_current_timezone()
        for source, queryset in parts:
            for name, values in source.choices(queryset).items():
                menus[name] |= {(value, str(label)) for value, label in values}
            months = queryset.annotate(month=TruncMonth("start", tzinfo=zone)).order_by(
                ).values_list("month", flat=True).distinct()
            menus["month"] |= {_month_choice(moment) for moment in months}
        return {"track": sorted(menus["track"]), "format": sorted(menus["format"]),
                "month": sorted(menus["month"], reverse=past)}

    return cached_for_content("agenda-menus", (audience_key(user), get_language(), past),
                              compute, timeout=MENU_SECONDS)


def _in_month(queryset, month):
    """Entries starting in the month ``YYYY-MM`` (in the site's time zone)."""
    zone = timezone.get_current_timezone()
    year, number = int(month[:4]), int(month[5:7])
    first = datetime(year, number, 1, tzinfo=zone)
    following = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=zone)
    return queryset.filter(start__gte=first, start__lt=following)


def _month_choice(moment):
    local = timezone.localtime(moment)
    return (f"{local.year:04d}-{local.month:02d}", date_format(local, "F Y"))
