import pytest
from django.contrib.auth.models import AnonymousUser, Group
from wagtail.models import PageViewRestriction

from portal.models import StandardPage
from portal.visibility import (
    EDITORS_GROUP_NAME,
    MEMBERS_GROUP_NAME,
    can_view,
    forget,
    visible_pages,
)


@pytest.fixture
def pages(site_structure, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return _pages(site_structure)


def _pages(site_structure):
    """A public page, a draft, and a member-only page with a child."""
    home = site_structure["home"]
    public = StandardPage(title="Openbare pagina", slug="openbaar", intro="Voor iedereen")
    home.add_child(instance=public)
    public.save_revision().publish()

    draft = StandardPage(title="Concept geheimwoord", slug="concept", live=False)
    home.add_child(instance=draft)
    draft.save_revision()

    members_only = StandardPage(title="Ledenmonitor", slug="ledenmonitor", intro="zeldzaamwoord")
    home.add_child(instance=members_only)
    members_only.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[MEMBERS_GROUP_NAME, EDITORS_GROUP_NAME]))
    child = StandardPage(title="Monitor week 12", slug="week-12", intro="zeldzaamwoord")
    members_only.add_child(instance=child)
    child.save_revision().publish()
    return {"public": public, "draft": draft, "members_only": members_only, "child": child}


def ids(queryset):
    return set(queryset.values_list("id", flat=True))


@pytest.mark.django_db
def test_visitor_sees_only_live_public_pages(pages):
    visible = ids(visible_pages(AnonymousUser()))
    assert pages["public"].id in visible
    assert pages["draft"].id not in visible
    assert pages["members_only"].id not in visible
    assert pages["child"].id not in visible


@pytest.mark.django_db
def test_member_sees_member_only_pages_but_never_drafts(pages, member):
    visible = ids(visible_pages(member))
    assert {pages["public"].id, pages["members_only"].id, pages["child"].id} <= visible
    assert pages["draft"].id not in visible
    assert can_view(member, pages["child"])


@pytest.mark.django_db
def test_user_without_active_membership_is_treated_as_visitor(pages, outsider):
    assert pages["members_only"].id not in ids(visible_pages(outsider))


@pytest.mark.django_db
def test_deactivating_organisation_takes_member_rights_at_once(pages, member, organisation):
    from memberhub.services import set_organisation_active

    assert can_view(member, pages["members_only"])
    set_organisation_active(organisation, False)
    member.refresh_from_db()
    forget(member)
    assert not can_view(member, pages["members_only"])
    assert organisation.memberships.filter(user=member).exists(), "nothing is deleted"


@pytest.mark.django_db
def test_member_only_page_redirects_visitor_to_login(client, pages, member):
    response = client.get("/ledenmonitor/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(member)
    assert client.get("/ledenmonitor/").status_code == 200


@pytest.mark.django_db
def test_no_leak_through_listing_api_sitemap_or_search(client, pages):
    api = client.get("/api/v2/pages/?limit=20").json()
    titles = {item["title"] for item in api["items"]}
    assert "Openbare pagina" in titles
    assert not titles & {"Ledenmonitor", "Monitor week 12", "Concept geheimwoord"}
    assert client.get(f"/api/v2/pages/{pages['members_only'].id}/").status_code == 404
    assert client.get(f"/api/v2/pages/{pages['draft'].id}/").status_code == 404

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/openbaar/" in sitemap
    assert "/ledenmonitor/" not in sitemap and "/concept/" not in sitemap

    results = client.get("/zoeken/?q=zeldzaamwoord").content.decode()
    assert "Monitor week 12" not in results and "Ledenmonitor" not in results
    assert "Concept" not in client.get("/zoeken/?q=geheimwoord").content.decode()


@pytest.mark.django_db
def test_member_finds_member_only_content_in_search(client, pages, member):
    client.force_login(member)
    results = client.get("/zoeken/?q=zeldzaamwoord").content.decode()
    assert "Monitor week 12" in results


@pytest.mark.django_db
def test_many_member_only_pages_still_give_listings(client, site_structure):
    """Years of weekly member-only editions: well over a thousand restricted pages. One
    prefix test each would exceed SQLite's expression depth and break every listing."""
    from portal.bulk import bulk_add_children

    home = site_structure["home"]
    editions = bulk_add_children(home, [
        StandardPage(title=f"Editie {number}", slug=f"editie-{number}", intro="ledenwoord")
        for number in range(1200)
    ])
    PageViewRestriction.objects.bulk_create([
        PageViewRestriction(page_id=page.id, restriction_type=PageViewRestriction.LOGIN)
        for page in editions
    ])
    visitor_pages = visible_pages(AnonymousUser())
    # The restricted paths go to the database as one parameter (an array, a JSON list),
    # not one each: thousands of them made every query slow to build and would pass
    # SQLite's limit of variables.
    _sql, params = visitor_pages.query.sql_with_params()
    assert len(params) < 10, len(params)
    visitor_titles = set(visitor_pages.values_list("title", flat=True))
    assert not any(title.startswith("Editie") for title in visitor_titles)
    assert home.title in visitor_titles
    from tests.factories import UserFactory

    member_view = visible_pages(UserFactory()).filter(title__startswith="Editie")
    assert member_view.count() == 1200
    assert client.get("/sitemap.xml").status_code == 200
