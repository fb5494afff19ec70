"""The learning-line pages: the overview (/leerlijnen/) and one page per line, with its
coordinators."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from learninglines.models.base import LearningPageMixin
from learninglines.models.choices import Track
from portal.blocks import BodyStreamBlock
from portal.languages import LanguageAddressMixin
from portal.pages import SectionIndexPage
from portal.searchable import FacetValue, SearchableContent, facet_values
from portal.translation import PAGE_SYNCHRONISED, synchronised


class LearningLineIndexPage(SectionIndexPage):
    """/leerlijnen/: the learning lines and the year's agenda."""

    max_count_per_parent = 1
    subpage_types = ["learninglines.LearningLinePage"]
    template = "learninglines/learning_line_index_page.html"

    class Meta:
        verbose_name = _("learning lines overview")

    def get_listing(self, request):
        from portal.visibility import visible_pages

        return visible_pages(
            request.user, LearningLinePage.objects.child_of(self)
        ).order_by("path")

    def get_context(self, request, *args, **kwargs):
        from learninglines.selectors.plan import dual_track_plan
        from learninglines.selectors.sessions import agenda_index_url, year_agenda
        from portal.years import parse_year

        context = super().get_context(request, *args, **kwargs)
        listing = context["listing"]
        listing.object_list = list(listing.object_list)  # read once, for the cards and plan
        context["plan"] = dual_track_plan(listing.object_list, request.user)
        year = parse_year(request.GET.get("year"))
        context["year"] = year
        context["agenda"] = year_agenda(request.user, year)
        # Looked up once, and only when a month has more sessions than it shows.
        context["agenda_url"] = SimpleLazyObject(agenda_index_url)
        context["this_month"] = timezone.localdate().replace(day=1)
        context["previous_year"] = year - 1
        context["next_year"] = year + 1
        return context


class LearningLineCoordinator(TranslatableMixin, Orderable):
    """A person who coordinates a learning line (usually staff of the association). Each
    language's line page has its own rows, paired by ``translation_key``: the role is
    translated with the page, the name and organisation are copied at every sync."""

    line = ParentalKey("learninglines.LearningLinePage", related_name="coordinators",
                       on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True,
                            help_text=_("E.g. 'coordinator Practitioner track'."))
    organisation = models.ForeignKey(
        "memberhub.MemberOrganisation", verbose_name=_("member organisation"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Leave empty for staff of the association."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]
    override_translatable_fields = [TranslatableField("role"), *synchronised("name")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("coordinator")

    def __str__(self):
        return self.name


class LearningLinePage(LearningPageMixin, LanguageAddressMixin, Page):
    """One learning line (Digital Readiness, Equitable Partnerships, …) on two tracks."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences: what this line "
                                                          "is about."))
    practitioner_aim = models.TextField(
        _("aim of the Practitioner track"), blank=True,
        help_text=_("Learning, legitimacy, tools: working groups, peer spaces, network sessions."),
    )
    leadership_aim = models.TextField(
        _("aim of the Leadership track"), blank=True,
        help_text=_("Mandate, means, accountability: short dialogues for directors."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    leading_organisations = ParentalManyToManyField(
        "memberhub.MemberOrganisation", blank=True, related_name="led_learning_lines",
        verbose_name=_("leading member organisations"),
        help_text=_("The member organisations that lead this line."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("practitioner_aim"), FieldPanel("leadership_aim")],
                        heading=_("Tracks")),
        FieldPanel("leading_organisations", widget=forms.CheckboxSelectMultiple),
        InlinePanel("coordinators", label=_("Coordinators")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("practitioner_aim"),
        index.SearchField("leadership_aim"), index.SearchField("body"),
    ]
    parent_page_types = ["learninglines.LearningLineIndexPage"]
    subpage_types = ["learninglines.SessionPage", "learninglines.WorkingGroupPage"]
    template = "learninglines/learning_line_page.html"
    page_data = "line_page_data"

    # Translated: title, summary, the two track aims, body, the coordinators' roles.
    # Synchronised: slug, leading organisations, the coordinators' names and organisations,
    # and the linked organisations, news, stories, events and knowledge items (child
    # relations, copied at every sync).
    override_translatable_fields = PAGE_SYNCHRONISED + synchronised("leading_organisations")

    class Meta:
        verbose_name = _("learning line")

    def portal_search_fields(self):
        return SearchableContent(
            kind="learning_line", summary=self.summary,
            body=" ".join(filter(None, [self.practitioner_aim, self.leadership_aim,
                                        self.body_text])),
            learning_lines=[FacetValue.of(self, "title")],
            tracks=[Track.PRACTITIONER.value, Track.LEADERSHIP.value],
            organisations=facet_values(self.leading_organisations.all()),
            language=self.locale.language_code,
        )
