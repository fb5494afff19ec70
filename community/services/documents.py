"""Shared documents: every version a Wagtail document in the space's private collection,
checked by content on upload (portal.uploads)."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from community.access import can_post
from community.models import SharedDocument, SharedDocumentVersion
from community.services import CommunityError
from portal.uploads import UploadRejected, check_document_upload


@transaction.atomic
def add_version(space, user, uploaded, *, title="", shared=None, note=""):
    if not can_post(user, space):
        raise CommunityError(_("Only members of this group can share documents here."))
    if shared is not None and shared.space_id != space.pk:
        raise CommunityError(_("This document does not belong to this group."))
    try:
        check_document_upload(uploaded)
    except UploadRejected as error:
        raise CommunityError(str(error)) from error
    if shared is None:
        title = " ".join((title or "").split()) or uploaded.name
        shared = SharedDocument.objects.create(space=space, title=title[:200], created_by=user)
    else:
        shared = SharedDocument.objects.select_for_update().get(pk=shared.pk)
    number = (shared.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    document = get_document_model().objects.create(
        title=f"{shared.title} (v{number})", file=uploaded, collection=space.collection,
        uploaded_by_user=user)
    version = SharedDocumentVersion.objects.create(shared=shared, number=number,
                                                   document=document, uploaded_by=user,
                                                   note=(note or "")[:300])
    shared.save(update_fields=["updated_at"])
    return version
