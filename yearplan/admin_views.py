"""The year-plan dashboard (Wagtail admin): each target of a year, where it stands, whether
it is on course, its trend per month and the half-year review, as inline SVG charts with
the same figures in tables, and as .xlsx and CSV downloads."""

from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import spreadsheets
from portal.admin_views import YearReportView
from yearplan import permissions, selectors

CHART_WIDTH = 320
CHART_HEIGHT = 120


def status_labels():
    return {selectors.MET: _("Reached"), selectors.ON_COURSE: _("On course"),
            selectors.BEHIND: _("Behind"), selectors.NO_DATA: _("Nothing to measure yet"),
            selectors.UNKNOWN: _("Unknown measure")}


def _number(value):
    return None if value is None else float(value)


def _yes(value):
    return _("yes") if value else _("no")


def trend_chart(status):
    """Bars per month (or per event) scaled to the larger of the figures and the
    threshold, with the threshold as a line: plain numbers for the SVG attributes."""
    points = ([(date_format(timezone.datetime(2000, m["month"], 1), "M"), m["figure"],
                m["met"]) for m in status.months] if status.months else
              [(e["subject"].label[:12], e["figure"], e["met"]) for e in status.events])
    if not points:
        return None
    threshold = _number(status.threshold) or 0
    peak = max([_number(f) or 0 for _l, f, _m in points] + [threshold, 1])
    slot = (CHART_WIDTH - 20) / max(len(points), 1)
    usable = CHART_HEIGHT - 30
    bars = []
    for index, (label, figure, met) in enumerate(points):
        height = round(usable * (_number(figure) or 0) / peak, 1)
        bars.append({"x": round(10 + index * slot + 2, 1), "w": round(max(slot - 4, 2), 1),
                     "y": round(10 + usable - height, 1), "h": height, "label": label,
                     "label_x": round(10 + index * slot + slot / 2, 1),
                     "figure": figure, "met": met})
    return {"bars": bars, "width": CHART_WIDTH, "height": CHART_HEIGHT,
            "base_y": 10 + usable, "target_y": round(10 + usable - usable * threshold / peak, 1)}


class DashboardView(YearReportView):
    page_title = gettext_lazy("Year-plan dashboard")
    template_name = "yearplan/admin/dashboard.html"

    def has_permission(self, user):
        return permissions.can_see_dashboard(user)

    def export(self, table):
        file_format = spreadsheets.requested_format(self.request)
        _plan, rows = selectors.dashboard(self.year)
        labels = status_labels()
        if table == "targets":
            header = [_("Target"), _("Measure"), _("Period"), _("At least"), _("Figure"),
                      _("Expected by now"), _("Status"), _("Note")]
            data = [(s.label, s.target.measure_key, s.target.get_period_display(),
                     _number(s.threshold), _number(s.figure), s.expected,
                     labels[s.status], s.note) for s in rows]
        elif table == "months":
            header = [_("Target"), _("Month"), _("Figure"), _("Reached")]
            data = [(s.label, f"{self.year}-{m['month']:02d}", _number(m["figure"]),
                     _yes(m["met"])) for s in rows for m in s.months] + \
                [(s.label, e["subject"].label, _number(e["figure"]), _yes(e["met"]))
                 for s in rows for e in s.events if e["held"]]
        elif table == "review":
            header = [_("Target"), _("Half year"), _("Figure"), _("Reached")]
            data = [(s.label, h["label"], h["figure"] if isinstance(h["figure"], str)
                     else _number(h["figure"]), _yes(h["met"]))
                    for s in rows for h in s.review if h["started"]]
        else:
            raise Http404
        return spreadsheets.table_response(file_format, f"yearplan-{table}-{self.year}",
                                           header, data, sheet_title=f"{table} {self.year}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan, rows = selectors.dashboard(self.year)
        labels = status_labels()
        for row in rows:
            row.status_label = labels[row.status]
            row.chart = trend_chart(row)
        context.update({
            "year": self.year,
            "years": list(range(self.year - 3, self.year + 2)),
            "plan": plan,
            "rows": rows,
            "which_to_pick": spreadsheets.WHICH_TO_PICK,
            "export_urls": {
                table: {file_format: "?" + urlencode({"year": self.year, "export": table,
                                                      "format": file_format})
                        for file_format in spreadsheets.FORMATS}
                for table in ("targets", "months", "review")},
        })
        return context
