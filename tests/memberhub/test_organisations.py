import pytest
from django.core.exceptions import ValidationError

from memberhub.models import Membership
from memberhub.selectors import is_member
from portal.visibility import MEMBERS_GROUP_NAME
from tests.factories import MembershipFactory, OrganisationFactory


@pytest.mark.django_db
def test_user_can_belong_to_several_organisations(member, other_organisation):
    MembershipFactory(user=member, organisation=other_organisation)
    assert member.memberships.count() == 2


@pytest.mark.django_db
def test_duplicate_membership_is_refused_with_clear_message(member, organisation):
    duplicate = Membership(user=member, organisation=organisation)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "al lid" in str(error.value)
    assert Membership.objects.filter(user=member).count() == 1


@pytest.mark.django_db
def test_members_group_follows_memberships(outsider):
    assert not outsider.groups.filter(name=MEMBERS_GROUP_NAME).exists()
    membership = MembershipFactory(user=outsider)
    assert outsider.groups.filter(name=MEMBERS_GROUP_NAME).exists()
    membership.delete()
    assert not outsider.groups.filter(name=MEMBERS_GROUP_NAME).exists()


@pytest.mark.django_db
def test_member_of_two_keeps_rights_when_one_organisation_is_deactivated(member, organisation):
    second = OrganisationFactory()
    MembershipFactory(user=member, organisation=second)
    organisation.active = False
    organisation.save()
    assert is_member(member)
    second.active = False
    second.save()
    assert not is_member(member)
    assert not member.groups.filter(name=MEMBERS_GROUP_NAME).exists()


@pytest.mark.django_db
def test_editors_group_exists_with_admin_access():
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="access_admin").exists()
    assert editors.permissions.filter(codename="change_memberorganisation").exists()
    assert editors.page_permissions.filter(permission__codename="publish_page").exists()


@pytest.mark.django_db
def test_editor_manages_organisations_in_admin(client, editor, organisation):
    client.force_login(editor)
    listing = client.get("/admin/organisations/?active=false")
    assert listing.status_code == 200
    assert client.get("/admin/organisations/?q=Alfa").status_code == 200
    response = client.post("/admin/organisations/new/", {
        "name": "Nieuwe Stichting", "slug": "nieuwe-stichting", "website": "",
        "description": "", "member_since": "2026-01-01", "active": "on",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get("/admin/memberships/").status_code == 200


@pytest.mark.django_db
def test_member_cannot_open_organisation_admin(client, member):
    client.force_login(member)
    response = client.get("/admin/organisations/")
    assert response.status_code in (302, 403)
