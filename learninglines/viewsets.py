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

from learninglines.models import Evaluation, Registration, WorkingGroupMembership
from learninglines.permissions import evaluation_policy, registration_policy
from portal.spreadsheets import SpreadsheetIndexViewMixin


class ExportIndexView(SpreadsheetIndexViewMixin, IndexView):
    """Listing with .xlsx and a CSV that Excel set to Dutch reads (portal.spreadsheets)."""


class LearningLinesModelViewSet(ModelViewSet):
    """Listings with spreadsheet export, no copying; the menu label is the model's plural
    name."""

    index_view_class = ExportIndexView
    copy_view_enabled = False
    inspect_view_enabled = True


class RegistrationViewSet(LearningLinesModelViewSet):
    model = Registration
    permission_policy = registration_policy
    icon = "tick-inverse"
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


class EvaluationViewSet(LearningLinesModelViewSet):
    model = Evaluation
    permission_policy = evaluation_policy
    icon = "pick"
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


class WorkingGroupMembershipViewSet(LearningLinesModelViewSet):
    model = WorkingGroupMembership
    icon = "group"
    url_prefix = "learninglines/working-group-participants"
    list_display = ["group", "user", "organisation", "show_name", "created_at"]
    list_filter = ["group", "organisation", "show_name"]
    list_export = ["group", "user", "user.email", "organisation", "show_name", "created_at"]
    export_headings = {"user.email": _("E-mail")}
    export_filename = "working-group-participants"
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    panels = [FieldPanel("group"), FieldPanel("user"), FieldPanel("organisation"),
              FieldPanel("show_name")]
    inspect_view_enabled = False


class LearningLinesViewSetGroup(ViewSetGroup):
    menu_label = _("Learning lines")
    menu_icon = "calendar"
    menu_order = 240
    items = (RegistrationViewSet, EvaluationViewSet, WorkingGroupMembershipViewSet)
