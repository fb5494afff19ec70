"""One contract for every search backend: the same tests run on the database backend
always, on OpenSearch where OPENSEARCH_URL is set (always in CI) and on Elasticsearch 8
where ELASTICSEARCH_URL is set. Each search asserts which backend answered (``find``)."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from portal.visibility import MEMBERS_GROUP_NAME
from tests.search.conftest import make_document

VISITOR = AnonymousUser()


@pytest.fixture
def members_token(db):
    return f"group:{Group.objects.get(name=MEMBERS_GROUP_NAME).id}"


@pytest.fixture
def corpus(index_documents, members_token):
    index_documents(
        make_document(1, "Power Awareness Tool", summary="Machtsverhoudingen in partnerschappen",
                      body="Een instrument voor gelijkwaardige samenwerking.",
                      learning_line=["Equitable Partnerships"], track=["practitioner"],
                      theme=["Machtsverhoudingen"], organisation=["Stichting Waterbron"]),
        make_document(2, "Digitale volwassenheid meten",
                      summary="De Quick Scan voor digitale volwassenheid",
                      body="Met de scan meet je cyberveiligheid en digitale autonomie.",
                      learning_line=["Digital Readiness"], track=["practitioner"],
                      theme=["Digitale autonomie"], organisation=["Digitaal Dorp"],
                      date=datetime(2025, 3, 1, tzinfo=UTC)),
        make_document(3, "Leiderschap en digitale autonomie",
                      body="Een dialoog voor directeuren over digitale autonomie en beleid.",
                      content_type="session", learning_line=["Digital Readiness"],
                      track=["leadership"], theme=["Digitale autonomie"], language="en"),
        make_document(4, "Politieke monitor week 12", summary="Kamerdebat over xylofoonbeleid",
                      body="Alleen voor leden: xylofoonbeleid en de begroting.",
                      audience=[members_token], theme=["Politiek en beleid"]),
        make_document(5, "Nieuws over water", summary="Een nieuwe waterput",
                      body="Er wordt over digitale middelen gesproken in de body.",
                      content_type="news", organisation=["Stichting Waterbron"]),
    )


def keys(result):
    return [hit.key for hit in result.hits]


def test_title_and_summary_weigh_more_than_body(corpus, find):
    result = find("digitale", VISITOR)
    assert result.total == 3
    assert keys(result)[-1] == "test:5", "a body-only match ranks last"


def test_highlights_show_where_words_matched(corpus, find):
    result = find("cyberveiligheid", VISITOR)
    assert keys(result) == ["test:2"]
    assert "<mark>cyberveiligheid</mark>" in result.hits[0].snippet_html.lower()


def test_facet_counts_and_combined_filters(corpus, find):
    result = find("digitale", VISITOR)
    assert dict(result.facets["content_type"]) == {"knowledge": 1, "session": 1, "news": 1}
    assert dict(result.facets["learning_line"]) == {"Digital Readiness": 2}
    filtered = find("digitale", VISITOR, filters={
        "learning_line": ["Digital Readiness"], "track": ["leadership"]})
    assert keys(filtered) == ["test:3"]
    assert dict(filtered.facets["language"]) == {"en": 1}


def test_unknown_facet_values_give_no_results_not_errors(corpus, find):
    result = find("digitale", VISITOR, filters={"theme": ["bestaat niet"],
                                                          "bogus": ["x"]})
    assert result.total == 0


def test_member_only_words_give_visitors_nothing(corpus, member, find, complete):
    result = find("xylofoonbeleid", VISITOR)
    assert result.total == 0 and result.facets == {}
    assert result.suggestion is None or "xylofoon" not in result.suggestion
    assert complete("Politieke monitor", VISITOR) == []
    member_result = find("xylofoonbeleid", member)
    assert keys(member_result) == ["test:4"]


def test_pagination_past_the_end_gives_last_page(corpus, find):
    result = find("digitale", VISITOR, page=99)
    assert result.total == 3 and result.page == 1 and len(result.hits) == 3


def test_sort_by_date(corpus, find):
    result = find("digitale", VISITOR, sort="date")
    assert keys(result)[-1] == "test:2"  # the oldest


def test_suggestion_for_a_misspelled_word(corpus, find):
    result = find("volwasenheid", VISITOR)
    assert result.total == 0
    assert result.suggestion == "volwassenheid"


@pytest.mark.parametrize("query", ['"', "*", ":", "(", "AND", 'digi* OR "(x', "a" * 5000,
                                   "NOT:", "title:digitale", "))((", "'", "\\", "%", "_"])
def test_hostile_queries_never_fail(corpus, query, find):
    result = find(query, VISITOR)
    assert result.total >= 0


def test_autocomplete_titles(corpus, find, complete):
    titles = [row["title"] for row in complete("Digi", VISITOR)]
    assert "Digitale volwassenheid meten" in titles


def test_words_split_over_title_and_body_still_match(corpus, find):
    """"power" is only in the title, "samenwerking" only in the body of the same item."""
    assert keys(find("power samenwerking", VISITOR)) == ["test:1"]
    assert find("power xylofoonbeleid", VISITOR).total == 0  # every word must be found


def test_a_page_far_past_the_result_window_gives_the_last_page(corpus, find):
    """Engines refuse from + size past 10,000: the page asked of them is capped."""
    result = find("digitale", VISITOR, page=5000)
    assert result.total == 3 and result.page == 1 and len(result.hits) == 3


def test_a_correctly_spelled_word_gets_no_correction(index_documents, find):
    index_documents(
        make_document(11, "Een oude waterput", body="De waterput van het dorp."),
        *(make_document(12 + n, f"Waterpunt {n}", body="Een nieuw waterpunt.")
          for n in range(4)),
    )
    result = find("waterput", VISITOR)
    assert keys(result) == ["test:11"]
    assert result.suggestion is None  # not "waterpunt", however much more frequent
