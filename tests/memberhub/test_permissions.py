"""Permission matrix: visitor, member of A, admin of A, member of B, editor × every action,
through the Wagtail admin (its URLs and API) and the portal's own views."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from memberhub.models import Invitation, MemberOrganisation, Membership, NewsPage
from memberhub.services import set_organisation_active
from tests.memberhub.factories import add_news
from tests.memberhub.helpers import denied, news_form

ADD = "/admin/pages/add/memberhub/newspage/{}/"


@pytest.fixture
def actors(hub, member_a, admin_a, member_b, editor):
    return {"visitor": None, "member_a": member_a, "admin_a": admin_a, "member_b": member_b,
            "editor": editor}


@pytest.fixture
def draft_a(hub, member_a):
    return add_news(hub["page_a"], "Concept van Alfa", publish=False, user=member_a,
                    owner=member_a)


@pytest.fixture
def live_a(hub):
    return add_news(hub["page_a"], "Gepubliceerd bij Alfa")


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


MAY_WRITE_A = {"member_a", "admin_a", "editor"}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member_a", "admin_a", "member_b", "editor"])
def test_add_in_organisation_a(client, actors, hub, who):
    as_user(client, actors[who])
    url = ADD.format(hub["page_a"].pk)
    before = NewsPage.objects.count()
    get = client.get(url)
    post = client.post(url, news_form(f"Bericht van {who}"))
    if who in MAY_WRITE_A:
        assert get.status_code == 200
        assert post.status_code == 302, post.content.decode()[:3000]
        page = NewsPage.objects.get(title=f"Bericht van {who}")
        assert page.organisation == hub["page_a"].organisation
        assert not page.live
    else:
        assert denied(get) and denied(post)
        assert NewsPage.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member_a", "admin_a", "member_b", "editor"])
def test_edit_and_view_draft_of_a(client, actors, draft_a, who):
    as_user(client, actors[who])
    edit = client.get(f"/admin/pages/{draft_a.pk}/edit/")
    view_draft = client.get(f"/admin/pages/{draft_a.pk}/view_draft/")
    post = client.post(f"/admin/pages/{draft_a.pk}/edit/", news_form("Overgenomen"))
    draft_a.refresh_from_db()
    if who in MAY_WRITE_A:
        assert edit.status_code == 200 and view_draft.status_code == 200
        assert draft_a.get_latest_revision_as_object().title == "Overgenomen"
    else:
        assert denied(edit) and denied(view_draft) and denied(post)
        assert draft_a.get_latest_revision_as_object().title == "Concept van Alfa"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member_a", "member_b", "editor"])
def test_submit_for_moderation(client, actors, draft_a, who):
    as_user(client, actors[who])
    response = client.post(f"/admin/pages/{draft_a.pk}/edit/",
                           news_form("Ter moderatie", **{"action-submit": "1"}))
    in_workflow = WorkflowState.objects.active().for_instance(draft_a).exists()
    if who in MAY_WRITE_A:
        assert response.status_code == 302
        assert in_workflow
    else:
        assert denied(response)
        assert not in_workflow
    draft_a.refresh_from_db()
    assert not draft_a.live


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member_a", "admin_a", "member_b", "editor"])
def test_publish(client, actors, draft_a, who):
    as_user(client, actors[who])
    client.post(f"/admin/pages/{draft_a.pk}/edit/", news_form("Direct", **{"action-publish": "1"}))
    draft_a.refresh_from_db()
    assert draft_a.live is (who == "editor")


@pytest.mark.django_db
def test_trusted_organisation_publishes_directly(client, hub, member_a, draft_a, organisation):
    organisation.trusted = True
    organisation.save()
    client.force_login(member_a)
    client.post(f"/admin/pages/{draft_a.pk}/edit/", news_form("Vertrouwd",
                                                              **{"action-publish": "1"}))
    draft_a.refresh_from_db()
    assert draft_a.live
    organisation.trusted = False
    organisation.save()
    live = add_news(hub["page_a"], "Nog een")
    client.post(f"/admin/pages/{live.pk}/edit/", news_form("Niet meer", **{"action-publish": "1"}))
    live.refresh_from_db()
    assert live.title == "Nog een"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member_a", "admin_a", "member_b", "editor"])
def test_withdraw(client, actors, live_a, who):
    as_user(client, actors[who])
    response = client.post(reverse("memberhub:withdraw", args=[live_a.pk]))
    live_a.refresh_from_db()
    if who in MAY_WRITE_A:
        assert response.status_code == 302
        assert not live_a.live
    else:
        assert denied(response)
        assert live_a.live


@pytest.mark.django_db
def test_withdraw_cancels_moderation(client, hub, member_a, draft_a):
    draft_a.get_workflow().start(draft_a, member_a)
    client.force_login(member_a)
    assert client.post(reverse("memberhub:withdraw", args=[draft_a.pk])).status_code == 302
    assert not WorkflowState.objects.active().for_instance(draft_a).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member_a", "member_b", "editor"])
def test_withdraw_refuses_pages_that_are_not_contributions(client, actors, hub, who):
    as_user(client, actors[who])
    target = hub["sections"]["nieuws"]
    response = client.post(reverse("memberhub:withdraw", args=[target.pk]))
    assert denied(response)
    target.refresh_from_db()
    assert target.live


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member_a", "admin_a", "member_b", "editor"])
def test_admin_api_and_explorer(client, actors, hub, draft_a, who):
    as_user(client, actors[who])
    detail = client.get(f"/admin/api/main/pages/{draft_a.pk}/")
    children = client.get(f"/admin/api/main/pages/?child_of={hub['page_a'].pk}")
    explore = client.get(f"/admin/pages/{hub['page_a'].pk}/")
    if who in MAY_WRITE_A:
        assert detail.status_code == 200
        assert str(draft_a.pk) in [str(item["id"]) for item in children.json()["items"]]
        assert explore.status_code == 200
    elif who == "visitor":
        # Not signed in: every admin URL sends the visitor to the admin's login page.
        for response in (detail, children, explore):
            assert response.status_code == 302
            assert response["Location"].startswith("/admin/login/")
    else:
        # Another organisation's member: A's pages do not exist for them in the API, and
        # Wagtail sends them from A's page back to the root of what they may explore.
        assert detail.status_code == 404
        assert children.status_code == 400
        assert str(draft_a.pk) not in children.content.decode()
        assert explore.status_code == 302
        assert explore["Location"] not in ("", f"/admin/pages/{hub['page_a'].pk}/")
        assert explore["Location"].startswith("/admin/pages/")


@pytest.mark.django_db
def test_member_sees_only_own_organisation_in_admin(client, hub, member_a):
    from wagtail.permission_policies.pages import PagePermissionPolicy

    assert PagePermissionPolicy().explorable_root_instance(member_a).specific == hub["page_a"]
    client.force_login(member_a)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member_a", "admin_a", "member_b", "editor"])
def test_invite_and_edit_profile(client, actors, organisation, who):
    as_user(client, actors[who])
    invite = client.post(reverse("memberhub:colleagues", args=[organisation.slug]),
                         {"email": "nieuw@example.org", "role": "author"})
    profile = client.post(reverse("memberhub:edit_profile", args=[organisation.slug]),
                          {"website": "https://gewijzigd.example.org", "description": "Nieuw"})
    organisation.refresh_from_db()
    if who == "admin_a":
        assert invite.status_code == 302 and profile.status_code == 302
        assert Invitation.objects.filter(email="nieuw@example.org").exists()
        assert organisation.website == "https://gewijzigd.example.org"
    else:
        assert denied(invite) and denied(profile)
        assert not Invitation.objects.exists()
        assert organisation.website == ""


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "member_a", "member_b", "editor"])
def test_remove_and_set_role_only_by_org_admin(client, actors, member_a, who):
    membership = Membership.objects.get(user=member_a)
    as_user(client, actors[who])
    slug = membership.organisation.slug
    role = client.post(reverse("memberhub:set_role", args=[slug, membership.pk]),
                       {f"m{membership.pk}-role": "admin"})
    remove = client.post(reverse("memberhub:remove_member", args=[slug, membership.pk]))
    assert denied(role) and denied(remove)
    membership.refresh_from_db()
    assert membership.role == "author"


@pytest.mark.django_db
def test_org_admin_sets_role_and_removes_but_keeps_one_admin(client, admin_a, member_a):
    membership = Membership.objects.get(user=member_a)
    own = Membership.objects.get(user=admin_a)
    slug = membership.organisation.slug
    client.force_login(admin_a)
    client.post(reverse("memberhub:set_role", args=[slug, membership.pk]),
                {f"m{membership.pk}-role": "admin"})
    membership.refresh_from_db()
    assert membership.role == "admin"
    client.post(reverse("memberhub:remove_member", args=[slug, membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    response = client.post(reverse("memberhub:remove_member", args=[slug, own.pk]), follow=True)
    assert Membership.objects.filter(pk=own.pk).exists()
    assert "ten minste één" in response.content.decode()


@pytest.mark.django_db
def test_removed_member_loses_access_in_the_same_session(client, hub, member_a, draft_a):
    client.force_login(member_a)
    assert client.get(f"/admin/pages/{draft_a.pk}/edit/").status_code == 200
    Membership.objects.filter(user=member_a).delete()
    assert denied(client.get(f"/admin/pages/{draft_a.pk}/edit/"))
    assert denied(client.post(reverse("memberhub:withdraw", args=[draft_a.pk])))
    assert denied(client.get(ADD.format(hub["page_a"].pk)))


@pytest.mark.django_db
def test_deactivation_removes_rights_hides_from_directory_and_deletes_nothing(
        client, hub, member_a, organisation, live_a):
    client.force_login(member_a)
    set_organisation_active(organisation, False)
    assert denied(client.get(f"/admin/pages/{live_a.pk}/edit/"))
    page_a = hub["page_a"]
    assert Page.objects.filter(pk=page_a.pk).exists()
    assert NewsPage.objects.filter(pk=live_a.pk, live=True).exists()
    client.logout()
    directory = client.get("/leden/").content.decode()
    assert "Stichting Alfa" not in directory
    assert "Stichting Beta" in directory
    assert MemberOrganisation.objects.filter(pk=organisation.pk).exists()
