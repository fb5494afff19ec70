"""iCalendar files: the public agenda (/agenda.ics), one session's .ics and one member
event's .ics. Every link in them is absolute, from the site's base URL (portal.links), and
every UID follows portal.agenda.calendar_uid."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar, Event, Timezone

from portal.links import absolute_url

PRODID = "-//Ledenportaal//Agenda//NL"


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # The time zone definition makes the calendar self-contained (and non-empty, as
    # RFC 5545 requires at least one component).
    calendar.add_component(Timezone.from_tzid(settings.TIME_ZONE))
    return calendar


def dtstamp():
    return datetime.now(UTC).replace(microsecond=0)


def calendar_event(entry):
    """An iCalendar VEVENT for an AgendaEntry, in the entry's own time zone."""
    zone = ZoneInfo(entry.timezone)
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", dtstamp())
    event.add("summary", entry.title)
    event.add("dtstart", entry.start.astimezone(zone))
    event.add("dtend", entry.end.astimezone(zone))
    url = absolute_url(entry.url)
    if url:
        event.add("url", url)
    if entry.location:
        event.add("location", entry.location)
    description = entry.description
    if url:
        description = f"{description}\n\n{url}".strip()
    if description:
        event.add("description", description)
    return event


def add_online_link(event, link, has_location):
    """The online meeting link of an entry, for the people who may have it: as the
    CONFERENCE property, in the description, and as the location when there is none."""
    from django.utils.translation import gettext as _

    event.add("conference", link, parameters={"VALUE": "URI"})
    description = str(event.get("description", ""))
    event["description"] = f"{description}\n\n{_('Online')}: {link}".strip()
    if not has_location:
        event["location"] = link


def ics_response(calendar, filename, attachment=True):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.ics"'
    return response
