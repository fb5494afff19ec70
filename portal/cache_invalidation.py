"""Which cached paths a page change affects, and the signal handlers that purge them.

A publish purges the page, its listings and (through the content generation) the
answers built from many pages. A change of who may see a page (a view restriction made,
changed or lifted, an unpublish, a move, a delete) may show up anywhere (related items on
other pages, organisation pages, the agenda, feeds, search, the API), so it purges every
cached page, route, menu and content count, at once and again after the commit (so that
no request in between caches the old state), and the front-end proxy where there is one.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.cache import bump_content_generation, purge_everything, purge_paths


def _paths_of(pages):
    """The pages' addresses on every language's site: a page is also shown under the
    other language's address where that language has no version of it (the fallback,
    portal/languages.py)."""
    from portal.languages import address_in_language, language_codes

    paths = set()
    for page in pages:
        for code in language_codes():
            url = address_in_language(page, code)
            if url and url.startswith("/"):
                paths.add(url)
    return paths


def affected_pages(page):
    """The page, its ancestors (their listings show it), the top-level section pages and
    home pages (cross-section listings, the agenda), each in every language."""
    pages = [page, *page.get_ancestors().filter(depth__gt=1)]
    pages += list(Page.objects.filter(depth__in=[2, 3]))
    keys = {p.translation_key for p in pages}
    return list(Page.objects.filter(translation_key__in=keys)) + pages


def purge_for_page(page):
    from portal.routing import forget_routes
    from portal.selectors import bump_navigation

    bump_navigation()
    forget_routes()
    bump_content_generation()
    purge_paths(_paths_of(affected_pages(page)) | {"/agenda.ics", "/en/agenda.ics", "/sitemap.xml"})


def _forget_everything():
    from portal.routing import forget_routes
    from portal.selectors import bump_navigation

    bump_navigation()
    forget_routes()
    bump_content_generation()
    purge_everything()


def purge_for_visibility_change(page, old_paths=()):
    """Who may see ``page`` (and its subtree) changed: forget every cached answer now and
    after the commit; tell the front-end proxy after the commit."""
    _forget_everything()
    urls = _proxy_urls(page, old_paths) if settings.WAGTAILFRONTENDCACHE else []

    def after_commit():
        _forget_everything()
        if urls:
            from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

            purge_urls_from_cache(urls)

    transaction.on_commit(after_commit)


def _proxy_urls(page, old_paths):
    """Full URLs a caching proxy may hold that show the page: its pages and listings
    (as for a publish) and their feeds, its old address, its API detail, the sitemap and
    the agenda file. A proxy cannot be told every query-string variant (search, filtered
    listings, the API listing): it must keep those briefly (docs/deployment.md)."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    listings = _paths_of(affected_pages(page))
    paths = listings | {path + "feed/" for path in listings} | set(old_paths) | {
        f"/api/v2/pages/{page.pk}/", "/sitemap.xml", "/agenda.ics", "/en/agenda.ics"}
    return sorted(base + path for path in paths)


def on_page_change(sender, instance, **kwargs):
    purge_for_page(instance)


def on_page_unpublished(sender, instance, **kwargs):
    purge_for_page(instance)
    purge_for_visibility_change(instance)


def _old_path(instance, url_path_before):
    """The address the moved page had (on the same site), or None."""
    root_prefix = "/".join(instance.url_path.split("/")[:2]) + "/"
    url = instance.get_url()
    if url and url_path_before.startswith(root_prefix):
        new_relative = instance.url_path[len(root_prefix):]
        if url.endswith(new_relative):
            base = url[: len(url) - len(new_relative)]
            return base + url_path_before[len(root_prefix):]
    return None


def on_page_move(sender, instance, url_path_before=None, **kwargs):
    purge_for_page(instance)
    # The old address must stop answering from the cache too; the new place may be
    # under another restriction.
    old_path = _old_path(instance, url_path_before) if url_path_before else None
    if old_path:
        purge_paths({old_path})
    purge_for_visibility_change(instance, [old_path] if old_path else [])


def on_page_delete(sender, instance, **kwargs):
    purge_for_page(instance)
    purge_for_visibility_change(instance)


def on_restriction_change(sender, instance, **kwargs):
    """A view restriction made, changed or lifted (the admin's privacy dialog)."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge_for_visibility_change(page)
    else:
        _forget_everything()


def on_restriction_groups_change(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        on_restriction_change(sender, instance)


def bump_content_generation_on_change(model):
    """Answers built from many pages (counts, listings) are labelled with ``model``'s
    names: a new content generation whenever one is saved or deleted."""
    from django.db.models.signals import post_delete, post_save

    post_save.connect(bump_content_generation, sender=model,
                      dispatch_uid=f"content_generation_saved_{model.__name__}")
    post_delete.connect(bump_content_generation, sender=model,
                        dispatch_uid=f"content_generation_deleted_{model.__name__}")


def connect():
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import PageViewRestriction

    # Who may see what.
    post_save.connect(on_restriction_change, sender=PageViewRestriction,
                      dispatch_uid="pagecache_restriction_saved")
    post_delete.connect(on_restriction_change, sender=PageViewRestriction,
                        dispatch_uid="pagecache_restriction_deleted")
    m2m_changed.connect(on_restriction_groups_change, sender=PageViewRestriction.groups.through,
                        dispatch_uid="pagecache_restriction_groups")
    # The vocabularies counts are labelled with (memberhub adds its organisations).
    for model in (apps.get_model("portal", "ThemeTag"),
                  apps.get_model("portal", "SustainableDevelopmentGoal")):
        bump_content_generation_on_change(model)

    page_published.connect(on_page_change, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="pagecache_moved")
    post_delete.connect(on_page_delete, sender=Page, dispatch_uid="pagecache_deleted")
