"""Who may do what with mailings: the one place views, hooks and the admin ask.

The rules rest on Wagtail's model permission policy for :class:`~mailings.models.Mailing`
(the permissions ``mailings.change_mailing`` and the model's own ``mailings.send_mailing``),
which the snippet views use too:

- compose (edit, preview, send a test to oneself): ``change``;
- send to every recipient and resume a send: ``send``;
- editors get every mailings permission (:func:`grant_editor_permissions`).

Nobody manages another person's subscriptions: the subscriptions page and the
unsubscribe links only ever change the signed-in person's or the link's own account
(:mod:`mailings.views`). Which items a person may be *sent* is the portal's one
visibility rule (``portal.visibility.can_view``, through ``mailings.selectors.Audience``).
"""

from wagtail.permission_policies import ModelPermissionPolicy

from mailings.models import Mailing

mailing_permission_policy = ModelPermissionPolicy(Mailing)


def _allowed(user, action):
    return user.is_active and (
        user.is_superuser or mailing_permission_policy.user_has_permission(user, action))


def can_compose(user):
    """Edit and preview mailings, and send a test to oneself."""
    return _allowed(user, "change")


def can_send(user):
    """Send a mailing to all its recipients (or resume a send that stopped)."""
    return _allowed(user, "send")


def grant_editor_permissions():
    """Editors compose and send mailings and mark bounced addresses: give the Editors
    group every mailings permission (idempotent; nothing when the group does not exist
    yet). Run after migrate, once every app's permissions exist."""
    from django.contrib.auth.models import Group, Permission

    from portal.visibility import EDITORS_GROUP_NAME

    editors = Group.objects.filter(name=EDITORS_GROUP_NAME).first()
    if editors is None:
        return
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="mailings"))
