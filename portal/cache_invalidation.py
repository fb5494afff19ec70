"""Which cached paths a page change affects, and the signal handlers that purge them."""

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.cache import bump_content_generation, purge_paths


def _paths_of(pages):
    paths = set()
    for page in pages:
        url = page.get_url()
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
    purge_paths(_paths_of(affected_pages(page)) | {"/agenda.ics", "/sitemap.xml"})


def on_page_change(sender, instance, **kwargs):
    purge_for_page(instance)


def on_page_move(sender, instance, url_path_before=None, **kwargs):
    purge_for_page(instance)
    if not url_path_before:
        return
    # The old address must stop answering from the cache too.
    root_prefix = "/".join(instance.url_path.split("/")[:2]) + "/"
    url = instance.get_url()
    if url and url_path_before.startswith(root_prefix):
        new_relative = instance.url_path[len(root_prefix):]
        if url.endswith(new_relative):
            base = url[: len(url) - len(new_relative)]
            purge_paths({base + url_path_before[len(root_prefix):]})


def on_page_delete(sender, instance, **kwargs):
    purge_for_page(instance)


def connect():
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import PageViewRestriction

    # Who may see what, and the vocabularies counts are labelled with.
    for model in (PageViewRestriction, apps.get_model("portal", "ThemeTag"),
                  apps.get_model("portal", "SustainableDevelopmentGoal"),
                  apps.get_model("memberhub", "MemberOrganisation")):
        post_save.connect(bump_content_generation, sender=model,
                          dispatch_uid=f"content_generation_saved_{model.__name__}")
        post_delete.connect(bump_content_generation, sender=model,
                            dispatch_uid=f"content_generation_deleted_{model.__name__}")
    m2m_changed.connect(bump_content_generation, sender=PageViewRestriction.groups.through,
                        dispatch_uid="content_generation_restriction_groups")

    page_published.connect(on_page_change, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_change, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="pagecache_moved")
    post_delete.connect(on_page_delete, sender=Page, dispatch_uid="pagecache_deleted")
