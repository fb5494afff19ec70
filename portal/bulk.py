"""Fast creation of many live pages at once, for generated benchmark content.

Wagtail's ``add_child`` + ``save_revision().publish()`` takes tens of milliseconds per
page; 100,000 pages would take most of an hour. This writes the tree rows directly:
the Page rows with Django's bulk_create (paths computed as treebeard would), then the
specific rows of the page model. The pages are live, without revisions; everything
else (search index, caches) is rebuilt afterwards by the caller. Never used for
content people write.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page


def bulk_add_children(parent, pages, batch_size=1000):
    """Add ``pages`` (unsaved instances of one specific page model) under ``parent``."""
    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    parent = Page.objects.get(pk=parent.pk)
    last_child = parent.get_last_child()
    next_step = (last_child._get_lastpos_in_path() + 1) if last_child else 1
    depth = parent.depth + 1
    now = timezone.now()
    for offset, page in enumerate(pages):
        page.path = parent.path + Page._int2str(next_step + offset).rjust(Page.steplen, "0")
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = page.translation_key or uuid.uuid4()
        page.live = True
        page.has_unpublished_changes = False
        page.draft_title = page.title
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or page.first_published_at
        page.latest_revision_created_at = page.last_published_at
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    specific_fields = [field for field in model._meta.local_concrete_fields]
    with transaction.atomic():
        for start in range(0, len(pages), batch_size):
            batch = pages[start:start + batch_size]
            bases = [Page(**{field.attname: getattr(page, field.attname)
                             for field in page_fields}) for page in batch]
            Page.objects.bulk_create(bases, batch_size=batch_size)
            if connection.features.can_return_rows_from_bulk_insert:
                ids = [base.pk for base in bases]
            else:  # pragma: no cover (every supported database returns them)
                ids = list(Page.objects.filter(path__in=[b.path for b in bases])
                           .order_by("path").values_list("pk", flat=True))
            for page, page_id in zip(batch, ids, strict=True):
                page.pk = page.id = page.page_ptr_id = page_id
            model._base_manager._insert(batch, fields=specific_fields, using="default")
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages
