"""Wagtail admin screens for organisations and memberships."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from memberhub.models import MemberOrganisation, Membership


class MemberOrganisationViewSet(ModelViewSet):
    model = MemberOrganisation
    icon = "group"
    menu_label = _("Organisations")
    url_prefix = "organisations"
    list_display = ["name", "active", "trusted", "member_since"]
    list_filter = ["active", "trusted"]
    search_fields = ["name", "slug", "description"]
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("member_since"),
        FieldPanel("active"),
        FieldPanel("trusted"),
    ]
    copy_view_enabled = False


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    url_prefix = "memberships"
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["organisation", "role", "organisation__active"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    panels = [FieldPanel("user"), FieldPanel("organisation"), FieldPanel("role")]
    copy_view_enabled = False


class MemberhubViewSetGroup(ViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 250
    items = (MemberOrganisationViewSet, MembershipViewSet)
