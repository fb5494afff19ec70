"""The menu marks the section a page belongs to, and event dates read the way people write
them: a news item lives under its organisation in /leden/ but is news; a same-day event
shows one date; the time zone appears only when it is not the site's."""

import datetime
import re

import pytest

from tests.memberhub.factories import add_event, add_news


@pytest.fixture
def menu(hub):
    """The section pages in the menu, as on the real site (the fallback menu lists the
    home page's children that are shown in menus)."""
    hub["home"].get_children().update(show_in_menus=True)
    return hub


def _current_menu_links(html):
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)" aria-current="(?:page|true)"', nav)


@pytest.mark.django_db
def test_menu_marks_news_not_members_on_a_news_item(client, menu, hub):
    item = add_news(hub["page_a"], "Nieuw bestuur gekozen")
    html = client.get(item.url).content.decode()
    assert _current_menu_links(html) == ["/nieuws/"]


@pytest.mark.django_db
def test_menu_marks_members_on_an_organisation_page_and_the_page_itself(client, menu,
                                                                              hub):
    assert _current_menu_links(client.get(hub["page_a"].url).content.decode()) == ["/leden/"]
    html = client.get("/nieuws/").content.decode()
    assert 'href="/nieuws/" aria-current="page"' in html


def _at(day, hour, zone="Europe/Amsterdam"):
    from zoneinfo import ZoneInfo

    return datetime.datetime(2026, 12, day, hour, tzinfo=ZoneInfo(zone))


def _when(client, event):
    html = client.get(event.url).content.decode()
    dd = re.search(r"<dt>Wanneer</dt>\s*<dd>(.*?)</dd>", html, re.S).group(1)
    return re.sub(r"<[^>]+>", "", dd)


@pytest.mark.django_db
def test_same_day_event_shows_one_date_and_no_site_time_zone(client, hub):
    event = add_event(hub["page_a"], "Netwerkmiddag")
    event.start, event.end = _at(15, 14), _at(15, 16)
    event.save_revision().publish()
    assert _when(client, event) == "dinsdag 15 december 2026, 14:00–16:00"


@pytest.mark.django_db
def test_event_over_days_and_in_another_zone_says_both(client, hub):
    event = add_event(hub["page_a"], "Conferentie", zone="Africa/Nairobi")
    event.start = _at(15, 9, "Africa/Nairobi")
    event.end = _at(16, 17, "Africa/Nairobi")
    event.save_revision().publish()
    assert _when(client, event) == ("dinsdag 15 december 2026, 09:00 – woensdag 16 december "
                                    "2026, 17:00 (Africa/Nairobi)")
