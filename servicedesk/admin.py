"""The staff side of the desk in the Wagtail admin: a viewset to read and answer
questions. Saving an answer or taking a question on goes through servicedesk.services, so
the member gets the e-mail of that step."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from servicedesk import services
from servicedesk.models import Question
from servicedesk.permissions import is_staff_of_desk


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Staff read and answer; nobody adds questions in the admin (members ask on the
    site) and only a superuser deletes one."""

    def user_has_permission(self, user, action):
        if action in ("view", "change"):
            return is_staff_of_desk(user)
        if action == "delete":
            return bool(user.is_active and user.is_superuser)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(["answer_question"])


class AttachmentPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            question = self.instance
            if not question.attachment:
                return format_html("<p>{}</p>", _("No attachment."))
            return format_html('<p><a href="{}">{}</a></p>',
                               reverse("servicedesk:attachment", args=[question.pk]),
                               _("Download the attachment “%(name)s”")
                               % {"name": question.attachment_name})


class QuestionAdminForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        if data.get("status") == Question.Status.ANSWERED and not (data.get("answer") or
                                                                    "").strip():
            self.add_error("answer", forms.ValidationError(
                _("Write the answer before marking the question answered.")))
        return data


class QuestionEditView(EditView):
    def save_instance(self):
        before = Question.objects.get(pk=self.object.pk)
        data, user = self.form.cleaned_data, self.request.user
        answer = (data.get("answer") or "").strip()
        if answer and (answer != before.answer or before.status != Question.Status.ANSWERED):
            return services.answer_question(before, user, answer)
        if data.get("status") == Question.Status.IN_PROGRESS and \
                before.status == Question.Status.RECEIVED:
            return services.start_handling(before, user)
        return before


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Services desk")
    menu_order = 270
    add_to_admin_menu = True
    copy_view_enabled = False
    edit_view_class = QuestionEditView
    list_display = ["subject", "organisation", Column("category", accessor="get_category_display",
                                                      label=_("Category")),
                    Column("status", accessor="get_status_display", label=_("Status")),
                    "created_at",
                    Column("working_days", accessor="working_days_to_answer",
                           label=_("Working days to answer"))]
    list_filter = ["status", "category"]
    search_fields = ["subject", "text"]
    edit_handler = ObjectList([
        FieldPanel("organisation", read_only=True),
        FieldPanel("asked_by", read_only=True),
        FieldPanel("category", read_only=True),
        FieldPanel("subject", read_only=True),
        FieldPanel("text", read_only=True),
        AttachmentPanel(heading=_("Attachment")),
        FieldPanel("status"),
        FieldPanel("answer"),
    ], base_form_class=QuestionAdminForm)
