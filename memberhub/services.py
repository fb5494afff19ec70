"""Actions on people and organisations.

Member rights are carried by Django groups so that Wagtail's own page privacy and
permissions apply them; these functions keep the groups in step with memberships.
"""

from django.contrib.auth.models import Group
from django.db import transaction

from memberhub.models import MemberOrganisation, User
from memberhub.selectors import is_member
from portal.visibility import MEMBERS_GROUP_NAME


def members_group():
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


def sync_member_groups(user):
    """Put the user in the Members group exactly when they have an active membership."""
    group = members_group()
    if is_member(user):
        user.groups.add(group)
    else:
        user.groups.remove(group)
    user.__dict__.pop("_portal_group_ids", None)


def sync_organisation_members(organisation):
    """After an organisation changes (e.g. is deactivated), re-check each of its people."""
    for user in User.objects.filter(memberships__organisation=organisation).distinct():
        sync_member_groups(user)


@transaction.atomic
def set_organisation_active(organisation: MemberOrganisation, active: bool):
    organisation.active = active
    organisation.save(update_fields=["active", "updated_at"])
    sync_organisation_members(organisation)
