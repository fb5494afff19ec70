from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from memberhub.calendar import calendar_event, new_calendar
from portal.agenda import agenda_entries

FEED_HISTORY_DAYS = 31
FEED_SIZE = 500


@require_GET
def agenda_ics(request):
    """The public agenda (member events and sessions) as an iCalendar feed: what ended in
    the last month and what comes next, at most FEED_SIZE entries (calendar apps keep
    older entries themselves; years of content would make every refresh heavy).

    Always built as a visitor sees the agenda: the feed is shared and cached, so it
    never contains member-only entries.
    """
    calendar = new_calendar(_("Agenda"))
    since = timezone.now() - timedelta(days=FEED_HISTORY_DAYS)
    for entry in agenda_entries(AnonymousUser(), start=since, limit=FEED_SIZE):
        calendar.add_component(calendar_event(entry, request))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
