"""Editor rights count only after the second factor (the one rule for two-factor).

Editors (group ``Editors``) and administrators (superusers) must confirm a one-time code
(portal/two_factor.py) before they may use their rights. Until they have done so in this
session, the request's user is an ordinary user everywhere, not just in the Wagtail admin:

- ``is_superuser`` reads False on that request's user object (the account itself keeps it:
  ``memberhub.User.save`` writes the stored value back),
- the Editors group gives no Django permissions (:class:`EditorRightsBackend`), no view
  rights (``portal.visibility.group_ids`` leaves it out) and no editor actions
  (``portal.permissions.has_editor_rights``, which every editor check asks).

Who holds which rights at all (the groups and their permissions) is portal/permissions.py.

``RequireTwoFactorMiddleware`` applies this to every request and still sends the admin to
the code page, since the admin is useless without the rights.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from portal.visibility import EDITORS_GROUP_NAME

# On a request's user object: the stored is_superuser value while the rights are withheld.
WITHHELD_ATTRIBUTE = "_portal_withheld_superuser"
# What Django and portal.visibility remember on a user object about its rights.
CACHED_RIGHTS = ("_perm_cache", "_group_perm_cache", "_user_perm_cache", "_portal_group_ids",
                 "_portal_hidden_restricted")


def editor_rights_withheld(user):
    """Whether this request's user has editor rights that wait for the second factor."""
    return getattr(user, WITHHELD_ATTRIBUTE, None) is not None


def requires_two_factor(user):
    from portal.permissions import has_editor_role

    return getattr(settings, "PORTAL_REQUIRE_2FA", True) and has_editor_role(user)


def _is_verified(user):
    is_verified = getattr(user, "is_verified", None)  # set by django-otp's middleware
    return bool(is_verified and is_verified())


def withhold_editor_rights(user):
    """The request's user without editor rights while the second factor is unconfirmed."""
    if editor_rights_withheld(user) or not requires_two_factor(user) or _is_verified(user):
        return user
    setattr(user, WITHHELD_ATTRIBUTE, bool(user.is_superuser))
    user.is_superuser = False
    for cached in CACHED_RIGHTS:
        if hasattr(user, cached):
            delattr(user, cached)
    return user


class EditorRightsBackend(ModelBackend):
    """Django's ModelBackend, except that the Editors group gives no permissions while the
    user's editor rights are withheld."""

    def _get_group_permissions(self, user_obj):
        from django.contrib.auth.models import Permission

        groups = user_obj.groups.all()
        if editor_rights_withheld(user_obj):
            groups = groups.exclude(name=EDITORS_GROUP_NAME)
        return Permission.objects.filter(group__in=groups)
