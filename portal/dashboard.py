"""Panels on the editors' dashboard (Wagtail's construct_homepage_panels hook)."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from portal.measures import target_threshold


class YearTargetPanel(Component):
    """This year's count of something against its yearly target.

    A subclass sets ``name``, ``order``, ``template_name``, ``measure_key`` (its target
    comes from the year plan: portal.measures.target_threshold) and ``heading`` (a
    translatable string with ``%(year)s``) and gives ``year_figures(year)``: the count
    and what else its template shows. The template gets ``year``, ``total``, ``target``
    (None when the year plan sets none), ``percentage`` (at most 100) and ``heading``
    besides."""

    measure_key = ""
    heading = ""

    def year_figures(self, year):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        year = timezone.localdate().year
        total, figures = self.year_figures(year)
        threshold = target_threshold(self.measure_key, year)
        target = None if threshold is None else int(threshold)
        return {
            "year": year,
            "total": total,
            "target": target,
            "percentage": min(100, round(100 * total / target)) if target else 100,
            "heading": self.heading % {"year": year},
            **figures,
        }
