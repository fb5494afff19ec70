"""Joining by the group's rule, coordinators managing members, leaving with a confirmation."""

import pytest
from django.urls import reverse

from community.models import JoinRule, MembershipRequest, Space, SpaceMembership
from learninglines.models import WorkingGroupMembership
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_a_member_joins_an_open_group_and_leaves_after_confirming(login, member, space):
    client = login(member)
    assert client.post(reverse("community:join", args=[space.slug])).status_code == 302
    assert SpaceMembership.objects.filter(space=space, user=member).exists()
    assert member.groups.filter(pk=space.group_id).exists()
    confirm = client.get(reverse("community:leave", args=[space.slug]))
    assert confirm.status_code == 200 and SpaceMembership.objects.filter(user=member).exists()
    assert client.post(reverse("community:leave", args=[space.slug])).status_code == 302
    assert not SpaceMembership.objects.filter(space=space, user=member).exists()
    assert not member.groups.filter(pk=space.group_id).exists()


def test_on_request_a_coordinator_approves(login, member, coordinator, space):
    Space.objects.filter(pk=space.pk).update(join_rule=JoinRule.REQUEST)
    client = login(member)
    client.post(reverse("community:join", args=[space.slug]))
    assert not SpaceMembership.objects.filter(space=space, user=member).exists()
    request_ = MembershipRequest.objects.get(space=space, user=member)
    # the member cannot approve themselves
    assert client.post(reverse("community:members", args=[space.slug]),
                       {"action": "accept", "request": request_.pk}).status_code == 404
    login(coordinator).post(reverse("community:members", args=[space.slug]),
                            {"action": "accept", "request": request_.pk})
    assert SpaceMembership.objects.filter(space=space, user=member).exists()


def test_invitation_only_needs_an_invitation(login, member, other_space, other_member):
    from community.models import SpaceRole
    from community.services.spaces import set_role

    set_role(other_space, other_member, SpaceRole.COORDINATOR)
    client = login(member)
    client.post(reverse("community:join", args=[other_space.slug]))
    assert not SpaceMembership.objects.filter(space=other_space, user=member).exists()
    login(other_member).post(reverse("community:members", args=[other_space.slug]),
                             {"action": "invite", "email": member.email})
    assert client.get(reverse("community:space", args=[other_space.slug])).status_code == 200
    client.post(reverse("community:accept_invitation", args=[other_space.slug]))
    assert SpaceMembership.objects.filter(space=other_space, user=member).exists()


def test_coordinator_removes_a_member(login, coordinator, group_member, space, thread):
    login(coordinator).post(reverse("community:members", args=[space.slug]),
                            {"action": "remove", "user": group_member.pk})
    assert not SpaceMembership.objects.filter(space=space, user=group_member).exists()
    assert login(group_member).get(reverse("community:thread", args=[space.slug, thread.pk])) \
        .status_code == 404


def test_the_last_coordinator_cannot_leave(login, coordinator, space):
    login(coordinator).post(reverse("community:leave", args=[space.slug]))
    assert SpaceMembership.objects.filter(space=space, user=coordinator).exists()


def test_a_working_group_space_follows_the_working_group(site_structure, organisation):
    from tests.learninglines.factories import make_group, make_line

    group = make_group(make_line(site_structure))
    space = Space.objects.create(title=group.title, slug="wg", working_group=group)
    person = MembershipFactory(organisation=organisation).user
    WorkingGroupMembership.objects.create(group=group, user=person, organisation=organisation)
    assert SpaceMembership.objects.filter(space=space, user=person).exists()
    WorkingGroupMembership.objects.filter(group=group, user=person).delete()
    assert not SpaceMembership.objects.filter(space=space, user=person).exists()
    assert not person.groups.filter(pk=space.group_id).exists()


def test_my_portal_shows_my_groups_and_unread_count(login, group_member, space):
    page = login(group_member).get(reverse("memberhub:mijn")).content.decode()
    assert "Ledennetwerk" in page or "Members’ network" in page
    assert reverse("community:space", args=[space.slug]) in page
