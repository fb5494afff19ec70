"""Test data for learning lines: a line under /leerlijnen/ with sessions and groups."""

import datetime
import itertools

from django.utils import timezone

from learninglines.models import LearningLinePage, Registration, SessionPage, WorkingGroupPage
from portal.site_structure import publish_page

_counter = itertools.count(1)


def make_line(site_structure, title="Digital Readiness", slug=None):
    index = site_structure["sections"]["leerlijnen"]
    line = LearningLinePage(title=title, slug=slug or f"line-{next(_counter)}",
                            summary="Over deze lijn.", practitioner_aim="Leren.",
                            leadership_aim="Mandaat.", locale=index.locale)
    index.add_child(instance=line)
    return publish_page(line)


def make_session(line, *, days=10, hours=2, capacity=None, hosts=(), publish=True, **fields):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    number = next(_counter)
    values = {
        "title": f"Sessie {number}", "slug": f"sessie-{number}", "summary": "Samenvatting.",
        "track": "practitioner", "format": "network_session", "start": start,
        "end": start + datetime.timedelta(hours=hours), "location": "Utrecht",
        "capacity": capacity, "locale": line.locale,
    }
    values.update(fields)
    if not publish:
        values["live"] = False
    session = SessionPage(**values)
    line.add_child(instance=session)
    if hosts:
        session.hosts.set(hosts)
    if publish:
        publish_page(session)
    else:
        session.save_revision()
    return SessionPage.objects.get(pk=session.pk)


def make_group(line, **fields):
    number = next(_counter)
    values = {"title": f"Werkgroep {number}", "slug": f"werkgroep-{number}",
              "summary": "Samen leren.", "locale": line.locale}
    values.update(fields)
    group = WorkingGroupPage(**values)
    line.add_child(instance=group)
    return publish_page(group)


def make_registration(session, user, organisation, status=Registration.Status.REGISTERED,
                      **fields):
    return Registration.objects.create(session=session, user=user, organisation=organisation,
                                       status=status, **fields)


def move_to_past(session, days=2):
    """Put a session in the past (as if it took place), bypassing the editor's checks."""
    start = timezone.now() - datetime.timedelta(days=days)
    SessionPage.objects.filter(pk=session.pk).update(start=start,
                                                     end=start + datetime.timedelta(hours=2))
    session.refresh_from_db()
    return session
