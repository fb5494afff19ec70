"""Wagtail admin views: participation and satisfaction figures, and the registrations of
one session (attendance in bulk, spreadsheet export as .xlsx and CSV)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from learninglines import permissions, services
from learninglines.models import Registration, SessionPage
from learninglines.selectors import figures
from learninglines.selectors.registrations import hasattr_evaluation
from learninglines.selectors.sessions import canonical_session
from portal import spreadsheets
from portal.admin_views import TitledBreadcrumbsMixin, YearReportView

CHART_WIDTH = 640


def _fmt(value):
    return "" if value is None else value


# --- chart geometry (drawn as inline SVG by the template) --------------------------------


def horizontal_bars(rows, value, maximum, target, label_width=230, bar_height=26):
    """Bars for rows: [{y, width, label, text, below}] plus the x of the target line."""
    usable = CHART_WIDTH - label_width - 70
    bars = []
    for index, row in enumerate(rows):
        amount = value(row)
        bars.append({
            "y": 10 + index * (bar_height + 8),
            "text_y": 10 + index * (bar_height + 8) + bar_height * 0.7,
            "width": round(usable * min(amount or 0, maximum) / maximum, 1),
            "label": row.label,
            "amount": amount,
            "below": amount is not None and target is not None and amount < target,
        })
    return {
        "bars": bars,
        "height": 20 + len(rows) * (bar_height + 8),
        "bar_height": bar_height,
        "label_width": label_width,
        "target_x": (None if target is None else
                     round(label_width + usable * target / maximum, 1)),
        "value_x_offset": 6,
    }


def monthly_bars(months, height=200):
    peak = max([m["registrations"] for m in months] + [1])
    slot = (CHART_WIDTH - 40) / 12
    bars = []
    for index, month in enumerate(months):
        x = 30 + index * slot
        reg_h = round((height - 40) * month["registrations"] / peak, 1)
        att_h = round((height - 40) * month["attended"] / peak, 1)
        bars.append({
            "x_reg": round(x + 4, 1), "x_att": round(x + slot / 2, 1),
            "w": round(slot / 2 - 6, 1),
            "y_reg": round(height - 20 - reg_h, 1), "h_reg": reg_h,
            "y_att": round(height - 20 - att_h, 1), "h_att": att_h,
            "label_x": round(x + slot / 2, 1),
            "label": date_format(timezone.datetime(2000, month["month"], 1), "M"),
            "month": month,
        })
    return {"bars": bars, "height": height, "base_y": height - 20, "peak": peak}


# --- figures ----------------------------------------------------------------------------


class FiguresView(YearReportView):
    page_title = gettext_lazy("Learning-line figures")
    template_name = "learninglines/admin/figures.html"

    def has_permission(self, user):
        return permissions.can_see_figures(user)

    def export(self, table):
        year = self.year
        file_format = spreadsheets.requested_format(self.request)

        def download(filename, header, rows):
            return spreadsheets.table_response(file_format, filename, header, rows,
                                               sheet_title=f"{table} {year}")
        if table == "participation":
            data = figures.participation(year)
            rows = [(_("Overall"), data["overall"])] + \
                [(_("Learning line"), row) for row in data["per_line"]] + \
                [(_("Track"), row) for row in data["per_track"]]
            return download(
                f"participation-{year}",
                [_("Level"), _("Name"), _("Organisations taking part"),
                 _("Active member organisations"), _("Percentage"), _("Target met")],
                [(level, row.label, row.organisations, row.total, row.percentage,
                  _("yes") if row.meets_target else _("no")) for level, row in rows])
        if table == "satisfaction":
            data = figures.satisfaction(year)
            rows = [(_("Overall"), "", "", "", data["overall"])] + [
                (_("Session"), row.detail["date"], row.detail["line"],
                 row.detail["track"], row) for row in data["per_session"]
            ] + [(_("Learning line"), "", "", "", row) for row in data["per_line"]] + \
                [(_("Track"), "", "", "", row) for row in data["per_track"]]
            return download(
                f"satisfaction-{year}",
                [_("Level"), _("Date"), _("Learning line"), _("Track"), _("Name"),
                 _("Responses"), _("Average score"), _("Below target")],
                [(level, date, line, track, row.label, row.responses, _fmt(row.average),
                  _("yes") if row.below_target else _("no"))
                 for level, date, line, track, row in rows])
        if table == "monthly":
            return download(
                f"registrations-per-month-{year}",
                [_("Month"), _("Sessions"), _("Registrations"), _("Attended")],
                [(f"{year}-{m['month']:02d}", m["sessions"], m["registrations"], m["attended"])
                 for m in figures.monthly_activity(year)])
        raise Http404

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.year
        participation = figures.participation(year)
        satisfaction = figures.satisfaction(year)
        months = figures.monthly_activity(year)
        participation_rows = [participation["overall"], *participation["per_line"],
                              *participation["per_track"]]
        score_rows = [row for row in satisfaction["per_session"] if row.responses]
        context.update({
            "year": year,
            "years": list(range(year - 3, year + 2)),
            "participation": participation,
            "satisfaction": satisfaction,
            "months": months,
            "participation_chart": horizontal_bars(
                participation_rows, lambda row: row.percentage, 100,
                None if participation["target"] is None else participation["target"] * 100),
            "score_chart": horizontal_bars(
                score_rows, lambda row: row.average, 5, satisfaction["target"]),
            "monthly_chart": monthly_bars(months),
            "target_percentage": (None if participation["target"] is None
                                  else round(participation["target"] * 100)),
            "which_to_pick": spreadsheets.WHICH_TO_PICK,
            "export_urls": {
                table: {file_format: "?" + urlencode({"year": year, "export": table,
                                                      "format": file_format})
                        for file_format in spreadsheets.FORMATS}
                for table in ("participation", "satisfaction", "monthly")},
        })
        return context


# --- registrations of one session --------------------------------------------------------


class SessionRegistrationsView(TitledBreadcrumbsMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"
    template_name = "learninglines/admin/session_registrations.html"

    def dispatch(self, request, session_id, *args, **kwargs):
        if not permissions.can_see_registrations(request.user):
            raise PermissionDenied
        session = SessionPage.objects.filter(pk=session_id).first()
        if session is None:
            raise Http404
        self.session = canonical_session(session)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Registrations: %(session)s") % {"session": self.session.title}

    def get_parent_breadcrumbs(self):
        if permissions.can_see_figures(self.request.user):
            return [{"url": reverse("learninglines_figures"),
                     "label": FiguresView.page_title}]
        return []

    def registrations(self):
        return (Registration.objects.filter(session=self.session)
                .select_related("user", "organisation", "evaluation")
                .order_by("status", "queued_at", "id"))

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") in spreadsheets.FORMATS:
            rows = [
                (r.user.get_full_name() if r.user else _("(anonymised)"),
                 r.user.email if r.user else "", r.organisation.name,
                 r.get_status_display(),
                 r.queued_at.astimezone(self.session.zone).replace(tzinfo=None),
                 _("yes") if hasattr_evaluation(r) else _("no"))
                for r in self.registrations()
            ]
            return spreadsheets.table_response(
                request.GET["export"], f"registrations-{self.session.slug}",
                [_("Name"), _("E-mail"), _("Organisation"), _("Status"), _("In line since"),
                 _("Evaluated")], rows, sheet_title=_("Registrations"))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in ("attended", "not_attended"):
            messages.error(request, _("Choose what to record."))
        else:
            try:
                changed = services.set_attendance(
                    session=self.session, registration_ids=request.POST.getlist("registration"),
                    attended=action == "attended", actor=request.user)
            except services.LearningLineError as failure:
                messages.error(request, failure.message)
            else:
                messages.success(request, _("Attendance recorded for %(count)s "
                                            "registration(s).") % {"count": changed})
        return redirect(reverse("learninglines_session_registrations", args=[self.session.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = list(self.registrations())
        context.update({
            "session": self.session,
            "registrations": registrations,
            "can_change": permissions.can_record_attendance(self.request.user),
            "has_started": self.session.has_started,
            "counts": {
                status: sum(1 for r in registrations if r.status == status)
                for status in Registration.Status.values
            },
            "status_labels": dict(Registration.Status.choices),
            "which_to_pick": spreadsheets.WHICH_TO_PICK,
        })
        return context
