"""The sector benchmark: only from five organisations, no dimension (segment) below five,
the same figures for every viewer, nothing derivable, and opting out."""

import pytest
from django.urls import reverse

from assessments import benchmark
from assessments.models import DimensionResult, OrganisationScanSettings
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def results_page(client, round_):
    user = MembershipFactory(organisation=round_.organisation).user
    client.force_login(user)
    response = client.get(reverse("assessments:results", args=[round_.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_hidden_below_five_organisations_shown_from_five(client, site_structure, version,
                                                         closed_rounds):
    rounds = closed_rounds(4)
    html = results_page(client, rounds[0])
    assert "Sector: mediaan" not in html and "minstens vijf organisaties" in html
    assert benchmark.sector_benchmark(version) is None
    # Four organisations with two rounds each are still four organisations.
    closed_rounds(0)
    from assessments.demo import demo_round
    demo_round(version, rounds[1].organisation, rounds[1].completed_at.replace(year=2027))
    assert benchmark.sector_benchmark(version) is None
    rounds += closed_rounds(1)
    html = results_page(client, rounds[0])
    assert "Sector: mediaan" in html and "5–9 organisaties" in html


def test_no_dimension_with_fewer_than_five_scores(client, site_structure, version,
                                                  closed_rounds):
    rounds = closed_rounds(6)
    # Two organisations answered nothing in block two ("not applicable" everywhere).
    DimensionResult.objects.filter(round__in=rounds[:2], dimension_key="twee").update(
        score=None)
    figures = benchmark.sector_benchmark(version)
    assert figures["dimensions"]["een"] is not None
    assert figures["dimensions"]["twee"] is None
    html = results_page(client, rounds[3])
    assert "te weinig organisaties" in html


def test_same_figures_for_every_viewer_and_only_median_and_quartiles(client, site_structure,
                                                                    version, closed_rounds):
    rounds = closed_rounds(6)
    for index, round_ in enumerate(rounds):
        DimensionResult.objects.filter(round=round_, dimension_key="een").update(
            score=10 * (index + 1))
    views = [benchmark.benchmark_for(round_) for round_ in rounds]
    assert all(view == views[0] for view in views)
    een = views[0]["dimensions"]["een"]
    assert (een.q1, een.median, een.q3) == (22, 35, 48)
    html_a, html_b = results_page(client, rounds[0]), results_page(client, rounds[5])
    for html in (html_a, html_b):  # the same sector cells; never extremes, mean or count
        assert "<td>22</td><td>35</td><td>48</td>" in html
        assert "6 organisaties" not in html and "gemiddeld" not in html.lower()

def test_an_organisation_that_opts_out_is_not_counted_and_sees_no_benchmark(
        client, site_structure, version, closed_rounds):
    rounds = closed_rounds(5)
    OrganisationScanSettings.objects.create(organisation=rounds[0].organisation,
                                            benchmark_opt_out=True)
    assert benchmark.sector_benchmark(version) is None  # four remain
    rounds += closed_rounds(1)
    assert benchmark.benchmark_for(rounds[1]) is not None
    assert benchmark.benchmark_for(rounds[0]) is None
    html = results_page(client, rounds[0])
    assert "niet mee te doen aan de sectorbenchmark" in html
    assert "Sector: mediaan" not in html


def test_an_open_round_shows_no_benchmark(client, site_structure, scan, version, closed_rounds,
                                          member, organisation):
    closed_rounds(6)
    client.force_login(member)
    client.post(reverse("assessments:start", args=[scan.slug]), {"organisation": organisation.pk})
    from assessments.models import Round
    round_ = Round.objects.get(organisation=organisation)
    html = client.get(reverse("assessments:results", args=[round_.pk])).content.decode()
    assert "voorlopig" in html and "Sector: mediaan" not in html
