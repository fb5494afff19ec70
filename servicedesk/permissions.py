"""Who may do what at the shared services desk: the one place views, hooks and the admin
ask.

- Staff (the association's staff: ``servicedesk.answer_question``, given to Editors after
  every migrate) see and answer every question in the Wagtail admin (the viewset's
  permission policy, servicedesk/admin.py, asks :func:`is_staff_of_desk`).
- A member asks for, and sees the questions of, the active organisations they belong to;
  never another organisation's. A visitor sees nothing.
"""

from memberhub.selectors import active_memberships


def is_staff_of_desk(user):
    return bool(user.is_authenticated and user.is_active and (
        user.is_superuser or user.has_perm("servicedesk.answer_question")))


def organisations_asking_for(user):
    """The organisations the user may ask questions for (and see the questions of)."""
    return [membership.organisation for membership in active_memberships(user)]


def can_ask_for(user, organisation_id):
    return any(organisation.pk == organisation_id
               for organisation in organisations_asking_for(user))


def can_see_question(user, question):
    if not user.is_authenticated:
        return False
    return is_staff_of_desk(user) or can_ask_for(user, question.organisation_id)


def grant_editor_permissions():
    """The association's staff work as Editors: give that group every servicedesk
    permission (idempotent; nothing when the group does not exist yet)."""
    from django.contrib.auth.models import Group, Permission

    from portal.visibility import EDITORS_GROUP_NAME

    editors = Group.objects.filter(name=EDITORS_GROUP_NAME).first()
    if editors is None:
        return
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="servicedesk"))
