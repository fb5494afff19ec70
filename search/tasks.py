"""Background work for the search index (django-tasks).

Index updates never make publishing fail: they run after commit, in a task; a failure
is logged and the update is recorded for catching up (search.service).
"""

import logging

from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def update_pages_task(page_ids):
    from wagtail.models import Page

    from search import service

    service.catch_up(respect_outage=True)
    pages = {page.id: page for page in Page.objects.filter(id__in=page_ids).specific()}
    for page_id in page_ids:
        page = pages.get(page_id)
        if page is None:
            service.remove_page(page_id)
        else:
            service.index_page(page)
    forget_cached_results()


@task()
def remove_pages_task(page_ids):
    from search import service

    for page_id in page_ids:
        service.remove_page(page_id)
    forget_cached_results()


def forget_cached_results():
    """Cached search result pages (portal/cache.py) follow the content generation."""
    from portal.cache import bump_content_generation

    bump_content_generation()


def _enqueue(task_function, page_ids):
    page_ids = sorted(set(page_ids))
    if not page_ids:
        return

    def run():
        try:
            task_function.enqueue(page_ids)
        except Exception:
            logger.exception("Could not queue a search index update for %s", page_ids)

    transaction.on_commit(run)


def schedule_update(page_ids):
    _enqueue(update_pages_task, page_ids)


def schedule_removal(page_ids):
    _enqueue(remove_pages_task, page_ids)


def schedule_subtree_update(page, withdraw=False):
    """Update the documents of the page and its subtree after the commit; ``withdraw``:
    who may see them changed, so hide them from every search at once until then."""
    from wagtail.models import Page

    from search import service

    ids = list(Page.objects.descendant_of(page, inclusive=True).values_list("id", flat=True))
    if withdraw:
        service.withdraw_pages(ids)
    schedule_update(ids)


@task()
def catch_up_task():
    """Replay index updates the engine missed (by hand: `manage.py search_index update`)."""
    from search import service

    return service.catch_up()
