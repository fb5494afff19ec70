from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import can_view_search_log, search_log


@hooks.register("register_admin_urls")
def register_search_log_url():
    return [path("reports/search-log/", search_log, name="portal_search_log")]


class SearchLogMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_search_log(request.user)


@hooks.register("register_reports_menu_item")
def register_search_log_menu_item():
    return SearchLogMenuItem(_("Search log"), reverse("portal_search_log"), icon_name="search",
                             order=700)
