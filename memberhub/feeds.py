from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from memberhub.calendar import new_calendar


@require_GET
def agenda_ics(request):
    """All public agenda entries as an iCalendar feed. Entries are added by the
    member hub (events) and learning lines (sessions) issues."""
    calendar = new_calendar(_("Agenda"))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
