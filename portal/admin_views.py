"""Shared pieces for the portal's own Wagtail admin views."""


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
