from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import can_view_search_log, search_log
from search.models import SearchDocument
from search.service import backend_status


@hooks.register("register_health_check")
def search_health():
    """The search part of /healthz (portal/views.py): quick, never raises."""
    return {"search": backend_status()}


@hooks.register("register_restore_check")
def search_restore_check():
    """The search part of `manage.py check_restore`: how many documents the index holds."""
    count = SearchDocument.objects.count()
    return [f"search documents: {count} "
            "(run `manage.py search_index rebuild` if this looks wrong)"], []


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


@hooks.register("register_periodic_jobs")
def search_periodic_jobs():
    from portal.periodic import PeriodicJob
    from search.tasks import catch_up_task

    return [PeriodicJob("search.catch_up", _("Search index catch-up"), catch_up_task,
                        "*/10 * * * *")]
