from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.rich_text import LinkHandler

from memberhub.viewsets import MemberhubViewSetGroup

IMPACT_STORY_TARGET = 20  # per year (DOMAIN.md)


@hooks.register("register_admin_viewset")
def register_member_viewsets():
    return MemberhubViewSetGroup()


@hooks.register("register_agenda_source")
def member_events_agenda_source(user, start=None, end=None, limit=None):
    from memberhub.listings import member_event_entries

    return member_event_entries(user, start=start, end=end, limit=limit)


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


class ImpactStoryTargetPanel(Component):
    name = "impact_story_target"
    order = 150
    template_name = "memberhub/admin/impact_story_target_panel.html"

    def get_context_data(self, parent_context):
        from memberhub.selectors import impact_stories_this_year

        year = timezone.localdate().year
        total, per_organisation = impact_stories_this_year(year)
        return {
            "year": year,
            "total": total,
            "target": IMPACT_STORY_TARGET,
            "percentage": min(100, round(100 * total / IMPACT_STORY_TARGET)),
            "per_organisation": per_organisation,
            "heading": _("Impact stories %(year)s") % {"year": year},
        }


@hooks.register("construct_homepage_panels")
def add_impact_story_target_panel(request, panels):
    from memberhub.selectors import is_editor

    if is_editor(request.user):
        panels.append(ImpactStoryTargetPanel())
