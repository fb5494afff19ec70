"""/agenda/ (portal.agenda, rendered by memberhub's EventIndexPage and fed by its events and
learninglines' sessions through register_agenda_source): every filter narrows both kinds."""

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
