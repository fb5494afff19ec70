from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.measures import COUNT, PERCENT, Measure, Subject
from yearplan import admin_views, permissions, selectors
from yearplan.models import Campaign, GeneralAssembly, YearPlan


class YearPlanViewSet(SnippetViewSet):
    model = YearPlan
    icon = "calendar-alt"
    admin_url_namespace = "yearplan_plan"
    base_url_path = "yearplan/plans"
    list_display = ["year", "notes"]
    copy_view_enabled = False


class AssemblyViewSet(SnippetViewSet):
    model = GeneralAssembly
    icon = "group"
    admin_url_namespace = "yearplan_assembly"
    base_url_path = "yearplan/assemblies"
    list_display = ["__str__", "season", "registration_open"]
    copy_view_enabled = False


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "pick"
    admin_url_namespace = "yearplan_campaign"
    base_url_path = "yearplan/campaigns"
    list_display = ["title", "active"]
    copy_view_enabled = False


class YearPlanViewSetGroup(SnippetViewSetGroup):
    items = (YearPlanViewSet, AssemblyViewSet, CampaignViewSet)
    menu_icon = "calendar-alt"
    menu_label = _("Year plan")
    menu_order = 250


register_snippet(YearPlanViewSetGroup)


@hooks.register("register_admin_urls")
def register_dashboard_url():
    return [path("yearplan/dashboard/", admin_views.DashboardView.as_view(),
                 name="yearplan_dashboard")]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_see_dashboard(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(_("Year-plan dashboard"), reverse("yearplan_dashboard"),
                             icon_name="table", order=246)


# --- the figures yearplan holds itself, and the targets for the apps below ----------------


def _assembly_subjects(start, end):
    return [Subject(str(a.event_id), a.event.title, a.event.local_start.date())
            for a in selectors.assemblies_between(start, end)]


def _assembly_figure(subject_key):
    assembly = GeneralAssembly.objects.filter(event_id=subject_key).first()
    return None if assembly is None else selectors.attendance(assembly).percentage


def _assemblies_average(start, end):
    figures = [selectors.attendance(a).percentage
               for a in selectors.assemblies_between(start, end)]
    figures = [f for f in figures if f is not None]
    return round(sum(figures) / len(figures), 1) if figures else None


@hooks.register("register_yearplan_measures")
def yearplan_measures():
    return [
        Measure("yearplan.assembly_attendance",
                _("Member organisations present at the general assembly (%)"), PERCENT,
                _assemblies_average, subjects=_assembly_subjects,
                compute_subject=_assembly_figure, cumulative=False),
        Measure("yearplan.campaign_organisations",
                _("Member organisations active in joint campaigns"), COUNT,
                selectors.organisations_in_campaigns),
    ]


hooks.register("register_yearplan_target_source", selectors.threshold_for)


@hooks.register("register_personal_data_export")
def export_yearplan_data(user):
    from yearplan.privacy import export

    return export(user)


@hooks.register("register_personal_data_erasure")
def erase_yearplan_data(user):
    from yearplan.privacy import erase

    erase(user)
