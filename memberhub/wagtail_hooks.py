from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.rich_text import LinkHandler

from memberhub.listings import MemberEventSource
from memberhub.permissions import is_editor, is_member_not_editor
from memberhub.viewsets import MemberhubViewSetGroup
from portal.dashboard import YearTargetPanel


@hooks.register("register_admin_viewset")
def register_member_viewsets():
    return MemberhubViewSetGroup()


hooks.register("register_agenda_source", MemberEventSource())


class ExternalLinkHandler(LinkHandler):
    """External links in rich text open without giving the other site a handle on ours."""

    identifier = "external"

    @classmethod
    def expand_db_attributes(cls, attrs):
        href = attrs.get("href", "")
        return f'<a href="{escape(href)}" rel="noopener noreferrer">'


@hooks.register("register_rich_text_features")
def register_external_link_rel(features):
    features.register_link_type(ExternalLinkHandler)


class ImpactStoryTargetPanel(YearTargetPanel):
    name = "impact_story_target"
    order = 150
    template_name = "memberhub/admin/impact_story_target_panel.html"
    measure_key = "memberhub.impact_stories"
    heading = _("Impact stories %(year)s")

    def year_figures(self, year):
        from memberhub.selectors import impact_stories_this_year

        total, per_organisation = impact_stories_this_year(year)
        return total, {"per_organisation": per_organisation}


@hooks.register("construct_homepage_panels")
def add_impact_story_target_panel(request, panels):
    if is_editor(request.user):
        panels.append(ImpactStoryTargetPanel())


class ModerationQueuePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", first on an editor's dashboard (above the target
    panels), with each item's organisation and content type."""

    name = "moderation_queue"
    order = 90
    template_name = "memberhub/admin/moderation_queue_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            obj = state["obj"]
            state["organisation"] = getattr(obj, "organisation_name", "")
            state["content_type"] = capfirst(obj._meta.verbose_name)
        return context


@hooks.register("construct_homepage_panels")
def put_moderation_queue_first(request, panels):
    if is_editor(request.user):
        panels[:] = [ModerationQueuePanel() if type(panel) is WorkflowObjectsToModeratePanel
                     else panel for panel in panels]


# --- Members in the admin: a way back to the portal ------------------------------------


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def members_back_to_mijn_after_submitting(request, page):
    """A member who submits a contribution for moderation returns to /mijn/, where its
    status shows, instead of Wagtail's explorer (editors stay in the admin). Saving a
    draft keeps them in the editor, as Wagtail does; the menu leads back at any time."""
    if (request.method == "POST" and "action-submit" in request.POST
            and request.accepts("text/html") and is_member_not_editor(request.user)):
        return redirect("memberhub:mijn")
    return None


class MijnPortaalMenuItem(MenuItem):
    def is_shown(self, request):
        return is_member_not_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_back_to_mijn_menu_item():
    return MijnPortaalMenuItem(_("Back to My portal"), reverse_lazy("memberhub:mijn"),
                               icon_name="arrow-left", order=1)


# Members withdraw a submission on /mijn/ ("Intrekken") and resubmit after changes were
# requested; restarting or cancelling Wagtail's workflow is for editors.
EDITOR_ONLY_WORKFLOW_ACTIONS = ("action-restart-workflow", "action-cancel-workflow")


@hooks.register("construct_page_action_menu")
def hide_restart_and_cancel_workflow_from_members(menu_items, request, context):
    if is_member_not_editor(request.user):
        menu_items[:] = [item for item in menu_items
                         if item.name not in EDITOR_ONLY_WORKFLOW_ACTIONS]


@hooks.register("before_edit_page")
def refuse_restart_and_cancel_workflow_from_members(request, page):
    if (request.method == "POST" and is_member_not_editor(request.user)
            and any(name in request.POST for name in EDITOR_ONLY_WORKFLOW_ACTIONS)):
        raise PermissionDenied
    return None


@hooks.register("register_yearplan_measures")
def member_measures():
    from memberhub import selectors
    from portal.measures import COUNT, SCORE_10, Measure

    return [
        Measure("memberhub.impact_stories", _("Impact stories published"), COUNT,
                selectors.impact_stories_between),
        Measure("memberhub.event_participants", _("Participants at an event"), COUNT,
                selectors.event_participants_between, subjects=selectors.event_subjects,
                compute_subject=selectors.event_participants),
        Measure("memberhub.event_evaluation", _("Evaluation of an event (1-10)"), SCORE_10,
                selectors.event_evaluation_between, subjects=selectors.event_subjects,
                compute_subject=selectors.event_evaluation),
    ]
