"""Wagtail admin screens for registrations, evaluations and working-group participants.

Registrations are made by members through the site (capacity, waiting list and e-mails
are rules of learninglines.services), so the admin does not add them; editors filter,
export, inspect and correct statuses. Evaluations are read-only: scores and comments
are the members' own words (comments are shown to editors only, here).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from learninglines.models import Evaluation, Registration, WorkingGroupMembership
from portal.spreadsheets import SpreadsheetIndexViewMixin


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, minus the actions listed in ``denied``."""

    def __init__(self, model, denied=("add",), **kwargs):
        super().__init__(model, **kwargs)
        self.denied = frozenset(denied)

    def user_has_permission(self, user, action):
        if action in self.denied:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.denied]
        if not actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(actions)


class ExportIndexView(SpreadsheetIndexViewMixin, IndexView):
    """Listing with .xlsx and a CSV that Excel set to Dutch reads (portal.spreadsheets)."""


registration_policy = NoAddPermissionPolicy(Registration)
evaluation_policy = NoAddPermissionPolicy(Evaluation, denied=("add", "change"))
register_permission_policy(Registration, registration_policy, exact_class=True)
register_permission_policy(Evaluation, evaluation_policy, exact_class=True)


class RegistrationViewSet(ModelViewSet):
    index_view_class = ExportIndexView
    model = Registration
    permission_policy = registration_policy
    icon = "tick-inverse"
    menu_label = _("Registrations")
    url_prefix = "learninglines/registrations"
    list_display = ["session", "user", "organisation", "status", "queued_at"]
    list_filter = ["status", "session", "organisation", "session__track"]
    # Dotted paths: Wagtail's export follows attributes (``session__start`` gave a 500).
    list_export = ["session", "session.start", "user", "user.email", "organisation",
                   "get_status_display", "queued_at", "created_at", "cancelled_at"]
    export_headings = {"session.start": _("Start"), "user.email": _("E-mail"),
                       "user": _("Name"), "get_status_display": _("Status")}
    export_filename = "registrations"
    search_fields = ["user__email", "user__first_name", "user__last_name",
                     "organisation__name", "session__title"]
    ordering = ["-session__start", "status", "queued_at"]
    panels = [FieldPanel("status"), FieldPanel("organisation")]
    inspect_view_enabled = True
    copy_view_enabled = False


class EvaluationViewSet(ModelViewSet):
    index_view_class = ExportIndexView
    model = Evaluation
    permission_policy = evaluation_policy
    icon = "pick"
    menu_label = _("Evaluations")
    url_prefix = "learninglines/evaluations"
    list_display = ["registration", "score", "comment", "created_at"]
    list_filter = ["score", "registration__session", "registration__session__track"]
    list_export = ["registration.session", "registration.session.start",
                   "registration.organisation", "score", "comment", "created_at"]
    export_headings = {"registration.session": _("Session"),
                       "registration.session.start": _("Start"),
                       "registration.organisation": _("Organisation")}
    export_filename = "evaluations"
    search_fields = ["comment", "registration__session__title"]
    ordering = ["-created_at"]
    panels = [FieldPanel("score", read_only=True), FieldPanel("comment", read_only=True)]
    inspect_view_enabled = True
    copy_view_enabled = False


class WorkingGroupMembershipViewSet(ModelViewSet):
    index_view_class = ExportIndexView
    model = WorkingGroupMembership
    icon = "group"
    menu_label = _("Working group participants")
    url_prefix = "learninglines/working-group-participants"
    list_display = ["group", "user", "organisation", "show_name", "created_at"]
    list_filter = ["group", "organisation", "show_name"]
    list_export = ["group", "user", "user.email", "organisation", "show_name", "created_at"]
    export_headings = {"user.email": _("E-mail")}
    export_filename = "working-group-participants"
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    panels = [FieldPanel("group"), FieldPanel("user"), FieldPanel("organisation"),
              FieldPanel("show_name")]
    copy_view_enabled = False


class LearningLinesViewSetGroup(ViewSetGroup):
    menu_label = _("Learning lines")
    menu_icon = "calendar"
    menu_order = 240
    items = (RegistrationViewSet, EvaluationViewSet, WorkingGroupMembershipViewSet)
