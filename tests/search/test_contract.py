"""One contract for every search backend: the same tests run on the database backend
always, on OpenSearch where OPENSEARCH_URL is set (always in CI) and on Elasticsearch 8
where ELASTICSEARCH_URL is set. Each search asserts which backend answered (``find``)."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from portal.searchable import FacetValue
from portal.visibility import MEMBERS_GROUP_NAME
from tests.search.conftest import make_document

VISITOR = AnonymousUser()
# Named things are facet values with a stable id (a primary key) and a label.
EQUITABLE = FacetValue("31", "Equitable Partnerships")
DIGITAL = FacetValue("32", "Digital Readiness")
POWER = FacetValue("41", "Machtsverhoudingen")
AUTONOMY = FacetValue("42", "Digitale autonomie")
POLITICS = FacetValue("43", "Politiek en beleid")
WATERBRON = FacetValue("51", "Stichting Waterbron")
DORP = FacetValue("52", "Digitaal Dorp")


@pytest.fixture
def members_token(db):
    return f"group:{Group.objects.get(name=MEMBERS_GROUP_NAME).id}"


@pytest.fixture
def corpus(index_documents, members_token):
    index_documents(
        make_document(1, "Power Awareness Tool", summary="Machtsverhoudingen in partnerschappen",
                      body="Een instrument voor gelijkwaardige samenwerking.",
                      learning_line=[EQUITABLE], track=["practitioner"],
                      theme=[POWER], organisation=[WATERBRON]),
        make_document(2, "Digitale volwassenheid meten",
                      summary="De Quick Scan voor digitale volwassenheid",
                      body="Met de scan meet je cyberveiligheid en digitale autonomie.",
                      learning_line=[DIGITAL], track=["practitioner"],
                      theme=[AUTONOMY], organisation=[DORP],
                      date=datetime(2025, 3, 1, tzinfo=UTC)),
        make_document(3, "Leiderschap en digitale autonomie",
                      body="Een dialoog voor directeuren over digitale autonomie en beleid.",
                      content_type="session", learning_line=[DIGITAL],
                      track=["leadership"], theme=[AUTONOMY], language="en"),
        make_document(4, "Politieke monitor week 12", summary="Kamerdebat over xylofoonbeleid",
                      body="Alleen voor leden: xylofoonbeleid en de begroting.",
                      audience=[members_token], theme=[POLITICS]),
        make_document(5, "Nieuws over water", summary="Een nieuwe waterput",
                      body="Er wordt over digitale middelen gesproken in de body.",
                      content_type="news", organisation=[WATERBRON]),
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
    # Named things are counted by id, and their labels come with them.
    assert dict(result.facets["learning_line"]) == {DIGITAL.id: 2}
    assert dict(result.facets["organisation"]) == {DORP.id: 1, WATERBRON.id: 1}
    assert result.labels["learning_line"] == {DIGITAL.id: "Digital Readiness"}
    assert result.labels["organisation"] == {DORP.id: "Digitaal Dorp",
                                             WATERBRON.id: "Stichting Waterbron"}
    filtered = find("digitale", VISITOR, filters={
        "learning_line": [DIGITAL.id], "track": ["leadership"]})
    assert keys(filtered) == ["test:3"]
    assert dict(filtered.facets["language"]) == {"en": 1}


def test_a_renamed_organisation_keeps_its_filter_and_counts(corpus, index_documents, find):
    """Facets are keyed by id: after a rename the same filter (/zoeken/?org=<id>) finds
    the same documents, counted under the same id, shown with the new name."""
    renamed = FacetValue(WATERBRON.id, "Stichting Schoon Water")
    index_documents(
        make_document(1, "Power Awareness Tool", summary="Machtsverhoudingen in partnerschappen",
                      body="Een instrument voor gelijkwaardige samenwerking.",
                      learning_line=[EQUITABLE], track=["practitioner"], theme=[POWER],
                      organisation=[renamed]),
        make_document(5, "Nieuws over water", summary="Een nieuwe waterput",
                      body="Er wordt over digitale middelen gesproken in de body.",
                      content_type="news", organisation=[renamed]),
    )
    result = find("digitale", VISITOR, filters={"organisation": [WATERBRON.id]})
    assert keys(result) == ["test:5"]
    assert dict(result.facets["organisation"]) == {WATERBRON.id: 1}
    assert result.labels["organisation"] == {WATERBRON.id: "Stichting Schoon Water"}
    assert find("digitale", VISITOR, filters={"organisation": ["Stichting Waterbron"]}).total == 0


def test_labels_of_member_only_things_are_not_shown_to_visitors(corpus, find):
    """A filter by the id of something only in member-only documents gets no label."""
    result = find("digitale", VISITOR, filters={"theme": [POLITICS.id]})
    assert result.total == 0 and result.labels == {}


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


@pytest.mark.parametrize(("query", "expected"), [
    ('"', 0), ("*", 0), (":", 0), ("(", 0), ("))((", 0), ("'", 0), ("\\", 0), ("%", 0),
    ("_", 0), ("NOT:", 0), ("a" * 5000, 0),
    # Syntax around a word is no syntax: the word alone is searched.
    ('"digitale', 3), ("digitale*", 3), ("(digitale)", 3), ("digitale:", 3),
    ("%digitale_", 3), ("\\digitale'", 3),
    # Operators and field names are words like any other, and no document has them.
    ("AND", 0), ('digi* OR "(x', 0), ("title:digitale", 0),
])
def test_hostile_queries_are_plain_words(corpus, query, expected, find):
    result = find(query, VISITOR)
    assert result.total == expected
    assert len(result.hits) == expected


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
