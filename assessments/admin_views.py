"""The editors' overview of the sector per scan (Wagtail admin), with .xlsx and CSV
downloads: participation and distribution per dimension and year; an organisation's own
result only when it agreed to share it."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from assessments import benchmark
from assessments.models import Scan
from assessments.permissions import can_see_sector_overview
from portal import spreadsheets
from portal.admin_views import TitledBreadcrumbsMixin


def _cell(figures, name):
    return "" if figures is None else getattr(figures, name)


class SectorOverviewView(TitledBreadcrumbsMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Self-scans: the sector")
    header_icon = "table"
    template_name = "assessments/admin/sector.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_sector_overview(request.user):
            raise PermissionDenied
        scans = list(Scan.objects.order_by("title"))
        self.scans = scans
        slug = request.GET.get("scan")
        self.scan = get_object_or_404(Scan, slug=slug) if slug else (scans[0] if scans
                                                                     else None)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") and self.scan is not None:
            return self.export()
        return super().get(request, *args, **kwargs)

    def rows(self, overview):
        for row in overview["rows"]:
            parts = [(_("Total"), row["total"])] + [(dimension.title, figures) for
                                                    dimension, figures in row["dimensions"]]
            for label, figures in parts:
                yield (row["version"].number, row["year"], row["organisations"], label,
                       _cell(figures, "q1"), _cell(figures, "median"), _cell(figures, "q3"))

    def export(self):
        overview = benchmark.sector_overview(self.scan)
        return spreadsheets.table_response(
            spreadsheets.requested_format(self.request), f"sector-{self.scan.slug}",
            [_("Version"), _("Year"), _("Organisations"), _("Dimension"),
             _("First quartile"), _("Median"), _("Third quartile")],
            self.rows(overview), sheet_title=self.scan.title[:30])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = benchmark.sector_overview(self.scan) if self.scan else {"rows": [],
                                                                          "shared": []}
        context.update({
            "scans": self.scans, "scan": self.scan, "overview": overview,
            "minimum": benchmark.MINIMUM, "which_to_pick": spreadsheets.WHICH_TO_PICK,
            "export_urls": {file_format: "?" + urlencode({"scan": self.scan.slug,
                                                          "export": "1",
                                                          "format": file_format})
                            for file_format in spreadsheets.FORMATS} if self.scan else {},
        })
        return context
