from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from memberhub.calendar import calendar_event, new_calendar
from portal.agenda import agenda_entries


@require_GET
def agenda_ics(request):
    """Every public agenda entry (member events and sessions) as an iCalendar feed.

    Always built as a visitor sees the agenda: the feed is shared and cached, so it
    never contains member-only entries.
    """
    calendar = new_calendar(_("Agenda"))
    for entry in agenda_entries(AnonymousUser()):
        calendar.add_component(calendar_event(entry, request))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
