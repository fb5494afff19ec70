"""Who may download a document or an image's original file, and which media a person
sees in the admin.

A file belongs to the pages that use it. Wagtail's ReferenceIndex knows which pages
those are (StreamField blocks, rich-text links, foreign keys, inline attachments), and
``portal.visibility`` decides who may see a page, so a file is served to:

- anyone who may see one of the live pages that use it (a public page: everyone; a
  members-only page: those the page's view restriction admits);
- anyone admitted by the login or group restriction of the collection that holds it
  (Wagtail's collection privacy, asked through the same rule);
- the people who manage it in the admin: the organisation whose collection holds it
  (choose, add) and editors, so a member can check a file in a draft;
- nobody else. A file used only by a draft, or by no page at all (just uploaded, or
  used only outside pages), is not public.

Nothing is cached: the rule is asked on every download, so a page becoming
members-only, or a file added to a members-only item, takes effect at once.
"""

import secrets

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from portal.editor_rights import editor_rights_withheld
from portal.visibility import restriction_admits, visible_pages

# The admin actions that let someone see a file (and its download link) in the admin.
MANAGE_ACTIONS = ["choose", "change"]
# Length of the random prefix of an uploaded image's file name (hex digits, 64 bits).
FILE_TOKEN_LENGTH = 16


def pages_using(obj):
    """Pages (any state) whose saved content refers to ``obj``, per Wagtail's ReferenceIndex."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(obj).filter(
        base_content_type=page_type).values_list("object_id", flat=True)
    return Page.objects.filter(id__in=[int(value) for value in ids if value.isdigit()])


def manages(user, obj):
    """Whether the user sees this document or image in the admin (its collection's rights)."""
    if not user.is_authenticated or editor_rights_withheld(user):
        # Wagtail's collection rights come from group rows, not from Django's backend: an
        # editor who has not confirmed the second factor manages nothing (portal.editor_rights).
        return False
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, MANAGE_ACTIONS, obj)


def may_download(user, obj):
    """The one question for every document and image original: see the module docstring."""
    if visible_pages(user, pages_using(obj)).exists():
        return True
    if admitted_by_collection(user, obj):
        return True
    return manages(user, obj)


def admitted_by_collection(user, obj):
    """A file an editor put in a collection with a login or group restriction (Wagtail's
    collection privacy) goes to everyone that restriction admits, by the same rule as
    pages (portal.visibility.restriction_admits). Password restrictions admit no one here."""
    restrictions = list(obj.collection.get_view_restrictions()) if obj.collection_id else []
    return bool(restrictions) and all(
        restriction_admits(restriction.restriction_type,
                           restriction.groups.values_list("id", flat=True), user)
        for restriction in restrictions)


def manageable(user, model):
    """The documents or images this user sees in the admin (lists, choosers, the API)."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, MANAGE_ACTIONS)


def is_media_model(model):
    return issubclass(model, (get_document_model(), get_image_model()))


def tokenised_name(name):
    """``photo.jpg`` → ``3f9c…-photo.jpg``: a name nobody can guess, kept by renditions
    (Wagtail names a rendition after the original's file name, cut from the end)."""
    directory, _slash, basename = name.rpartition("/")
    token = secrets.token_hex(FILE_TOKEN_LENGTH // 2)
    renamed = f"{token}-{basename}"
    return f"{directory}/{renamed}" if directory else renamed


def give_upload_a_secret_name(sender, instance, **kwargs):
    """pre_save of images: a new upload is stored under an unguessable name."""
    file = instance.file
    if file and not getattr(file, "_committed", True):
        file.name = tokenised_name(file.name)
