"""What the line, session and working-group pages share: the page data their templates
show (from :mod:`learninglines.selectors.pages`), the body as plain text, and front-end routes
served by :mod:`learninglines.views`."""

from django import forms
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from portal.text import plain_text


class LearningPageMixin:
    """``page_data`` names the selector that gives the template what the page shows to
    this user, e.g. ``"session_page_data"`` (each reads in a fixed number of queries)."""

    page_data = None

    def get_context(self, request, *args, **kwargs):
        from learninglines.selectors import pages

        context = super().get_context(request, *args, **kwargs)
        context.update(getattr(pages, self.page_data)(self, request.user))
        return context

    @property
    def body_text(self):
        """The body as plain text (for search documents)."""
        if not self.body:
            return ""
        return plain_text(" ".join(self.body.stream_block.get_searchable_content(self.body)))


class LinePartMixin(LearningPageMixin):
    """A page that is part of one learning line (a session or a working group): it lives
    directly below the line and has no pages below it."""

    parent_page_types = ["learninglines.LearningLinePage"]
    subpage_types = []


# What a session or working group is about, last in its editing form: its topics and body.
TOPIC_PANELS = [
    FieldPanel("themes"),
    FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
    FieldPanel("body"),
]
# The text a session or working group is found by in Wagtail's search.
TEXT_SEARCH_FIELDS = [index.SearchField("summary"), index.SearchField("body")]


def page_route(pattern, name, view):
    """A route of a routable page, answered by ``learninglines.views.<view>(request,
    page)``. Served through Wagtail, so page privacy applies to it."""

    def serve_route(page, request):
        from learninglines import views

        return getattr(views, view)(request, page)

    serve_route.__name__ = serve_route.__qualname__ = f"{name}_view"
    return path(pattern, name=name)(serve_route)
