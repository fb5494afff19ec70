"""Publishing an item tells the people who follow it "immediately"; editors get the
mailing permissions after every migrate. (The cached feeds need no receiver here: every
path ending in /feed/ follows the content generation that portal bumps on each publish
and unpublish, portal/cache_invalidation.py and docs/architecture.md.)"""

import logging

from django.db import transaction
from wagtail.signals import page_published

logger = logging.getLogger(__name__)


def page_published_handler(sender, instance, **kwargs):
    from mailings.selectors import notifiable_models

    if type(instance) not in {model for model, _kind in notifiable_models()}:
        return
    page_id = instance.pk

    def enqueue():
        from mailings.tasks import notify_published_task

        try:
            notify_published_task.enqueue(page_id)
        except Exception:  # publishing never fails because notifications cannot be queued
            logger.exception("Could not enqueue notifications for page %s", page_id)

    transaction.on_commit(enqueue)


def connect():
    from mailings.permissions import grant_editor_permissions
    from portal.signal_handlers import after_all_migrations

    page_published.connect(page_published_handler, dispatch_uid="mailings_page_published")
    after_all_migrations(grant_editor_permissions, dispatch_uid="mailings_editor_permissions")
