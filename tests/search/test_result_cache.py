"""Search result pages for visitors cached per audience and language under the search
index's own generation (issue 19, item 4): every index update renews them, a member's
results are never cached and never reach a visitor or another member."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal.visibility import MEMBERS_GROUP_NAME
from search.generation import bump_index_generation, index_generation
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def search_page(client, text):
    """The search page for ``text``, and the SQL it ran on the search tables."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/zoeken/", {"q": text})
    assert response.status_code == 200
    searched = [query["sql"] for query in queries.captured_queries
                if "search_searchdocument" in query["sql"]]
    return response.content.decode(), searched


def restrict(page, groups, capture):
    with capture(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set(groups)


def test_a_visitors_popular_query_is_answered_from_the_cache(client, publish):
    publish("Over de kwartelkoning", "kwartel", "Een zeldzame vogel")
    first, searched = search_page(client, "kwartelkoning")
    assert 'href="/kwartel/"' in first and searched
    again, searched = search_page(client, "kwartelkoning")
    assert again == first
    assert searched == []  # no search ran: one cache lookup


def test_a_new_index_update_renews_the_cached_results(client, publish):
    publish("Over de kwartelkoning", "kwartel", "Een zeldzame vogel")
    before = index_generation()
    assert 'href="/kwartel-2/"' not in search_page(client, "kwartelkoning")[0]
    publish("Weer een kwartelkoning", "kwartel-2", "Gezien bij de dijk")
    assert index_generation() > before
    page, searched = search_page(client, "kwartelkoning")
    assert 'href="/kwartel-2/"' in page and searched


def test_a_page_that_becomes_members_only_leaves_the_visitors_cached_results(
        client, publish, django_capture_on_commit_callbacks):
    page = publish("Ledenpagina grutto", "grutto", "Alleen grutto voor leden")
    assert 'href="/grutto/"' in search_page(client, "grutto")[0]
    restrict(page, Group.objects.filter(name=MEMBERS_GROUP_NAME),
             django_capture_on_commit_callbacks)
    assert 'href="/grutto/"' not in search_page(client, "grutto")[0]


def test_a_members_results_never_reach_a_visitor(client, publish, member,
                                                 django_capture_on_commit_callbacks):
    page = publish("Ledenpagina grutto", "grutto", "Alleen grutto voor leden")
    restrict(page, Group.objects.filter(name=MEMBERS_GROUP_NAME),
             django_capture_on_commit_callbacks)
    client.force_login(member)
    assert 'href="/grutto/"' in search_page(client, "grutto")[0]
    client.logout()
    assert 'href="/grutto/"' not in search_page(client, "grutto")[0]
    # And the visitor's cached page is not what the member gets afterwards.
    client.force_login(member)
    assert 'href="/grutto/"' in search_page(client, "grutto")[0]


def test_members_results_are_not_cached_across_users(client, publish, member,
                                                     django_capture_on_commit_callbacks):
    """Two members of the association, one of them also in a working group: the working
    group's page found by the one never reaches the other, and a member's search runs
    every time (nothing of it is kept for anyone)."""
    working_group = Group.objects.create(name="Werkgroep grutto")
    in_group = MembershipFactory().user
    in_group.groups.add(working_group)
    page = publish("Notulen grutto", "notulen-grutto", "Grutto in de werkgroep")
    restrict(page, [working_group], django_capture_on_commit_callbacks)
    client.force_login(in_group)
    assert 'href="/notulen-grutto/"' in search_page(client, "grutto")[0]
    client.force_login(member)
    page_of_other, searched = search_page(client, "grutto")
    assert 'href="/notulen-grutto/"' not in page_of_other and searched
    assert search_page(client, "grutto")[1]  # searched again, not from a cache


def test_the_anonymous_page_cache_of_search_follows_the_index_generation(
        client, publish, settings):
    """With the full-page cache on, a search page is kept for visitors until the index
    changes, also when only the search engine changed (its catch-up bumps the
    generation, not the content generation)."""
    settings.PAGE_CACHE_ENABLED = True
    publish("Over de kwartelkoning", "kwartel", "Een zeldzame vogel")
    client.get("/zoeken/", {"q": "kwartelkoning"})
    assert client.get("/zoeken/", {"q": "kwartelkoning"})["X-Page-Cache"] == "hit"
    bump_index_generation()
    assert client.get("/zoeken/", {"q": "kwartelkoning"})["X-Page-Cache"] == "miss"
