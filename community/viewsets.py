"""Editors set up group spaces (a working group's, or a peer group such as the directors')
in the Wagtail admin; reported and hidden posts are listed for them there too."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from community.models import PostReport, Space


class SpaceViewSet(ModelViewSet):
    model = Space
    icon = "group"
    url_prefix = "community/spaces"
    menu_label = _("Group spaces")
    list_display = ["title", "join_rule", "working_group"]
    list_filter = ["join_rule"]
    search_fields = ["title"]
    copy_view_enabled = False
    form_fields = ["title", "slug", "description", "working_group", "join_rule"]


class PostReportViewSet(ModelViewSet):
    model = PostReport
    icon = "warning"
    url_prefix = "community/reports"
    menu_label = _("Reported posts")
    list_display = ["post", "reason", "created_at", "handled"]
    list_filter = ["handled"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["handled"]


class CommunityViewSetGroup(ViewSetGroup):
    menu_label = _("Community")
    menu_icon = "group"
    menu_order = 260
    items = [SpaceViewSet, PostReportViewSet]
