"""Who may see a knowledge item: the one place the knowledge base states it.

An item is for members only when the editor ticks "members only" or when its kind is
always for members (``KnowledgeItemPage.requires_membership``, ``MEMBER_ONLY_KINDS``).
Such an item gets one Wagtail page-privacy restriction open to the groups below
(:func:`knowledge.services.sync_member_restriction` keeps it in step); what anyone may
then see follows from ``portal.visibility`` (``visible_pages``, ``can_view``), the one
rule every listing, count, feed and e-mail asks. Editing items is Wagtail's own page
permissions.
"""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from portal.visibility import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME

MEMBER_RESTRICTION_GROUPS = (MEMBERS_GROUP_NAME, EDITORS_GROUP_NAME)


def member_groups():
    """The groups a member-only item is open to (created when missing)."""
    return [Group.objects.get_or_create(name=name)[0] for name in MEMBER_RESTRICTION_GROUPS]


def is_member_restriction(restriction):
    """Whether a restriction is the member restriction: groups Members + Editors."""
    if restriction.restriction_type != PageViewRestriction.GROUPS:
        return False
    names = set(restriction.groups.values_list("name", flat=True))
    return names == set(MEMBER_RESTRICTION_GROUPS)
