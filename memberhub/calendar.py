"""The public agenda as iCalendar (/agenda.ics)."""

from datetime import UTC, datetime

from django.conf import settings
from icalendar import Calendar, Timezone

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
