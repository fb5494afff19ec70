"""Spaces and who is in them: joining by the space's rule, requests, invitations,
coordinators, leaving. Each member is in the space's Django group, which is what every
check asks (portal.visibility), so removing a member takes their access away at once."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection, CollectionViewRestriction

from community.models import Follow, JoinRule, MembershipRequest, Space, SpaceMembership, SpaceRole
from community.services import CommunityError
from portal.visibility import EDITORS_GROUP_NAME, forget, named_group_ids

GROUP_PREFIX = "Groepsruimte: "


@transaction.atomic
def ensure_space_access(space):
    """The Django group of the space's members and the collection of its documents,
    restricted to that group and the editors (Wagtail's collection privacy)."""
    changed = []
    if space.group_id is None:
        space.group, _created = Group.objects.get_or_create(name=f"{GROUP_PREFIX}{space.slug}")
        changed.append("group")
    if space.collection_id is None:
        root = Collection.get_first_root_node()
        space.collection = root.add_child(name=f"{GROUP_PREFIX}{space.title}")
        changed.append("collection")
    if changed:
        Space.objects.filter(pk=space.pk).update(
            **{field: getattr(space, field) for field in changed})
    restriction = CollectionViewRestriction.objects.filter(collection=space.collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=space.collection, restriction_type=CollectionViewRestriction.GROUPS)
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([space.group_id, *named_group_ids(EDITORS_GROUP_NAME)])
    return space


def sync_group_member(membership_or_none, user, space):
    """Put the person in the space's group, or take them out of it."""
    if space.group_id is None:
        return
    if membership_or_none is None:
        user.groups.remove(space.group_id)
    else:
        user.groups.add(space.group_id)
    forget(user)


def _working_group_organisation(user):
    from memberhub.selectors import active_memberships

    membership = active_memberships(user).first()
    return membership.organisation if membership else None


@transaction.atomic
def add_member(space, user, role=SpaceRole.MEMBER):
    from community.access import is_community_member

    if not is_community_member(user):
        raise CommunityError(_("Only members of the association can take part in a group."))
    membership, created = SpaceMembership.objects.get_or_create(
        space=space, user=user, defaults={"role": role})
    if not created and role == SpaceRole.COORDINATOR and not membership.is_coordinator:
        membership.role = role
        membership.save(update_fields=["role"])
    sync_group_member(membership, user, space)
    Follow.objects.get_or_create(user=user, space=space)
    MembershipRequest.objects.filter(space=space, user=user,
                                     status=MembershipRequest.Status.PENDING).update(
        status=MembershipRequest.Status.ACCEPTED, decided_at=timezone.now())
    if space.working_group_id:
        from learninglines.models import WorkingGroupMembership

        organisation = _working_group_organisation(user)
        if organisation is not None:
            WorkingGroupMembership.objects.get_or_create(
                group_id=space.working_group_id, user=user,
                defaults={"organisation": organisation})
    return membership, created


@transaction.atomic
def remove_member(space, user):
    """Out of the space at once: group, follows, and the working group it stands for."""
    deleted, _details = SpaceMembership.objects.filter(space=space, user=user).delete()
    sync_group_member(None, user, space)
    Follow.objects.filter(user=user, space=space).delete()
    Follow.objects.filter(user=user, thread__space=space).delete()
    if space.working_group_id:
        from learninglines.models import WorkingGroupMembership

        WorkingGroupMembership.objects.filter(group_id=space.working_group_id,
                                              user=user).delete()
    return bool(deleted)


def join(space, user):
    """Join an open space, or ask to join one on request. Returns "joined" or "requested"."""
    if SpaceMembership.objects.filter(space=space, user=user).exists():
        raise CommunityError(_("You are already a member of this group."))
    if space.join_rule == JoinRule.OPEN:
        add_member(space, user)
        return "joined"
    if space.join_rule == JoinRule.REQUEST:
        return request_to_join(space, user)
    invitation = MembershipRequest.objects.filter(
        space=space, user=user, kind=MembershipRequest.Kind.INVITATION,
        status=MembershipRequest.Status.PENDING).first()
    if invitation is None:
        raise CommunityError(_("This group is by invitation only."))
    add_member(space, user)
    return "joined"


@transaction.atomic
def request_to_join(space, user, message=""):
    from community.access import is_community_member

    if not is_community_member(user):
        raise CommunityError(_("Only members of the association can take part in a group."))
    if MembershipRequest.objects.filter(space=space, user=user,
                                        status=MembershipRequest.Status.PENDING).exists():
        raise CommunityError(_("You have already asked to join; a coordinator will answer."))
    MembershipRequest.objects.create(space=space, user=user, created_by=user,
                                     kind=MembershipRequest.Kind.REQUEST, message=message)
    return "requested"


@transaction.atomic
def invite(space, user, actor):
    if SpaceMembership.objects.filter(space=space, user=user).exists():
        raise CommunityError(_("This person is already a member of the group."))
    pending = MembershipRequest.objects.filter(space=space, user=user,
                                               status=MembershipRequest.Status.PENDING).first()
    if pending is not None:
        if pending.kind == MembershipRequest.Kind.REQUEST:
            add_member(space, user)
            return "joined"
        raise CommunityError(_("This person has already been invited."))
    MembershipRequest.objects.create(space=space, user=user, created_by=actor,
                                     kind=MembershipRequest.Kind.INVITATION)
    return "invited"


@transaction.atomic
def decide_request(request, actor, accept):
    if request.status != MembershipRequest.Status.PENDING:
        raise CommunityError(_("This request has already been answered."))
    if accept:
        add_member(request.space, request.user)
    MembershipRequest.objects.filter(pk=request.pk).update(
        status=MembershipRequest.Status.ACCEPTED if accept else MembershipRequest.Status.DECLINED,
        decided_by=actor, decided_at=timezone.now())


@transaction.atomic
def set_role(space, user, role):
    membership = SpaceMembership.objects.select_for_update().filter(space=space,
                                                                    user=user).first()
    if membership is None:
        raise CommunityError(_("This person is not a member of the group."))
    if role == SpaceRole.MEMBER and membership.is_coordinator and not \
            SpaceMembership.objects.filter(space=space, role=SpaceRole.COORDINATOR) \
            .exclude(pk=membership.pk).exists():
        raise CommunityError(_("A group needs at least one coordinator."))
    membership.role = role
    membership.save(update_fields=["role"])
