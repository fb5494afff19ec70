"""/leerlijnen/ shows the Dual-Track plan at a glance: each line by its two tracks, with the
formats on offer and the next sessions, and never a session the reader may not see."""

import re

import pytest
from wagtail.models import PageViewRestriction

from tests.learninglines.factories import make_group, make_session

pytestmark = pytest.mark.django_db


def _plan(client, user=None):
    if user is not None:
        client.force_login(user)
    html = client.get("/leerlijnen/").content.decode()
    match = re.search(r'<table class="dual-track__table.*?</table>', html, re.S)
    assert match, "no Dual-Track plan on /leerlijnen/"
    return match.group(0)


def _cell(table, track):
    match = re.search(rf'<td data-label="[^"]*" class="dual-track__cell '
                      rf'dual-track__cell--{track}">(.*?)</td>', table, re.S)
    return match.group(1)


def test_plan_shows_formats_and_next_sessions_per_track(client, line):
    make_session(line, title="Netwerksessie AI", days=3, format="network_session")
    make_session(line, title="Peer space data", days=5, format="peer_space")
    make_session(line, title="Later nog een", days=40, format="network_session")
    make_session(line, title="Dialoog met directeuren", days=8, track="leadership",
                 format="leadership_dialogue")
    make_group(line, title="AI-werkgroep", track="practitioner")
    table = _plan(client)
    assert "<caption" in table and 'scope="col"' in table and 'scope="row"' in table
    assert f'href="{line.url}"' in table
    practitioner, leadership = _cell(table, "practitioner"), _cell(table, "leadership")
    assert "Peer space" in practitioner and "Netwerksessie" in practitioner
    # the next two, in date order; the third is counted
    assert practitioner.index("Netwerksessie AI") < practitioner.index("Peer space data")
    assert "Later nog een" not in practitioner and "en nog 1 sessie" in practitioner
    assert "AI-werkgroep" in practitioner
    assert "Leiderschapsdialoog" in leadership and "Dialoog met directeuren" in leadership
    assert "Netwerksessie AI" not in leadership


def test_plan_hides_restricted_and_draft_sessions_from_visitors(client, line, member):
    private = make_session(line, title="Besloten sessie", days=2)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_session(line, title="Geheim concept", days=2, publish=False)
    table = _plan(client)
    assert "Besloten sessie" not in table and "Geheim concept" not in table
    assert "Nog geen sessies gepland." in _cell(table, "practitioner")
    member_table = _plan(client, member)
    assert "Besloten sessie" in member_table and "Geheim concept" not in member_table
