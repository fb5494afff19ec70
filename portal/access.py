"""Members-only pages: who is turned away, and what they are told.

Wagtail's page privacy sends everyone who fails a login or group restriction to the login
page. For someone who is already signed in that is a loop (the login page sends a signed-in
person straight back), so a signed-in person who may not see a members-only page gets a
page that says so and how to get access (status 403). Who is admitted is decided by the
one visibility rule (``portal.visibility``).
"""

from urllib.parse import urlsplit

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import views as wagtail_views
from wagtail.models import PageViewRestriction, Site

from portal.editor_rights import editor_rights_withheld
from portal.visibility import can_view, restriction_admits

MEMBER_RESTRICTION_TYPES = (PageViewRestriction.LOGIN, PageViewRestriction.GROUPS)


def members_only_restrictions(page):
    """The login and group restrictions that apply to a page (its own and its ancestors')."""
    return [restriction for restriction in page.get_view_restrictions()
            if restriction.restriction_type in MEMBER_RESTRICTION_TYPES]


def is_members_only(page):
    return bool(members_only_restrictions(page))


def _admitted(restriction, user):
    return restriction_admits(restriction.restriction_type,
                              restriction.groups.values_list("id", flat=True), user)


def admits(user, page):
    """Whether the page's login and group restrictions let this user in."""
    return all(_admitted(restriction, user) for restriction in members_only_restrictions(page))


def members_only_response(request, title):
    """What a signed-in person gets for members-only content they may not see."""
    response = TemplateResponse(request, "portal/members_only.html", {
        "restricted_title": title,
        "editor_rights_withheld": editor_rights_withheld(request.user),
        "next": request.get_full_path(),
    }, status=403)
    add_never_cache_headers(response)
    return response


def turn_away_signed_in_non_members(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook: a signed-in person the page's privacy does not admit
    gets the explaining page instead of Wagtail's redirect to the login page; a visitor
    goes to the login page in the page's language."""
    user = request.user
    if can_view(user, page):
        return None
    if admits(user, page):  # e.g. only a password restriction: Wagtail asks for it
        return None
    if not user.is_authenticated:
        response = redirect_to_login(request.get_full_path(), reverse("login"))
        add_never_cache_headers(response)
        return response
    return members_only_response(request, page.title)


def turn_away_from_restricted_documents(document, request):
    """``before_serve_document`` hook (before Wagtail's own check): a collection's login
    and group restrictions follow the same rule as pages, so the Editors group opens
    nothing before the second factor, and a signed-in person who is not admitted is told
    why instead of being sent to the login page again."""
    user = request.user
    if not user.is_authenticated:
        return None  # Wagtail sends visitors to the login page
    for restriction in document.collection.get_view_restrictions():
        if (restriction.restriction_type in MEMBER_RESTRICTION_TYPES
                and not _admitted(restriction, user)):
            return members_only_response(request, document.title)
    return None


def page_for_path(request, target):
    """The live page a local URL (such as a login page's ``next``) leads to, or None."""
    if not target or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    language = translation.get_language_from_path(parts.path) or translation.get_language()
    with translation.override(language):
        try:
            match = resolve(parts.path)
        except Resolver404:
            return None
        if match.func is not wagtail_views.serve:
            return None
        path = match.args[0] if match.args else match.kwargs.get("path", "")
        site = Site.find_for_request(request)
        if site is None:
            return None
        try:
            result = site.root_page.localized.specific.route(
                request, [part for part in path.split("/") if part])
        except Http404:
            return None
    return result[0]


def members_only_target(request, target):
    """The members-only page behind ``target`` (a login page's ``next``), or None."""
    page = page_for_path(request, target)
    return page if page is not None and is_members_only(page) else None
