"""Remembered page routes (portal/routing.py): fewer queries, never a wrong or stale page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import StandardPage


def publish_child(parent, title, slug):
    page = StandardPage(title=title, slug=slug, intro=f"Inleiding {title}")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


@pytest.fixture
def deep_page(site_structure):
    level1 = publish_child(site_structure["home"], "Niveau een", "niveau-een")
    level2 = publish_child(level1, "Niveau twee", "niveau-twee")
    return publish_child(level2, "Niveau drie", "niveau-drie")


@pytest.mark.django_db
def test_a_deep_page_costs_no_more_queries_than_a_shallow_one(client, site_structure,
                                                              deep_page):
    shallow_parent = site_structure["home"]
    publish_child(shallow_parent, "Ondiep", "ondiep")
    for url in ("/ondiep/", deep_page.url):
        client.get(url)  # the first visit walks the tree and remembers the route
    _, shallow = queries(client, "/ondiep/")
    response, deep = queries(client, deep_page.url)
    assert response.status_code == 200
    assert b"Niveau drie" in response.content
    # Wagtail's walk costs two queries per level; remembered, depth costs nothing.
    assert deep == shallow


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["unpublish", "delete"])
def test_unpublished_or_deleted_page_stops_answering(client, deep_page, action):
    assert client.get(deep_page.url).status_code == 200  # remembered from here on
    getattr(deep_page, action)()
    assert client.get("/niveau-een/niveau-twee/niveau-drie/").status_code == 404


@pytest.mark.django_db
def test_moved_page_answers_at_its_new_address_only(client, site_structure, deep_page):
    old_url = deep_page.url
    assert client.get(old_url).status_code == 200
    deep_page.move(site_structure["home"], pos="last-child")
    old = client.get(old_url)  # Wagtail's automatic redirect, not the remembered page
    assert old.status_code == 301 and old["Location"] == "/niveau-drie/"
    response = client.get("/niveau-drie/")
    assert response.status_code == 200 and b"Niveau drie" in response.content


@pytest.mark.django_db
def test_renamed_slug_and_new_page_at_the_old_address(client, site_structure, deep_page):
    parent = deep_page.get_parent()
    assert client.get("/niveau-een/niveau-twee/niveau-drie/").status_code == 200
    deep_page.slug = "nieuw-adres"
    deep_page.save_revision().publish()
    assert client.get("/niveau-een/niveau-twee/niveau-drie/").status_code == 404
    assert client.get("/niveau-een/niveau-twee/nieuw-adres/").status_code == 200
    publish_child(parent.specific, "Opvolger", "niveau-drie")
    response = client.get("/niveau-een/niveau-twee/niveau-drie/")
    assert response.status_code == 200 and b"Opvolger" in response.content


@pytest.mark.django_db
def test_remembered_route_never_skips_page_privacy(client, deep_page, member):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    assert client.get(deep_page.url).status_code == 200  # remembered as a public page
    restriction = PageViewRestriction.objects.create(
        page=deep_page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name="Members"))
    response = client.get(deep_page.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(member)
    assert client.get(deep_page.url).status_code == 200


@pytest.mark.django_db
def test_stale_entry_is_checked_even_without_a_signal(client, deep_page):
    # A change made behind the signals' back (a raw update) must not serve a dead page.
    from wagtail.models import Page

    assert client.get(deep_page.url).status_code == 200
    Page.objects.filter(pk=deep_page.pk).update(live=False)
    assert client.get("/niveau-een/niveau-twee/niveau-drie/").status_code == 404


@pytest.mark.django_db
def test_pages_in_both_languages_are_remembered_apart(client, site_structure):
    for _ in range(2):
        dutch = client.get("/")
        english = client.get("/en/")
        assert dutch.status_code == english.status_code == 200
        assert dutch["Content-Language"] == "nl" and english["Content-Language"] == "en"
        assert 'lang="nl"' in dutch.content.decode()
        assert 'lang="en"' in english.content.decode()
