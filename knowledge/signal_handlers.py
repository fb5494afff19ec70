"""Keep member-only items restricted in step with what is published."""

from wagtail.signals import page_published


def knowledge_item_published(sender, instance, revision=None, **kwargs):
    from knowledge.services import purge_cached_pages, sync_member_restriction

    user = getattr(revision, "user", None) if revision is not None else None
    sync_member_restriction(instance, user=user, allow_lifting=True)
    # A new or changed item changes the feed and the knowledge map too.
    purge_cached_pages(instance)


def connect():
    from knowledge.models import KnowledgeItemPage

    page_published.connect(
        knowledge_item_published, sender=KnowledgeItemPage,
        dispatch_uid="knowledge_item_published",
    )
