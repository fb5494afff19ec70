"""Views of the community. Everything is members-only: a visitor is sent to the login
page, a signed-in non-member gets the explaining 403 page (portal.access), and nothing
is ever stored by the page cache (signed-in answers are never cached; every answer here
also says private, no-store)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from community.access import is_community_member
from portal.access import members_only_response


def members_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            response = redirect_to_login(request.get_full_path(), reverse("login"))
        elif not is_community_member(request.user):
            response = members_only_response(request, _("Members' network"))
        else:
            response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapped
