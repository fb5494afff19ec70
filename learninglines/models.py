from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.pages import SectionIndexPage


class Track(models.TextChoices):
    """The two tracks every learning line runs on (the Dual-Track approach)."""

    PRACTITIONER = "practitioner", _("Practitioner")
    LEADERSHIP = "leadership", _("Leadership")


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


class LearningLinePage(Page):
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

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("practitioner_aim"), FieldPanel("leadership_aim")],
                        heading=_("Tracks")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("practitioner_aim"),
        index.SearchField("leadership_aim"), index.SearchField("body"),
    ]
    parent_page_types = ["learninglines.LearningLineIndexPage"]
    subpage_types = []
    template = "learninglines/learning_line_page.html"

    class Meta:
        verbose_name = _("learning line")
