"""Actions on knowledge items."""

from django.db import transaction
from wagtail.models import PageViewRestriction

from knowledge.permissions import is_member_restriction, member_groups


def purge_cached_pages(page):
    """Anonymous visitors get cached pages (portal/cache.py): when an item's privacy
    changes, drop the cached item, its listings, the knowledge map and the feed, at once
    and again after the transaction commits (so no request caches the old state between)."""
    from portal.cache import purge_paths
    from portal.cache_invalidation import purge_for_page

    def purge():
        from knowledge.models import KnowledgeIndexPage, KnowledgeMapPage

        purge_for_page(page)
        paths = set()
        for index in KnowledgeIndexPage.objects.all():
            url = index.get_url()
            if url:
                paths.add(url + index.reverse_subpage("feed"))
        for knowledge_map in KnowledgeMapPage.objects.all():
            url = knowledge_map.get_url()
            if url:
                paths.add(url)
        purge_paths(paths)

    purge()
    transaction.on_commit(purge)


@transaction.atomic
def sync_member_restriction(page, user=None, allow_lifting=False):
    """Keep the page's view restriction in step with its members-only flag and kind.

    A member-only item gets one GROUPS restriction for Members and Editors (Wagtail page
    privacy: visitors following a link are sent to the login page). When the item no
    longer needs it and ``allow_lifting`` is set (on publication), that restriction is
    removed; restrictions an editor set up differently are left alone.
    Returns the restriction in force, or None.
    """
    restrictions = list(PageViewRestriction.objects.filter(page=page))
    if page.requires_membership:
        groups = member_groups()
        for restriction in restrictions:
            if is_member_restriction(restriction):
                return restriction
        if restrictions:
            # An editor's own restriction (e.g. a password) becomes the member restriction:
            # the page must be open to members, and at most one restriction is kept.
            restriction = restrictions[0]
            for extra in restrictions[1:]:
                extra.delete(user=user)
            restriction.restriction_type = PageViewRestriction.GROUPS
            restriction.password = ""  # nosec B105 (clears the field: no password kind)
            restriction.save(user=user)
        else:
            restriction = PageViewRestriction(
                page=page, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.save(user=user)
        restriction.groups.set(groups)
        purge_cached_pages(page)
        return restriction
    if allow_lifting:
        for restriction in list(restrictions):
            if is_member_restriction(restriction):
                restriction.delete(user=user)
                restrictions.remove(restriction)
                purge_cached_pages(page)
    return restrictions[0] if restrictions else None
