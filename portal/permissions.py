"""The core's permission rules, in one place: views, hooks and templates ask these.

- Roles: :func:`has_editor_role` (editor or administrator by account) and
  :func:`has_editor_rights` (may act as one now: after the second factor,
  portal/editor_rights.py).
- Groups: :func:`ensure_groups` creates Members and Editors and grants Editors their page,
  collection and model permissions; it runs after every migrate
  (``portal.signal_handlers.after_all_migrations``), so permissions of models added later
  are granted too. Feature apps grant anything beyond this themselves (e.g.
  mailings/signal_handlers.py).
- Who may see a page is not here: that is the one visibility rule, portal/visibility.py.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal.editor_rights import editor_rights_withheld
from portal.visibility import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME

EDITOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
}
# App labels whose models editors manage in full (organisations, memberships, …).
EDITOR_MODEL_APPS = ["memberhub", "knowledge", "learninglines", "search", "portal", "taggit",
                     "community"]
EDITOR_EXTRA_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    # Translate pages and sync translations with wagtail-localize (docs/translation.md).
    ("wagtail_localize", "submit_translation"),
]


def has_editor_role(user):
    """Editor or administrator by account, whether or not the second factor is confirmed."""
    if not user.is_authenticated:
        return False
    if editor_rights_withheld(user):
        return True
    return user.is_superuser or user.groups.filter(name=EDITORS_GROUP_NAME).exists()


def has_editor_rights(user):
    """Editor or administrator who may act as one now: the second factor is confirmed in
    this session (or not required)."""
    return not editor_rights_withheld(user) and has_editor_role(user)


def ensure_groups():
    """Create the Editors and Members groups with their permissions. Idempotent.

    Runs after every migrate, so permissions of models added later are granted too.
    """
    Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP_NAME)

    page_content_type = ContentType.objects.get_for_model(Page)
    root = Page.get_first_root_node()
    if root is not None:
        for permission_type in EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type=page_content_type, codename=f"{permission_type}_page"
            ).first()
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=editors, page=root, permission=permission
                )

    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for app_label, codenames in EDITOR_COLLECTION_PERMISSIONS.items():
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=editors, collection=root_collection, permission=permission
                )

    model_permissions = Permission.objects.filter(content_type__app_label__in=EDITOR_MODEL_APPS)
    editors.permissions.add(*model_permissions)
    for app_label, codename in EDITOR_EXTRA_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            editors.permissions.add(permission)
    return editors
