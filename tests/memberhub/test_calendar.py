"""Calendar files as people download them (issue 12, item 19): a member event's own .ics
(linked from its page), the session .ics and /agenda.ics, with absolute links and one UID
scheme."""

import re

import pytest
from django.test import override_settings
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests.learninglines.factories import make_line, make_session
from tests.memberhub.factories import add_event

pytestmark = pytest.mark.django_db
UID = re.compile(r"^(memberhub-event|learninglines-session)-[0-9a-f-]{36}@ledenportaal$")


def events_of(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def links_in(event):
    text = f"{event.get('description', '')}\n{event.get('url', '')}"
    return re.findall(r"(?:https?://\S+|(?<![\w/])/[\w/.-]+)", text)


def test_event_page_links_its_own_ics_with_absolute_links(client, hub):
    event = add_event(hub["page_a"], title="Netwerkmiddag", online_url="https://meet.example.org/x")
    page = client.get(event.url).content.decode()
    assert f'href="{event.url}ics/"' in page
    (vevent,) = events_of(client.get(event.url + "ics/"))
    assert str(vevent["SUMMARY"]) == "Netwerkmiddag"
    assert str(vevent["URL"]) == "http://testserver" + event.url
    assert UID.match(str(vevent["UID"]))
    assert "https://meet.example.org/x" in str(vevent["DESCRIPTION"])
    # Every link in the file works outside the site: none is a bare path.
    assert links_in(vevent) and all(link.startswith("http") for link in links_in(vevent))
    assert vevent["DTSTART"].dt == event.start.replace(microsecond=0)


def test_session_ics_description_has_an_absolute_link(client, site_structure):
    session = make_session(make_line(site_structure))
    (vevent,) = events_of(client.get(session.url + "ics/"))
    description = str(vevent["DESCRIPTION"])
    assert f"http://testserver{session.url}" in description
    assert all(link.startswith("http") for link in links_in(vevent)), description


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8001")
def test_links_follow_the_base_url_and_uids_do_not(client, hub):
    session = make_session(make_line(hub))
    event = add_event(hub["page_a"])
    agenda = {str(e["UID"]): e for e in events_of(client.get("/agenda.ics"))}
    own = [*events_of(client.get(session.url + "ics/")),
           *events_of(client.get(event.url + "ics/"))]
    # The same UID in the feed and in the entry's own file, one scheme for both kinds, not
    # the host the site happens to run on.
    assert {str(e["UID"]) for e in own} <= set(agenda)
    assert all(UID.match(uid) for uid in agenda), list(agenda)
    for vevent in [*own, *agenda.values()]:
        assert str(vevent["URL"]).startswith("http://127.0.0.1:8001/")
        assert all(link.startswith("http://127.0.0.1:8001/") for link in links_in(vevent))


def test_members_only_event_ics_only_for_members(client, hub, member_a, outsider):
    event = add_event(hub["page_a"], title="Besloten overleg")
    PageViewRestriction.objects.create(page=event, restriction_type="login")
    response = client.get(event.url + "ics/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "Besloten overleg" not in client.get("/agenda.ics").content.decode()
    client.force_login(member_a)
    response = client.get(event.url + "ics/")
    (vevent,) = events_of(response)
    assert str(vevent["SUMMARY"]) == "Besloten overleg"
    assert "private" in response.get("Cache-Control", "")


def test_english_agenda_ics_gives_english_titles_and_addresses(client, hub):
    from django.utils import translation
    from wagtail.models import Locale

    from portal.site_structure import publish_page

    line = make_line(hub)
    session = make_session(line, title="Nederlandse sessie")
    english = session.copy_for_translation(Locale.objects.get(language_code="en"),
                                           copy_parents=True).specific
    english.title = "English session"
    english.save_revision()
    english = publish_page(english).specific
    dutch_only = make_session(line, title="Alleen Nederlands")
    with translation.override("nl"):
        dutch_paths = (dutch_only.url, session.url)

    def summaries(path):
        return {str(e["SUMMARY"]): str(e["URL"]).removeprefix("http://testserver")
                for e in events_of(client.get(path))}

    found = summaries("/en/agenda.ics")
    assert found["English session"] == english.url and english.url.startswith("/en/")
    assert found["Alleen Nederlands"] == f"/en{dutch_paths[0]}"
    assert "Nederlandse sessie" not in found
    dutch = summaries("/agenda.ics")
    assert dutch["Nederlandse sessie"] == dutch_paths[1] and "English session" not in dutch
    # The agenda page of each site offers its own language's calendar.
    assert 'href="/en/agenda.ics"' in client.get("/en/agenda/").content.decode()
    assert 'href="/agenda.ics"' in client.get("/agenda/").content.decode()
