"""Reads about people and organisations."""

from memberhub.models import MemberOrganisation, Membership


def active_memberships(user):
    """The user's memberships of active organisations (member rights come only from these)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user, organisation__active=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def is_member(user):
    """A member is a user with a membership of an active organisation."""
    return user.is_authenticated and active_memberships(user).exists()


def is_org_admin(user, organisation):
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, organisation=organisation, organisation__active=True,
            role=Membership.Role.ADMIN,
        ).exists()
    )


def organisations_of(user):
    return MemberOrganisation.objects.filter(
        memberships__user=user, active=True
    ).order_by("name") if user.is_authenticated else MemberOrganisation.objects.none()
