"""The shared agenda: member events and learning-line sessions in one list.

Apps contribute entries through the Wagtail hook ``register_agenda_source``: a function
``source(user, start=None, end=None, limit=None) -> iterable[AgendaEntry]`` that returns
only what ``user`` may see (built on portal.visibility), soonest first, at most ``limit``
(counted in the database, so "the next three" stays cheap with years of content).
``/agenda/`` and ``/agenda.ics`` combine them.
"""

from dataclasses import dataclass, field
from datetime import datetime

from wagtail import hooks


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
    format: str = ""              # session format, if any
    page_id: int | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)


# The right-hand side of every calendar UID. Fixed, so a UID never changes when the site
# moves host or port (a calendar app would then show the entry twice); the left-hand side
# is the source and the page's translation key, the same for both language versions.
CALENDAR_UID_DOMAIN = "ledenportaal"


def calendar_uid(source, translation_key):
    """The iCalendar UID of an agenda entry: ``<source>-<translation key>@ledenportaal``."""
    return f"{source}-{translation_key}@{CALENDAR_UID_DOMAIN}"


def agenda_entries(user, start=None, end=None, limit=None):
    """The agenda entries the user may see, soonest first (the first ``limit`` of them)."""
    entries = []
    for source in hooks.get_hooks("register_agenda_source"):
        entries.extend(source(user, start=start, end=end, limit=limit))
    entries.sort(key=lambda entry: (entry.start, entry.title))
    return entries if limit is None else entries[:limit]
