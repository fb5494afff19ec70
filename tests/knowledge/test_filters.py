"""The kennisbank's filters and counts give exactly what a plain ORM query gives."""

import itertools
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from knowledge import selectors
from knowledge.facets import build_facets
from knowledge.filters import KnowledgeFilters, apply_filters, apply_sort, parse_filters
from knowledge.models import Kind, KnowledgeItemPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def oracle(filters, lines_by_slug, exclude=None):
    """The same filters written as ordinary lookups on Wagtail's own public() set."""
    queryset = KnowledgeItemPage.objects.live().public()
    if filters.get("kind") and exclude != "kind":
        queryset = queryset.filter(kind=filters["kind"])
    if filters.get("line") and exclude != "line":
        if filters["line"] == "none":
            queryset = queryset.filter(learning_lines__isnull=True)
        else:
            queryset = queryset.filter(learning_lines__slug=filters["line"])
    if filters.get("track") and exclude != "track":
        queryset = queryset.filter(track__in=[filters["track"], "both"])
    if filters.get("theme") and exclude != "theme":
        queryset = queryset.filter(themes__slug=filters["theme"])
    if filters.get("sdg") and exclude != "sdg":
        queryset = queryset.filter(sdgs__number=filters["sdg"])
    if filters.get("organisation") and exclude != "organisation":
        queryset = queryset.filter(authoring_organisations__slug=filters["organisation"])
    if filters.get("language") and exclude != "language":
        queryset = queryset.filter(language=filters["language"])
    if filters.get("year") and exclude != "year":
        queryset = queryset.filter(publication_date__year=filters["year"])
    return set(queryset.distinct().values_list("pk", flat=True))


def parsed(params):
    lines = selectors.line_options(AnonymousUser())
    filters, notices = parse_filters(params, lines)
    assert notices == []
    return filters, lines


COMBINATIONS = list(itertools.product(
    [None, Kind.TOOL, Kind.PUBLICATION],
    [None, "digital-readiness", "equitable-partnerships", "none"],
    [None, "practitioner", "leadership"],
    [None, "machtsverhoudingen", "cyberveiligheid"],
    [None, "2025"],
))


def test_every_filter_combination_equals_a_plain_query(catalogue):
    base = selectors.visible_items(AnonymousUser())
    for kind, line, track, theme, year in COMBINATIONS:
        params = {key: value for key, value in
                  {"kind": kind, "line": line, "track": track, "theme": theme,
                   "year": year}.items() if value}
        filters, lines = parsed(params)
        got = set(apply_filters(base, filters).values_list("pk", flat=True))
        assert got == oracle(params, lines), params


@pytest.mark.parametrize("params", [
    {"sdg": "9"}, {"sdg": "10", "kind": "tool"}, {"organisation": "alfa-hulp"},
    {"organisation": "beta-zorg", "language": "nl"}, {"language": "en"},
    {"year": "2023", "line": "none"}, {"sdg": "16", "track": "leadership", "language": "en"},
])
def test_other_filters_equal_a_plain_query(catalogue, params):
    filters, lines = parsed(params)
    base = selectors.visible_items(AnonymousUser())
    got = set(apply_filters(base, filters).values_list("pk", flat=True))
    assert got == oracle(params, lines)
    assert got, "the catalogue is meant to have matches for these filters"


def option_params(facet_name, value):
    return {facet_name: value}


@pytest.mark.parametrize("params", [
    {}, {"kind": "tool"}, {"line": "equitable-partnerships", "track": "leadership"},
    {"theme": "cyberveiligheid", "language": "nl"}, {"year": "2025", "sdg": "10"},
    {"organisation": "beta-zorg", "line": "none"},
])
def test_counts_beside_each_option_equal_a_plain_count(catalogue, params):
    """Each option's count is what choosing it (with the other filters kept) gives."""
    filters, lines = parsed(params)
    base = selectors.visible_items(AnonymousUser())
    facets, total = build_facets(base, filters, lines)
    assert total == len(oracle(params, lines))
    checked = 0
    for facet in facets:
        for option in facet.options:
            combined = {**params, facet.name: option.value}
            assert option.count == len(oracle(combined, lines, exclude=None)), \
                (facet.name, option.value, params)
            checked += 1
    assert checked >= 14  # at least every kind, line, track and language
    # Themes, SDGs and organisations without matches are left out: they really have none.
    from memberhub.models import MemberOrganisation
    from portal.models import SustainableDevelopmentGoal, ThemeTag

    vocabularies = {
        "theme": ThemeTag.objects.values_list("slug", flat=True),
        "sdg": [str(n) for n in SustainableDevelopmentGoal.objects.values_list("number",
                                                                               flat=True)],
        "organisation": MemberOrganisation.objects.values_list("slug", flat=True),
    }
    by_name = {facet.name: facet for facet in facets}
    for name, values in vocabularies.items():
        offered = {option.value for option in by_name[name].options}
        for value in values:
            if value not in offered:
                assert not oracle({**params, name: value}, lines), (name, value)


def test_listing_page_shows_exactly_the_matching_items(client, catalogue):
    params = {"line": "digital-readiness", "kind": "tool"}
    response = client.get("/kennisbank/", params)
    assert response.status_code == 200
    html = response.content.decode()
    shown = set(re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html))
    filters, lines = parsed(params)
    expected = set(KnowledgeItemPage.objects.filter(
        pk__in=oracle(params, lines)).values_list("title", flat=True))
    assert shown == expected == {"Scan"}


def test_sorting_by_title_and_by_date(catalogue):
    base = selectors.visible_items(AnonymousUser())
    by_title = [item.title for item in apply_sort(base, "title")]
    assert by_title == sorted(by_title, key=str.lower)
    by_date = list(apply_sort(base, "date"))
    dates = [item.publication_date for item in by_date]
    assert dates == sorted(dates, reverse=True)


def test_filters_survive_pagination(client, catalogue, monkeypatch):
    from knowledge.models import KnowledgeIndexPage

    monkeypatch.setattr(KnowledgeIndexPage, "listing_per_page", 2)
    response = client.get("/kennisbank/", {"sort": "title", "language": "nl"})
    html = response.content.decode()
    assert 'href="?language=nl&amp;sort=title&amp;page=2"' in html
    response = client.get("/kennisbank/", {"sort": "title", "language": "nl", "page": "2"})
    html = response.content.decode()
    assert 'href="?language=nl&amp;sort=title&amp;page=1"' in html
    assert 'href="?language=nl&amp;sort=title&amp;page=3"' in html
    assert response.context["listing"].number == 2


def test_querystring_is_stable_and_bookmarkable():
    filters = KnowledgeFilters(kind="tool", year=2025, sort="title")
    assert filters.querystring() == "kind=tool&year=2025&sort=title"
    assert filters.querystring(kind=None) == "year=2025&sort=title"
    assert KnowledgeFilters().querystring() == ""
