"""Results and the overview take a fixed number of queries, whatever the number of
organisations in the benchmark (10 and 110 organisations with three respondents each)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.demo import demo_round
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
RESULTS_QUERIES = 30
OVERVIEW_QUERIES = 20


def count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


@pytest.mark.parametrize("organisations", [10, 110])
def test_results_and_overview_in_fixed_queries(client, site_structure, scan, version,
                                               closed_rounds, organisations,
                                               django_assert_max_num_queries):
    rounds = closed_rounds(organisations, respondents=3)
    own = rounds[0]
    later = demo_round(version, own.organisation, own.completed_at + datetime.timedelta(days=200))
    member = MembershipFactory(organisation=own.organisation).user
    client.force_login(member)
    client.get("/mijn/")  # session and site caches warm, as for a person clicking on
    with django_assert_max_num_queries(RESULTS_QUERIES):
        results, html = count(client, reverse("assessments:results", args=[later.pk]))
    assert "Sector: mediaan" in html and "Ronde" in html  # benchmark and trend are there
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        overview, html = count(client, reverse("assessments:index"))
    assert reverse("assessments:results", args=[later.pk]) in html
    # Same number at both sizes (kept on the test function between the two runs).
    seen = test_results_and_overview_in_fixed_queries.__dict__.setdefault("seen", {})
    seen[organisations] = (results, overview)
    if len(seen) == 2:
        assert seen[10] == seen[110]
