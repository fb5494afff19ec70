"""The one place that decides which pages a user may see.

Every listing, count, feed, API response, sitemap, search result and mailing goes
through :func:`visible_pages`, so drafts and restricted pages never leak to someone
who may not see them. Page serving itself is guarded by Wagtail's own page privacy,
which applies the same rules (see :func:`restriction_admits`).
"""

import json

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Q
from django.db.models.lookups import In
from wagtail.models import Page, PageViewRestriction

MEMBERS_GROUP_NAME = "Members"
EDITORS_GROUP_NAME = "Editors"


def group_ids(user):
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_group_ids", None)
    if cached is None:
        from portal.editor_rights import editor_rights_withheld

        groups = user.groups.all()
        if editor_rights_withheld(user):  # no view rights from Editors before the 2nd factor
            groups = groups.exclude(name=EDITORS_GROUP_NAME)
        cached = frozenset(groups.values_list("id", flat=True))
        user._portal_group_ids = cached
    return cached


PUBLIC = "public"
AUTHENTICATED = "authenticated"
SUPERUSER = "superuser"


def user_audience(user):
    """What a user holds, as tokens: ``public`` for everyone; ``authenticated``,
    ``group:<id>`` per group and ``superuser`` for the signed-in."""
    if user is None or not user.is_authenticated:
        return {PUBLIC}
    tokens = {PUBLIC, AUTHENTICATED} | {f"group:{group_id}" for group_id in group_ids(user)}
    if user.is_superuser:
        tokens.add(SUPERUSER)
    return tokens


def restriction_audience(restriction_type, allowed_group_ids):
    """The tokens of which a user needs one to pass a view restriction (empty: no one
    passes it in listings; a password is per session, not per user)."""
    if restriction_type == PageViewRestriction.LOGIN:
        return {AUTHENTICATED}
    if restriction_type == PageViewRestriction.GROUPS:
        return {SUPERUSER} | {f"group:{group_id}" for group_id in allowed_group_ids}
    return set()


def restriction_admits(restriction_type, allowed_group_ids, user):
    """Whether a view restriction lets this user see the page in listings: the rule
    every listing, search audience and mailing audience derives from."""
    return bool(restriction_audience(restriction_type, allowed_group_ids)
                & user_audience(user))


def hidden_paths(user):
    """Tree paths of the restricted subtrees this user may not see."""
    return [path for path, _has_children in _hidden_restricted(user)]


def _hidden_restricted(user):
    """(path, has_children) of each restricted page this user may not see.

    Remembered on the user object, which lives for one request (Django loads
    ``request.user`` anew for every request), so a page asks the database once.
    """
    user = user or AnonymousUser()
    cached = getattr(user, "_portal_hidden_restricted", None)
    if cached is None:
        cached = _load_hidden_restricted(user)
        try:
            user._portal_hidden_restricted = cached
        except AttributeError:  # an object that does not take attributes: no caching
            pass
    return cached


def forget(user):
    """Drop what hidden_paths remembered for this user object (after a change)."""
    user.__dict__.pop("_portal_hidden_restricted", None)
    user.__dict__.pop("_portal_group_ids", None)


def _load_hidden_restricted(user):
    rows = PageViewRestriction.objects.values_list(
        "id", "page__path", "page__numchild", "restriction_type")
    if user.is_authenticated:
        groups_by_restriction = {}
        for restriction_id, group_id in PageViewRestriction.groups.through.objects.values_list(
            "pageviewrestriction_id", "group_id"
        ):
            groups_by_restriction.setdefault(restriction_id, set()).add(group_id)
        rows = [
            row for row in rows
            if not restriction_admits(row[3], groups_by_restriction.get(row[0], ()), user)
        ]
    hidden = {}
    for _id, path, numchild, _type in rows:
        hidden[path] = hidden.get(path, False) or numchild > 0
    return sorted(hidden.items())


class PathIn(In):
    """``path IN (paths)`` with the paths sent as one parameter: an array on PostgreSQL, a
    JSON list on SQLite. A site with years of member-only items has thousands of them; as
    one parameter each, every query paid for building and quoting them (about 100 ms a
    page at 100k pages) and SQLite would refuse past its limit of variables. Still the
    ``in`` lookup, so what reads a queryset's filters (Wagtail's search) understands it."""

    def as_sql(self, compiler, connection):
        if connection.vendor not in ("postgresql", "sqlite"):  # pragma: no cover
            return super().as_sql(compiler, connection)
        column, params = self.process_lhs(compiler, connection)
        paths = [str(path) for path in self.rhs]
        if connection.vendor == "postgresql":
            return f"{column} = ANY(%s::varchar[])", [*params, paths]
        return (f"{column} IN (SELECT value FROM json_each(%s))",  # noqa: S608  # nosec B608
                [*params, json.dumps(paths)])


def visible_pages(user, queryset=None):
    """Live pages the user may see: public ones, plus restricted ones they are admitted to.

    ``queryset`` narrows the result (a specific page model's queryset, a child_of() …);
    by default all pages are considered.
    """
    queryset = Page.objects.all() if queryset is None else queryset
    queryset = queryset.live()
    hidden = _hidden_restricted(user)
    # Restricted pages without children (most member-only items) are left out by path;
    # only restricted subtrees need a prefix test each. One LIKE per restricted page
    # would break SQLite's expression depth (1000) once there are many member-only items.
    leaves = [path for path, has_children in hidden if not has_children]
    if leaves:
        queryset = queryset.exclude(PathIn(F("path"), leaves))
    excluded = Q()
    for path, has_children in hidden:
        if has_children:
            excluded |= Q(path__startswith=path)
    if excluded:
        queryset = queryset.exclude(excluded)
    return queryset


def can_view(user, page):
    """Whether one page is visible to the user (same rules as visible_pages)."""
    if not page.live:
        return False
    return not any(page.path.startswith(path) for path in hidden_paths(user))


def audience_admits(audience, user):
    """Whether the user holds one of the audience's tokens: the same rule for what is not
    a page (a group space, a profile field), with the same tokens as pages."""
    return bool(set(audience) & user_audience(user))


def groups_audience(group_ids):
    """The tokens of "only these Django groups" (and superusers), as a group restriction."""
    return restriction_audience(PageViewRestriction.GROUPS, group_ids)


def named_group_ids(*names):
    """Ids of the named Django groups (e.g. Members, Editors) that exist."""
    from django.contrib.auth.models import Group

    return list(Group.objects.filter(name__in=names).values_list("id", flat=True))


def members_audience():
    """Everyone who sees members-only things: the Members and Editors groups."""
    return groups_audience(named_group_ids(MEMBERS_GROUP_NAME, EDITORS_GROUP_NAME))
