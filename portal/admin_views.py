"""Shared pieces for the portal's own Wagtail admin views."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.years import parse_year


class TitledBreadcrumbsMixin:
    """Wagtail's slim header shows the breadcrumbs, not the page title: a plain
    WagtailAdminTemplateMixin view showed only "Home" (issue 12, item 14). This appends the
    view's own title (and any ``parent_breadcrumbs``) after Home. Put it before
    WagtailAdminTemplateMixin in the bases."""

    def get_parent_breadcrumbs(self):
        """[{"url", "label"}] between Home and this view."""
        return []

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), *self.get_parent_breadcrumbs(),
                {"url": None, "label": self.get_page_title(),
                 "sublabel": self.get_page_subtitle()}]


class YearReportView(TitledBreadcrumbsMixin, WagtailAdminTemplateMixin, TemplateView):
    """An admin report over one year (``?year=``, a bad value gives this year) that people
    allowed by ``has_permission(user)`` may see, and download as a table (``?export=<name>``:
    ``export(name)`` returns the response). Used by the learning-line figures and the
    year-plan dashboard."""

    header_icon = "table"

    def has_permission(self, user):
        raise NotImplementedError

    def export(self, table):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request.user):
            raise PermissionDenied
        self.year = parse_year(request.GET.get("year"))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        table = request.GET.get("export")
        if table:
            return self.export(table)
        return super().get(request, *args, **kwargs)
