"""/agenda/ (portal.agenda, rendered by memberhub's EventIndexPage and fed by its events and
learninglines' sessions through register_agenda_source): every filter narrows both kinds."""

import datetime

import pytest

from tests.learninglines.factories import make_line, make_session
from tests.memberhub.factories import add_event

pytestmark = pytest.mark.django_db


def titles(client, url):
    # Titles unlike the format names, which the filter menu shows in Dutch.
    html = client.get(url).content.decode()
    return {title for title in ("Netwerksessie AI", "Leiderschapsdialoog AI", "Ledenbijeenkomst")
            if title in html}


def test_agenda_filters_on_format_track_learning_line_and_organisation(client, hub):
    line = make_line(hub, title="Digital Readiness", slug="digital-readiness")
    make_session(line, title="Netwerksessie AI", days=3)
    make_session(line, title="Leiderschapsdialoog AI", days=4, track="leadership",
                 format="leadership_dialogue")
    event = add_event(hub["page_a"], "Ledenbijeenkomst", days=5)

    everything = {"Netwerksessie AI", "Leiderschapsdialoog AI", "Ledenbijeenkomst"}
    assert titles(client, "/agenda/") == everything
    assert titles(client, "/agenda/?format=leadership_dialogue") == {"Leiderschapsdialoog AI"}
    assert titles(client, "/agenda/?track=practitioner") == {"Netwerksessie AI"}
    assert titles(client, "/agenda/?learning_line=digital-readiness") == {
        "Netwerksessie AI", "Leiderschapsdialoog AI"}
    assert titles(client, f"/agenda/?organisation={event.organisation.slug}") == {
        "Ledenbijeenkomst"}

    html = client.get("/agenda/").content.decode()
    # The menus offer what the entries have, in the page's language.
    assert 'value="leadership_dialogue"' in html and 'value="digital-readiness"' in html
    assert "Alle" in html and 'lang="nl"' in html
    # An unknown value is reported on its field and filters nothing.
    assert titles(client, "/agenda/?format=nonsense") == everything


@pytest.mark.parametrize("prefix, shown, absent", [
    ("", ["Leiderschapsdialoog</option>", "Intervisiebijeenkomst</option>"],
     ["Leadership dialogue", "Peer space"]),
    ("/en", ["Leadership dialogue</option>", "Peer space</option>"],
     ["Leiderschapsdialoog</option>", "Intervisiebijeenkomst"]),
])
def test_the_format_and_track_menus_are_in_the_pages_language(client, hub, prefix, shown,
                                                              absent):
    from django.utils import translation

    line = make_line(hub, title="Digital Readiness", slug="digital-readiness")
    make_session(line, title="Dialoog", days=4, track="leadership",
                 format="leadership_dialogue")
    make_session(line, title="Intervisie", days=5, format="peer_space")
    with translation.override("en" if prefix else "nl"):
        agenda = hub["sections"]["agenda"].localized if prefix else hub["sections"]["agenda"]
        url = agenda.url
    html = client.get(url).content.decode()
    assert html.count("<option") > 2
    for text in shown:
        assert text in html, text
    for text in absent:
        assert text not in html, text


def test_the_theme_filter_finds_sessions_and_events_of_that_theme(client, hub):
    from portal.models import ThemeTag

    theme = ThemeTag.objects.create(name="Klimaat", slug="klimaat")
    line = make_line(hub, title="Digital Readiness", slug="digital-readiness")
    session = make_session(line, title="Netwerksessie AI", days=3)
    session.themes.add(theme)
    session.save_revision().publish()
    make_session(line, title="Leiderschapsdialoog AI", days=4)
    event = add_event(hub["page_a"], "Ledenbijeenkomst", days=5)
    event.themes.add(theme)
    event.save_revision().publish()
    assert titles(client, "/agenda/?theme=klimaat") == {"Netwerksessie AI", "Ledenbijeenkomst"}


def _shown(html, titles_in_order):
    """The given titles that the page shows, in the order it shows them."""
    found = [(html.index(f">{title}<"), title) for title in titles_in_order
             if f">{title}<" in html]
    return [title for _position, title in sorted(found)]


def test_agenda_pages_mix_both_kinds_in_date_order_across_pages(client, hub):
    line = make_line(hub, title="Digital Readiness", slug="digital-readiness")
    expected = []
    for day in range(1, 26):  # 25 entries, every other one a session
        title = f"Punt {day:02d}"
        if day % 2:
            make_session(line, title=title, slug=f"punt-{day}", days=day)
        else:
            add_event(hub["page_a"], title, days=day)
        expected.append(title)
    first = client.get("/agenda/").content.decode()
    second = client.get("/agenda/?page=2").content.decode()
    assert _shown(first, expected) == expected[:20]
    assert _shown(second, expected) == expected[20:]
    # Past the last page: the last page (portal.pagination), never an error.
    assert _shown(client.get("/agenda/?page=99").content.decode(), expected) == expected[20:]


def test_past_entries_most_recent_first_and_the_month_filter(client, hub):
    from django.utils import timezone

    line = make_line(hub, title="Digital Readiness", slug="digital-readiness")
    make_session(line, title="Oude sessie", slug="oude-sessie", days=-40)
    add_event(hub["page_a"], "Recent evenement", days=-2)
    add_event(hub["page_a"], "Komend evenement", days=3)
    past = client.get("/agenda/?when=past").content.decode()
    assert _shown(past, ["Oude sessie", "Recent evenement", "Komend evenement"]) == [
        "Recent evenement", "Oude sessie"]
    coming = timezone.localtime(timezone.now() + datetime.timedelta(days=3))
    month = f"{coming:%Y-%m}"
    html = client.get(f"/agenda/?month={month}").content.decode()
    assert f'value="{month}"' in html
    assert "Komend evenement" in html and "Oude sessie" not in html


def test_the_agenda_runs_a_fixed_number_of_queries(client, hub):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    line = make_line(hub, title="Digital Readiness", slug="digital-readiness")

    def fill(count, first_day):
        for day in range(first_day, first_day + count):
            make_session(line, title=f"Sessie {day}", slug=f"s-{day}", days=day,
                         hosts=[hub["page_a"].organisation])
            add_event(hub["page_a"], f"Evenement {day}", days=day)

    def queries(url):
        client.get(url)  # warm the per-process caches and the menus
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    urls = ["/agenda/", "/agenda/?page=2", "/agenda/?when=past",
            "/agenda/?learning_line=digital-readiness&track=practitioner",
            f"/agenda/?organisation={hub['page_a'].organisation.slug}"]
    fill(3, 1)
    small = {url: queries(url) for url in urls}
    fill(40, 10)
    assert {url: queries(url) for url in urls} == small
    # Page 1 reads 20 rows of each kind (of 43 each), not every upcoming entry.
    with CaptureQueriesContext(connection) as context:
        client.get("/agenda/")
    limited = [query["sql"] for query in context.captured_queries if "LIMIT 20" in query["sql"]]
    assert len(limited) >= 2, [query["sql"][:200] for query in context.captured_queries]
