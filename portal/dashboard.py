"""Panels on the editors' dashboard (Wagtail's construct_homepage_panels hook)."""

from django.utils import timezone
from wagtail.admin.ui.components import Component


class YearTargetPanel(Component):
    """This year's count of something against its yearly target.

    A subclass sets ``name``, ``order``, ``template_name``, ``target`` and ``heading``
    (a translatable string with ``%(year)s``) and gives ``year_figures(year)``: the
    count and what else its template shows. The template gets ``year``, ``total``,
    ``target``, ``percentage`` (at most 100) and ``heading`` besides."""

    target = 1
    heading = ""

    def year_figures(self, year):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        year = timezone.localdate().year
        total, figures = self.year_figures(year)
        return {
            "year": year,
            "total": total,
            "target": self.target,
            "percentage": min(100, round(100 * total / self.target)),
            "heading": self.heading % {"year": year},
            **figures,
        }
