from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from memberhub.calendar import add_online_link, calendar_event, ics_response, new_calendar
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
        calendar.add_component(calendar_event(entry))
    return ics_response(calendar, "agenda", attachment=False)


def event_ics(request, event):
    """One member event as an .ics file, with what its page shows (served through the
    page's own route, so only people who may see the page get it)."""
    from memberhub.listings import event_agenda_entry

    calendar = new_calendar(event.title)
    vevent = calendar_event(event_agenda_entry(event))
    if event.online_url:
        add_online_link(vevent, event.online_url, bool(event.location))
    calendar.add_component(vevent)
    response = ics_response(calendar, event.slug)
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response
