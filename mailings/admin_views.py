"""Wagtail admin views of a mailing: preview as HTML and plain text, send a test to
oneself, send to all subscribed members, and follow the progress."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import CreateView, EditView

from mailings import rendering, selectors, sending
from mailings.models import Mailing
from mailings.permissions import can_compose, can_send
from portal.actions import attempt


def url(name, mailing):
    return reverse(f"mailings_mailing:{name}", args=[mailing.pk])


class MailingMixin:
    permission_check = staticmethod(can_compose)

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_check(request.user):
            raise PermissionDenied
        self.mailing = get_object_or_404(Mailing, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class PreviewView(MailingMixin, View):
    """The e-mail exactly as sent (HTML, or plain text), for the editor's own eyes."""

    mode = "html"

    def get(self, request, *args, **kwargs):
        subject, text, html = rendering.render_mailing_preview(self.mailing, request.user)
        if self.mode == "text":
            return HttpResponse(f"{_('Subject')}: {subject}\n\n{text}",
                                content_type="text/plain; charset=utf-8")
        response = HttpResponse(html)
        # The e-mail is shown as it is; nothing in it may run or load from elsewhere.
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        return response


class SendTestView(MailingMixin, View):
    def post(self, request, *args, **kwargs):
        attempt(request, sending.send_test, self.mailing, request.user,
                success=_("A test has been sent to %(email)s.") % {"email": request.user.email})
        if can_send(request.user):
            return redirect(url("send", self.mailing))
        return redirect(url("edit", self.mailing))


class SendView(MailingMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET: what will happen (how many recipients); POST: start or resume sending."""

    permission_check = staticmethod(can_send)
    template_name = "mailings/admin/send.html"
    page_title = gettext_lazy("Send mailing")
    header_icon = "mail"

    def get_page_subtitle(self):
        return str(self.mailing)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        problems = []
        try:
            sending.validate_ready(self.mailing)
        except ValidationError as error:
            problems = error.messages
        context.update({
            "mailing": self.mailing,
            "recipient_count": selectors.mailing_recipients(self.mailing).count(),
            "problems": problems,
            "edit_url": url("edit", self.mailing),
            "preview_html_url": url("preview_html", self.mailing),
            "preview_text_url": url("preview_text", self.mailing),
            "progress_url": url("progress", self.mailing),
            "send_test_url": url("send_test", self.mailing),
        })
        return context

    def post(self, request, *args, **kwargs):
        if not attempt(request, sending.start_sending, self.mailing, request.user,
                       success=_("Sending has started. Each member receives the mailing "
                                 "once; this page shows the progress.")):
            return redirect(url("send", self.mailing))
        return redirect(url("progress", self.mailing))


class ProgressView(MailingMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "mailings/admin/progress.html"
    page_title = gettext_lazy("Progress of the mailing")
    header_icon = "mail"

    def get_page_subtitle(self):
        return str(self.mailing)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"mailing": self.mailing,
                        "progress": selectors.mailing_progress(self.mailing),
                        "can_resume": self.mailing.status == Mailing.Status.SENDING
                        and can_send(self.request.user),
                        "send_url": url("send", self.mailing),
                        "edit_url": url("edit", self.mailing)})
        return context


def mailing_buttons(mailing, user):
    buttons = [
        Button(_("Preview as HTML"), url=url("preview_html", mailing), icon_name="view",
               priority=30, attrs={"target": "_blank", "rel": "noopener"}),
        Button(_("Preview as plain text"), url=url("preview_text", mailing),
               icon_name="doc-full", priority=31, attrs={"target": "_blank", "rel": "noopener"}),
    ]
    if can_send(user):
        label = _("Test and send") if mailing.is_draft else _("Sending and progress")
        target = url("send", mailing) if mailing.is_draft else url("progress", mailing)
        buttons.append(Button(label, url=target, icon_name="mail", priority=33))
    return buttons


class MailingEditView(EditView):
    """The snippet editor, with the mailing's own actions in the header's "More" menu.
    Sending (a test or to everyone) are POST forms on the send page: no GET side
    effects."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.extend(mailing_buttons(self.object, self.request.user))
        return buttons


class MailingCreateView(CreateView):
    """A new mailing exists once the editor clicks "Save", never before: autosave is off
    on this form (it starts on the edit form, where it updates the one mailing). With
    autosave on, each autosave POST to this form created a mailing, so one save made two
    identical drafts and an abandoned form stayed behind as a draft."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False

    def post(self, request, *args, **kwargs):
        if self.expects_json_response:
            # An autosave from a form opened before this rule (or any script): refused,
            # so that nothing is created behind the editor's back.
            return self.json_error_response(
                "blocked_by_hook",
                _("A new mailing is saved when you click “Save”; autosave starts after "
                  "that."))
        return super().post(request, *args, **kwargs)
