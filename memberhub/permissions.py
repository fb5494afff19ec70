"""Who may do what with organisations and their contributions: the one place that views,
hooks, services and templates ask (the server checks every action here, whatever the
page offered).

- An organisation admin (Membership.Role.ADMIN of an *active* organisation) edits its
  profile and manages its colleagues and invitations.
- The people of the organisation that owns a contribution, and editors, may withdraw it.
- Editors are people with editor rights in force (portal.editor_rights: second factor
  confirmed); everyone else signed in is treated as a member in the admin (a way back to
  /mijn/, no workflow restart or cancel).
"""

from django.core.exceptions import PermissionDenied

from memberhub.models import Membership
from memberhub.selectors import active_memberships


def is_editor(user):
    """Editor or administrator with their rights in force (second factor confirmed)."""
    from portal.permissions import has_editor_rights

    return has_editor_rights(user)


def is_member_not_editor(user):
    """Signed in without editor rights in force (members in the admin)."""
    return user.is_authenticated and not is_editor(user)


def administers(membership):
    """Whether this membership (of an active organisation) makes its user an org admin."""
    return membership.role == Membership.Role.ADMIN


def is_org_admin(user, organisation):
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, organisation=organisation, organisation__active=True,
            role=Membership.Role.ADMIN,
        ).exists()
    )


def require_org_admin(user, organisation):
    """Raise PermissionDenied unless ``user`` is an admin of ``organisation``."""
    if not is_org_admin(user, organisation):
        raise PermissionDenied


def can_withdraw(user, page):
    """People of the organisation that owns a contribution (and editors) may withdraw it."""
    if not user.is_authenticated or not user.is_active:
        return False
    organisation_id = getattr(page, "organisation_id", None)
    if not hasattr(page, "organisation_from_tree"):
        return False
    if is_editor(user):
        return True
    return organisation_id is not None and active_memberships(user).filter(
        organisation_id=organisation_id).exists()
