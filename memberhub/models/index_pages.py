"""The section pages: /leden/, /nieuws/, /impactverhalen/, /vacatures/ and /agenda/.

Each is one per site and fills its listing from memberhub.listings (the agenda from
portal.agenda) instead of SectionIndexPage's list of child pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.pages import SectionIndexPage

# Wagtail gives every page class its own default template: each names this one.
PUBLICATION_INDEX_TEMPLATE = "memberhub/publication_index_page.html"


class MemberListingMixin:
    """A section page whose listing is ``listing_context(request)`` (a dict for the template)."""

    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = Page.get_context(self, request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context

    def listing_context(self, request):
        raise NotImplementedError


class MemberDirectoryPage(MemberListingMixin, SectionIndexPage):
    """/leden/: the directory of member organisations."""

    subpage_types = ["memberhub.OrganisationPage"]
    listing_per_page = 24

    class Meta:
        verbose_name = _("member directory")

    def listing_context(self, request):
        from memberhub.listings import directory_context

        return directory_context(request)


class PublicationIndexMixin(MemberListingMixin):
    """A section page that lists one kind of member publication across all organisations."""

    listing_kind = ""

    def listing_context(self, request):
        from memberhub.listings import publication_context

        return publication_context(request, self.listing_kind, self.listing_per_page)


class NewsIndexPage(PublicationIndexMixin, SectionIndexPage):
    # /nieuws/
    subpage_types, listing_kind = ["memberhub.NewsPage"], "news"
    template = PUBLICATION_INDEX_TEMPLATE

    class Meta:
        verbose_name = _("news index")


class ImpactStoryIndexPage(PublicationIndexMixin, SectionIndexPage):
    # /impactverhalen/
    subpage_types, listing_kind = ["memberhub.ImpactStoryPage"], "impact_story"
    template = PUBLICATION_INDEX_TEMPLATE

    class Meta:
        verbose_name = _("impact story index")


class VacancyIndexPage(PublicationIndexMixin, SectionIndexPage):
    # /vacatures/: open vacancies only.
    listing_kind = "vacancy"
    template = PUBLICATION_INDEX_TEMPLATE

    class Meta:
        verbose_name = _("vacancy index")


class EventIndexPage(MemberListingMixin, SectionIndexPage):
    """/agenda/: every agenda entry (member events and learning-line sessions), from the
    shared agenda (portal.agenda) with memberhub's filter choices."""

    subpage_types, listing_per_page = ["memberhub.EventPage"], 20

    def listing_context(self, request):
        from memberhub.listings import filter_options
        from portal.agenda import agenda_context

        return agenda_context(request, filter_options(), self.listing_per_page)

    class Meta:
        verbose_name = _("agenda")
