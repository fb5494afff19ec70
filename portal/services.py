"""Actions on the portal shell: the groups every installation needs."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal.visibility import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME

EDITOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
}
# App labels whose models editors manage in full (organisations, memberships, …).
EDITOR_MODEL_APPS = ["memberhub", "knowledge", "learninglines", "search", "portal", "taggit"]
EDITOR_EXTRA_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]


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
