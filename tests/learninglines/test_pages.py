"""Session, line, working-group and /mijn/ pages: what each person sees and can do."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from learninglines.models import Registration, WorkingGroupMembership
from portal.agenda import agenda_entries
from tests.factories import MembershipFactory, OrganisationFactory
from tests.learninglines.factories import (
    make_group,
    make_registration,
    make_session,
    move_to_past,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_one_click_registration_and_cancel(client, session, member, organisation):
    client.force_login(member)
    response = client.post(session.url + "register/", follow=True)
    assert response.status_code == 200
    assert Registration.objects.get().status == Status.REGISTERED
    assert messages_of(response) == ["Je bent aangemeld. Een bevestiging met een agendabestand "
                                     "is onderweg naar je e-mail."]
    response = client.post(session.url + "cancel/", {"next": "/mijn/"})
    assert response.status_code == 302 and response["Location"] == "/mijn/"
    assert Registration.objects.get().status == Status.CANCELLED


def test_register_for_someone_else_is_refused(client, session, member, organisation):
    colleague = MembershipFactory(organisation=organisation).user
    client.force_login(member)
    response = client.post(session.url + "register/", {"user": colleague.pk}, follow=True)
    assert not Registration.objects.exists()
    assert messages_of(response) == ["Je kunt alleen jezelf aanmelden, niet iemand anders."]


def test_bad_organisation_values_give_a_message(client, session, member_with_two):
    client.force_login(member_with_two)
    for value in ("", "abc", "999999"):
        response = client.post(session.url + "register/", {"organisation": value}, follow=True)
        assert response.status_code == 200
        assert messages_of(response) == ["Kies de organisatie waarvoor je deelneemt."]
    assert not Registration.objects.exists()


def test_anonymous_post_goes_to_login(client, session):
    response = client.post(session.url + "register/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(session.url + "register/").status_code == 302


def test_online_link_only_for_registered(client, line, member, organisation):
    session = make_session(line, online_link="https://meet.example.org/geheim")
    assert "meet.example.org/geheim" not in client.get(session.url).content.decode()
    client.force_login(member)
    assert "meet.example.org/geheim" not in client.get(session.url).content.decode()
    make_registration(session, member, organisation)
    assert "meet.example.org/geheim" in client.get(session.url).content.decode()
    ics = client.get(session.url + "ics/").content.decode()
    assert "meet.example.org/geheim" not in ics
    entries = agenda_entries(AnonymousUser())
    assert all("geheim" not in repr(entry) for entry in entries)


def test_waitlisted_person_does_not_see_the_link(client, line, member, organisation):
    session = make_session(line, online_link="https://meet.example.org/geheim", capacity=1)
    make_registration(session, MembershipFactory(organisation=organisation).user, organisation)
    make_registration(session, member, organisation, status=Status.WAITLISTED)
    client.force_login(member)
    body = client.get(session.url).content.decode()
    assert "meet.example.org/geheim" not in body
    assert "(positie 1)" in body


def test_draft_and_private_sessions_never_leak(client, line, member):
    from wagtail.models import PageViewRestriction

    draft = make_session(line, publish=False, title="Geheime conceptsessie")
    private = make_session(line, title="Besloten sessie")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert draft.url  # a draft still has its address, which must not answer
    assert client.get(draft.url).status_code == 404
    assert client.get(private.url).status_code == 302
    page = client.get(line.url).content.decode()
    assert "Geheime conceptsessie" not in page and "Besloten sessie" not in page
    titles = [e.title for e in agenda_entries(AnonymousUser())]
    assert "Besloten sessie" not in titles and "Geheime conceptsessie" not in titles
    ics = client.get("/agenda.ics").content.decode()
    assert "Besloten sessie" not in ics
    assert "Besloten sessie" in [e.title for e in agenda_entries(member)]
    client.force_login(member)
    assert "Besloten sessie" in client.get(line.url).content.decode()


def test_session_ics_is_valid_icalendar(client, line):
    session = make_session(line, timezone="Africa/Nairobi")
    response = client.get(session.url + "ics/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event["UID"] and event["DTSTAMP"]
    assert event["DTSTART"].params["TZID"] == "Africa/Nairobi"
    assert event["DTSTART"].dt == session.start
    assert calendar.walk("VTIMEZONE")


def test_agenda_feed_contains_sessions_with_line_track_format(client, session, line):
    entries = [e for e in agenda_entries(AnonymousUser()) if e.kind == "session"]
    assert entries[0].learning_line == line.title
    assert entries[0].track == "practitioner" and entries[0].format == "network_session"
    calendar = Calendar.from_ical(client.get("/agenda.ics").content)
    uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    assert entries[0].uid in uids


def test_agenda_source_filters_by_period(line):
    import datetime

    from django.utils import timezone

    soon, later = make_session(line, days=3), make_session(line, days=60)
    now = timezone.now()
    found = agenda_entries(AnonymousUser(), start=now, end=now + datetime.timedelta(days=30))
    assert [e.page_id for e in found] == [soon.pk]
    assert later.pk not in [e.page_id for e in found]


def test_org_admin_sees_registrations_of_own_organisation(client, session, org_admin,
                                                          organisation, other_organisation):
    colleague = MembershipFactory(organisation=organisation).user
    stranger = MembershipFactory(organisation=other_organisation).user
    make_registration(session, colleague, organisation)
    make_registration(session, stranger, other_organisation)
    client.force_login(org_admin)
    body = client.get(session.url).content.decode()
    assert colleague.last_name in body and stranger.last_name not in body
    mijn = client.get("/mijn/").content.decode()
    assert colleague.last_name in mijn and stranger.last_name not in mijn


def test_mijn_lists_registrations_waitlist_and_evaluations_due(client, line, member,
                                                             organisation):
    upcoming = make_session(line, title="Komende sessie", capacity=1)
    make_registration(upcoming, MembershipFactory(organisation=organisation).user, organisation)
    make_registration(upcoming, member, organisation, status=Status.WAITLISTED)
    past = move_to_past(make_session(line, title="Afgelopen sessie"))
    make_registration(past, member, organisation, status=Status.ATTENDED)
    client.force_login(member)
    body = client.get("/mijn/").content.decode()
    assert "Komende sessie" in body
    assert "(positie 1)" in body
    assert "Afgelopen sessie" in body and "/evaluatie/" in body


def test_working_group_join_consent_and_leave(client, line, member, organisation):
    group = make_group(line)
    client.force_login(member)
    client.post(group.url + "join/", {"organisation": organisation.pk})
    membership = WorkingGroupMembership.objects.get()
    assert membership.show_name is False
    body = client.get(group.url).content.decode()
    assert organisation.name in body
    # Without consent the person is not listed by name; the organisation is.
    section = body.split('id="wg-organisations"')[1].split('id="wg-join"')[0]
    assert member.last_name and organisation.name in section
    assert member.last_name not in section and "Deelnemers" not in section
    client.logout()
    public = client.get(group.url).content.decode()
    assert organisation.name in public and member.last_name not in public
    client.force_login(member)
    client.post(group.url + "join/", {"organisation": organisation.pk, "show_name": "on"})
    client.logout()
    assert member.last_name in client.get(group.url).content.decode()
    client.force_login(member)
    client.post(group.url + "leave/")
    assert not WorkingGroupMembership.objects.exists()


def test_working_group_refuses_inactive_organisation(client, line):
    inactive = OrganisationFactory(active=False)
    user = MembershipFactory(organisation=inactive).user
    group = make_group(line)
    client.force_login(user)
    response = client.post(group.url + "join/", {"organisation": inactive.pk}, follow=True)
    assert messages_of(response) == [f"{inactive.name} is geen actieve lidorganisatie meer; "
                                     "je kunt niet namens die organisatie deelnemen."]
    assert not WorkingGroupMembership.objects.exists()


def test_working_group_lists_its_sessions(client, line):
    group = make_group(line)
    make_session(line, title="Werkgroepbijeenkomst", working_group=group)
    assert "Werkgroepbijeenkomst" in client.get(group.url).content.decode()


def test_english_line_page_shows_dutch_sessions(client, site_structure, line):
    from wagtail.models import Locale

    from portal.site_structure import ensure_translation

    make_session(line, title="Nederlandse sessie")
    english = ensure_translation(line, Locale.objects.get(language_code="en"),
                                 {"title": "Digital Readiness"})
    body = client.get(english.url).content.decode()
    assert "Nederlandse sessie" in body


def test_index_page_year_agenda_and_bad_year(client, site_structure, line):
    make_session(line, title="Sessie in de agenda")
    index = site_structure["sections"]["leerlijnen"]
    assert "Sessie in de agenda" in client.get(index.url).content.decode()
    for bad in ("abc", "-1", "99999", "2026'"):
        assert client.get(index.url, {"year": bad}).status_code == 200


def test_index_page_shows_a_busy_month_in_part_and_links_to_the_rest(
        client, site_structure, line, monkeypatch):
    from learninglines.selectors import sessions

    monkeypatch.setattr(sessions, "YEAR_AGENDA_PER_MONTH", 2)
    start = timezone.now().replace(day=10, hour=10, minute=0, second=0, microsecond=0)
    start += datetime.timedelta(days=40)  # a whole month in the future
    start = start.replace(day=10)
    for number in range(3):
        make_session(line, title=f"Drukke sessie {number}",
                     start=start + datetime.timedelta(days=number),
                     end=start + datetime.timedelta(days=number, hours=2))
    index = site_structure["sections"]["leerlijnen"]
    html = client.get(index.url, {"year": start.year}).content.decode()
    assert "Drukke sessie 0" in html and "Drukke sessie 1" in html
    assert "Drukke sessie 2" not in html
    assert "Nog 1 sessie deze maand in de agenda" in html
    assert f'href="/agenda/?month={start:%Y-%m}"' in html


def test_index_year_agenda_follows_publish_unpublish_and_restriction(
        client, site_structure, line, member):
    """The year agenda is kept under the content generation: what a visitor and a member
    see on /leerlijnen/ changes with the next publish, unpublish or restriction."""
    from wagtail.models import PageViewRestriction

    index = site_structure["sections"]["leerlijnen"]
    # Past, so that only the year agenda shows them (the plan shows upcoming sessions).
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(days=20)
    year = timezone.localtime(start).year
    make_session(line, title="Eerste sessie", start=start,
                 end=start + datetime.timedelta(hours=2))

    def seen(title, who=None):
        client.logout()
        if who is not None:
            client.force_login(who)
        return title in client.get(index.url, {"year": year}).content.decode()

    assert seen("Eerste sessie") and seen("Eerste sessie", member)
    second = make_session(line, title="Tweede sessie", start=start,
                          end=start + datetime.timedelta(hours=1))
    assert seen("Tweede sessie") and seen("Tweede sessie", member)
    PageViewRestriction.objects.create(page=second, restriction_type="login")
    assert not seen("Tweede sessie")
    assert seen("Tweede sessie", member)
    second.unpublish()
    assert not seen("Tweede sessie", member) and not seen("Tweede sessie")
    assert seen("Eerste sessie")


def test_line_knowledge_items_follow_publish_unpublish_and_restriction(
        client, site_structure, line, member):
    """The newest knowledge items of a line are kept under the content generation: what a
    visitor and a member see on the line page changes with the next publish, restriction
    and unpublish."""
    from wagtail.models import PageViewRestriction

    from tests.knowledge.factories import make_item

    kennisbank = site_structure["sections"]["kennisbank"]
    make_item(kennisbank, "Eerste handreiking", lines=[line])

    def seen(title, who=None):
        client.logout()
        if who is not None:
            client.force_login(who)
        response = client.get(line.url)
        assert response.status_code == 200
        return title in response.content.decode()

    assert seen("Eerste handreiking") and seen("Eerste handreiking", member)
    second = make_item(kennisbank, "Tweede handreiking", lines=[line])
    assert seen("Tweede handreiking") and seen("Tweede handreiking", member)
    PageViewRestriction.objects.create(page=second, restriction_type="login")
    assert not seen("Tweede handreiking")
    assert seen("Tweede handreiking", member)
    second.unpublish()
    assert not seen("Tweede handreiking", member) and not seen("Tweede handreiking")
    assert seen("Eerste handreiking")


def _queries(client, url):
    client.get(url)  # warm the shared caches (site root paths, settings) as on a running site
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _fill(line, organisation, count):
    group = make_group(line)
    for number in range(count):
        host = OrganisationFactory()
        session = make_session(line, days=number - count // 2, hosts=[host, organisation],
                               working_group=group, track=("practitioner", "leadership")
                               [number % 2], capacity=5)
        make_registration(session, MembershipFactory(organisation=organisation).user,
                          organisation)


@pytest.mark.parametrize("who", ["anonymous", "member", "org_admin"])
def test_query_counts_are_fixed(client, site_structure, line, organisation, who, request):
    session = make_session(line, hosts=[organisation], capacity=3)
    if who != "anonymous":
        user = request.getfixturevalue(who)
        make_registration(session, user, organisation)
        client.force_login(user)
    index = site_structure["sections"]["leerlijnen"]
    urls = [line.url, session.url, index.url]
    _fill(line, organisation, 2)
    small = [_queries(client, url) for url in urls]
    _fill(line, organisation, 12)
    large = [_queries(client, url) for url in urls]
    assert small == large
    # The shared site shell (routing, navigation, breadcrumbs, language switch, settings)
    # costs what a plain section page costs; these pages add at most 15 queries to it.
    shell = _queries(client, site_structure["sections"]["nieuws"].url)
    assert max(large) - shell <= 15, (large, shell)
    if who == "anonymous":  # the speed budget for public pages, shell included
        assert max(large) <= 15, large


def test_agenda_feed_keeps_recent_and_coming_sessions_only(client, site_structure, line):
    make_session(line, title="Lang geleden", days=-60)
    make_session(line, title="Vorige week", days=-7)
    make_session(line, title="Volgende week", days=7)
    ics = client.get("/agenda.ics").content.decode()
    assert "Vorige week" in ics and "Volgende week" in ics
    assert "Lang geleden" not in ics


def test_english_session_links_its_working_group_in_english(client, site_structure, line):
    """The working group is synchronised from the Dutch session (wagtail-localize), so the
    English session's field holds the Dutch group: the page shows the group's English
    version where it is visible, else the Dutch one under its English address, marked."""
    import re

    from django.utils import translation
    from wagtail.models import Locale

    from portal.site_structure import ensure_translation

    english_locale = Locale.objects.get(language_code="en")
    group = make_group(line, title="Werkgroep AI")
    session = make_session(line, title="Bijeenkomst", working_group=group)
    ensure_translation(line, english_locale, {"title": "Digital Readiness"})
    english_group = ensure_translation(group, english_locale, {"title": "AI working group"})
    english = ensure_translation(session, english_locale, {"title": "Meeting"})
    assert english.specific.working_group_id == group.pk

    def group_link(url):
        html = client.get(url).content.decode()
        found = re.search(r"<dt>Working group</dt><dd><a href=\"([^\"]+)\"([^>]*)>([^<]+)</a>",
                          html)
        return found and (found.group(1), found.group(2).strip(), found.group(3))

    with translation.override("nl"):
        dutch_path = group.url
    assert group_link(english.url) == (english_group.url, "", "AI working group")
    english_group.unpublish()
    assert group_link(english.url) == (f"/en{dutch_path}", 'lang="nl" hreflang="nl"',
                                       "Werkgroep AI")


def test_a_busy_line_shows_its_next_sessions_and_links_the_rest_in_the_agenda(
        client, site_structure, line):
    """A line gathers sessions for years: its page shows the next ten of a track, soonest
    first, and links the agenda filtered on the line and track for the others."""
    from learninglines.selectors.pages import UPCOMING_SESSIONS_SHOWN

    for number in range(UPCOMING_SESSIONS_SHOWN + 3):
        make_session(line, title=f"Praktijksessie {number:02d}", days=number + 1,
                     track="practitioner")
    html = client.get(line.url).content.decode()
    shown = [f"Praktijksessie {number:02d}" for number in range(UPCOMING_SESSIONS_SHOWN)]
    assert [html.index(title) for title in shown] == sorted(html.index(title) for title in shown)
    assert f"Praktijksessie {UPCOMING_SESSIONS_SHOWN:02d}" not in html
    assert "en nog 3 sessies" in html
    agenda = f"/agenda/?learning_line={line.slug}&amp;track=practitioner"
    assert agenda in html
    response = client.get(agenda.replace("&amp;", "&"))
    assert f"Praktijksessie {UPCOMING_SESSIONS_SHOWN + 2:02d}" in response.content.decode()
