from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from assessments import admin_views
from assessments.mijn import mijn_panel
from assessments.permissions import can_see_sector_overview
from assessments.viewsets import AssessmentsViewSetGroup

hooks.register("register_mijn_panel", mijn_panel)


@hooks.register("register_admin_viewset")
def register_assessment_viewsets():
    return AssessmentsViewSetGroup()


@hooks.register("register_personal_data_export")
def export_scan_answers(user):
    from assessments.privacy import export

    return export(user)


@hooks.register("register_personal_data_erasure")
def erase_scan_answers(user):
    from assessments.privacy import erase

    erase(user)


@hooks.register("register_admin_urls")
def register_sector_overview_url():
    return [path("assessments/sector/", admin_views.SectorOverviewView.as_view(),
                 name="assessments_sector")]


class SectorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_sector_overview(request.user)


@hooks.register("register_admin_menu_item")
def register_sector_menu_item():
    return SectorMenuItem(_("Self-scans: the sector"), reverse("assessments_sector"),
                          icon_name="table", order=251)
