"""Working groups: standing groups of members on one track of a line, and who takes part
in them (for which organisation, with or without their name shown)."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from learninglines.models.base import (
    TEXT_SEARCH_FIELDS,
    TOPIC_PANELS,
    LinePartMixin,
    page_route,
)
from learninglines.models.choices import ContentLanguage, Track
from portal.blocks import BodyStreamBlock
from portal.languages import LanguageAddressMixin
from portal.searchable import FacetValue, SearchableContent, facet_values
from portal.translation import PAGE_SYNCHRONISED, synchronised


class WorkingGroupThemeTag(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="working_groups",
                            on_delete=models.CASCADE)
    content_object = ParentalKey("learninglines.WorkingGroupPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class WorkingGroupPage(LinePartMixin, RoutablePageMixin, LanguageAddressMixin, Page):
    """A standing group of members on one track of a line (e.g. the AI working group)."""

    track = models.CharField(_("track"), max_length=20, choices=Track.choices,
                             default=Track.PRACTITIONER)
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    leading_organisations = ParentalManyToManyField(
        "memberhub.MemberOrganisation", blank=True, related_name="led_working_groups",
        verbose_name=_("leading member organisations"),
    )
    open_for_joining = models.BooleanField(
        _("open for joining"), default=True,
        help_text=_("Members can join and leave this group on its page."),
    )
    themes = ClusterTaggableManager(through=WorkingGroupThemeTag, blank=True,
                                    verbose_name=_("themes"))
    sdgs = ParentalManyToManyField("portal.SustainableDevelopmentGoal", blank=True,
                                   related_name="working_groups",
                                   verbose_name=_("sustainable development goals"))
    language = models.CharField(_("working language"), max_length=2,
                                choices=ContentLanguage.choices, default=ContentLanguage.DUTCH)

    content_panels = Page.content_panels + [
        FieldPanel("track"),
        FieldPanel("summary"),
        FieldPanel("leading_organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("open_for_joining"),
        FieldPanel("language"),
        *TOPIC_PANELS,
    ]
    search_fields = Page.search_fields + TEXT_SEARCH_FIELDS + [index.FilterField("track")]
    template = "learninglines/working_group_page.html"
    page_data = "working_group_page_data"

    # Translated: title, summary, body. Synchronised: slug, track, language, open for
    # joining, leading organisations, SDGs, themes.
    override_translatable_fields = PAGE_SYNCHRONISED + synchronised(
        "track", "language", "open_for_joining", "leading_organisations", "sdgs")

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    join_view = page_route("join/", "join", "working_group_join")
    leave_view = page_route("leave/", "leave", "working_group_leave")

    def portal_search_fields(self):
        line = self.get_parent()
        return SearchableContent(
            kind="working_group", summary=self.summary, body=self.body_text,
            learning_lines=[FacetValue.of(line, "title")] if line else (),
            tracks=[self.track], themes=facet_values(self.themes.all()),
            sdgs=[sdg.number for sdg in self.sdgs.all()],
            organisations=facet_values(self.leading_organisations.all()),
            language=self.language,
        )


class WorkingGroupMembership(models.Model):
    """A person taking part in a working group on behalf of one organisation."""

    group = models.ForeignKey(WorkingGroupPage, verbose_name=_("working group"),
                              on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                             on_delete=models.CASCADE, related_name="working_group_memberships")
    organisation = models.ForeignKey("memberhub.MemberOrganisation",
                                     verbose_name=_("organisation"), on_delete=models.CASCADE,
                                     related_name="working_group_memberships")
    show_name = models.BooleanField(
        _("show my name on the group's page"), default=False,
        help_text=_("Without this consent only your organisation is shown."),
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("working group participant")
        verbose_name_plural = _("working group participants")
        ordering = ["group", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"],
                                    name="learninglines_wgmembership_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.group}"
