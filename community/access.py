"""Who sees and does what in the community, derived from portal.visibility (the one rule):
a space is seen by the holders of its Django group's token (and editors); a profile field
by the audience its owner chose (all members, the groups of the owner's organisations,
nobody)."""

from community.models import FieldVisibility, SpaceMembership, SpaceRole
from portal.permissions import has_editor_rights
from portal.visibility import (
    EDITORS_GROUP_NAME,
    audience_admits,
    group_ids,
    groups_audience,
    members_audience,
    named_group_ids,
    user_audience,
)


def is_community_member(user):
    """Members (and editors) see the directory and the spaces they belong to."""
    return bool(user and user.is_authenticated) and audience_admits(members_audience(), user)


def space_audience(space):
    if not space.group_id:
        return set()
    return groups_audience([space.group_id, *named_group_ids(EDITORS_GROUP_NAME)])


def can_view_space(user, space):
    """Members of the space (its Django group) and editors, who must still be members."""
    return is_community_member(user) and audience_admits(space_audience(space), user)


def membership_of(user, space):
    if not user.is_authenticated:
        return None
    return SpaceMembership.objects.filter(space=space, user=user).first()


def can_post(user, space):
    return is_community_member(user) and space.group_id in group_ids(user) and \
        SpaceMembership.objects.filter(space=space, user=user).exists()


def is_coordinator(user, space):
    return user.is_authenticated and SpaceMembership.objects.filter(
        space=space, user=user, role=SpaceRole.COORDINATOR).exists()


def can_moderate(user, space):
    """Coordinators of the space and editors (with their second factor) hide posts."""
    return can_view_space(user, space) and (is_coordinator(user, space)
                                            or has_editor_rights(user))


class ProfileViewer:
    """One viewer's view of many profiles, asked once (a directory page stays at a fixed
    number of queries): which fields of a profile this viewer may see."""

    def __init__(self, user):
        self.user = user
        self.tokens = user_audience(user)
        self.members = members_audience()
        self.is_member = bool(self.tokens & self.members)

    def audience(self, profile, field, owner_group_ids):
        choice = getattr(profile, f"{field}_visibility")
        if choice == FieldVisibility.MEMBERS:
            return self.members
        if choice == FieldVisibility.ORGANISATION:
            return groups_audience(owner_group_ids)
        return set()

    def sees(self, profile, field, owner_group_ids):
        if self.user.is_authenticated and profile.user_id == self.user.pk:
            return True
        return self.is_member and bool(self.audience(profile, field, owner_group_ids)
                                       & self.tokens)

    def visible_fields(self, profile, owner_group_ids):
        return {field for field in profile.VISIBLE_FIELDS
                if self.sees(profile, field, owner_group_ids)}
