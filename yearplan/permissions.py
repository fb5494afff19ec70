"""Who may do what with the year plan: the one place views and hooks ask.

- The dashboard: ``yearplan.view_dashboard`` (editors and the Board group).
- The plan's targets, assemblies and campaigns in the admin: the models' own
  permissions through Wagtail's snippet views (editors get all of them).
- Check-in at the door: ``yearplan.change_assemblyregistration`` (editors).
- Members register, give their organisation's proxy and sign their organisation up for
  joint actions: only for an active organisation they belong to (yearplan.services).
"""

from django.contrib.auth.models import Group, Permission

BOARD_GROUP_NAME = "Board"


def _allowed(user, permission):
    return user.is_authenticated and user.is_active and user.has_perm(permission)


def can_see_dashboard(user):
    return _allowed(user, "yearplan.view_dashboard")


def can_check_in(user):
    return _allowed(user, "yearplan.change_assemblyregistration")


def ensure_permissions():
    """Editors get every year-plan permission; the Board group (made here) may open the
    admin and see the dashboard. Idempotent; runs after every migrate."""
    from portal.visibility import EDITORS_GROUP_NAME

    editors = Group.objects.filter(name=EDITORS_GROUP_NAME).first()
    if editors is not None:
        editors.permissions.add(*Permission.objects.filter(content_type__app_label="yearplan"))
    board, _created = Group.objects.get_or_create(name=BOARD_GROUP_NAME)
    board.permissions.add(*Permission.objects.filter(
        content_type__app_label="yearplan", codename="view_dashboard"))
    board.permissions.add(*Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"))
