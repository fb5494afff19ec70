"""Base classes for the portal's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.languages import LanguageAddressMixin
from portal.pagination import paginate
from portal.translation import PAGE_SYNCHRONISED
from portal.visibility import visible_pages


class SectionIndexPage(LanguageAddressMixin, Page):
    """A section of the site (/nieuws/, /kennisbank/ …) that lists what it holds.

    Subclasses override :meth:`get_listing` with their own filters; the default lists
    the child pages the current user may see, newest first.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    listing_per_page = 12

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    template = "portal/section_index_page.html"
    # Translated: title, intro, search description; synchronised: the slug.
    override_translatable_fields = PAGE_SYNCHRONISED

    class Meta:
        abstract = True

    def get_listing(self, request):
        return (
            visible_pages(request.user, Page.objects.child_of(self))
            .order_by("-first_published_at")
            .specific()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = paginate(request, self.get_listing(request), self.listing_per_page)
        return context

