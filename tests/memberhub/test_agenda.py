"""/agenda/ (portal.agenda, rendered by memberhub's EventIndexPage and fed by its events and
learninglines' sessions through register_agenda_source): every filter narrows both kinds."""

import pytest

from tests.learninglines.factories import make_line, make_session
from tests.memberhub.factories import add_event

pytestmark = pytest.mark.django_db


def titles(client, url):
    html = client.get(url).content.decode()
    return {title for title in ("Netwerksessie", "Leiderschapsdialoog", "Ledenbijeenkomst")
            if title in html}


def test_agenda_filters_on_format_track_learning_line_and_organisation(client, hub):
    line = make_line(hub, title="Digital Readiness", slug="digital-readiness")
    make_session(line, title="Netwerksessie", days=3)
    make_session(line, title="Leiderschapsdialoog", days=4, track="leadership",
                 format="leadership_dialogue")
    event = add_event(hub["page_a"], "Ledenbijeenkomst", days=5)

    everything = {"Netwerksessie", "Leiderschapsdialoog", "Ledenbijeenkomst"}
    assert titles(client, "/agenda/") == everything
    assert titles(client, "/agenda/?format=leadership_dialogue") == {"Leiderschapsdialoog"}
    assert titles(client, "/agenda/?track=practitioner") == {"Netwerksessie"}
    assert titles(client, "/agenda/?learning_line=digital-readiness") == {
        "Netwerksessie", "Leiderschapsdialoog"}
    assert titles(client, f"/agenda/?organisation={event.organisation.slug}") == {
        "Ledenbijeenkomst"}

    html = client.get("/agenda/").content.decode()
    # The menus offer what the entries have, in the page's language.
    assert 'value="leadership_dialogue"' in html and 'value="digital-readiness"' in html
    assert "Alle" in html and 'lang="nl"' in html
    # An unknown value is reported on its field and filters nothing.
    assert titles(client, "/agenda/?format=nonsense") == everything
