"""The knowledge base: the kennisbank section, its items and the knowledge map."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.blocks import ExternalLinkBlock, KnowledgeBodyBlock
from learninglines.models.choices import Track
from portal.admin_forms import LearningLineChoicesMixin
from portal.languages import LanguageAddressMixin
from portal.pages import SectionIndexPage
from portal.translation import PAGE_SYNCHRONISED, synchronised


class Kind(models.TextChoices):
    """What sort of knowledge product an item is."""

    PUBLICATION = "publication", _("Publication")
    TOOL = "tool", _("Tool")
    POSITION_PAPER = "position_paper", _("Position paper")
    POLITICAL_MONITOR = "political_monitor", _("Political monitor edition")
    REPORT = "report", _("Report")
    VIDEO = "video", _("Video or webinar")
    OTHER = "other", _("Other")


# Kinds that are always for members only, whatever the editor ticks.
MEMBER_ONLY_KINDS = frozenset({Kind.POLITICAL_MONITOR})


class ContentLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


BOTH_TRACKS = "both"
TRACK_CHOICES = [*Track.choices, (BOTH_TRACKS, _("Both tracks"))]


def tracks_matching(track):
    """The stored track values that count as belonging to ``track`` (an item for both
    tracks belongs to each)."""
    return [track, BOTH_TRACKS]


class KnowledgeIndexPage(RoutablePageMixin, SectionIndexPage):
    """/kennisbank/: the knowledge base, with filters, counts and an Atom feed."""

    max_count_per_parent = 1
    listing_per_page = 20
    subpage_types = ["knowledge.KnowledgeItemPage", "knowledge.KnowledgeMapPage"]
    template = "knowledge/knowledge_index_page.html"

    class Meta:
        verbose_name = _("knowledge base")

    def get_context(self, request, *args, **kwargs):
        from knowledge.listing import kennisbank_listing

        # Skip SectionIndexPage.get_context: the kennisbank has its own filtered listing.
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        context["kennisbank"] = kennisbank_listing(request, self)
        context["listing"] = context["kennisbank"].page
        context["map_page"] = context["kennisbank"].map_page
        context["feed_url"] = self.url + self.reverse_subpage("feed")
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from knowledge.feeds import KnowledgeItemFeed

        return KnowledgeItemFeed(self)(request)


class KnowledgeItemPageForm(LearningLineChoicesMixin, WagtailAdminPageForm):
    """Offers each learning line once, in the language of the item being edited."""


class KnowledgeItemThemeTag(ItemBase):
    """Through model: a knowledge item tagged with a theme from the curated list."""

    tag = models.ForeignKey(
        "portal.ThemeTag", related_name="knowledge_items", on_delete=models.CASCADE
    )
    content_object = ParentalKey(
        "knowledge.KnowledgeItemPage", related_name="theme_items", on_delete=models.CASCADE
    )


class KnowledgeItemPage(LanguageAddressMixin, Page):
    """One knowledge product: a publication, tool, position paper, monitor edition …"""

    kind = models.CharField(
        _("kind"), max_length=30, choices=Kind.choices, default=Kind.PUBLICATION,
        help_text=_("Political monitor editions are always for members only."),
    )
    summary = models.TextField(
        _("summary"), max_length=600,
        help_text=_("Two or three sentences: what this is and who it is for. Shown in "
                    "listings, in the feed and when the page is shared."),
    )
    body = StreamField(KnowledgeBodyBlock(), blank=True, verbose_name=_("body"))
    external_links = StreamField(
        [("link", ExternalLinkBlock())], blank=True, verbose_name=_("external links"),
        help_text=_("Links to the product elsewhere, e.g. the online version of a tool."),
    )
    authoring_organisations = ParentalManyToManyField(
        "memberhub.MemberOrganisation", blank=True, related_name="knowledge_items",
        verbose_name=_("member organisations that made it"),
    )
    other_authors = models.CharField(
        _("other authors"), max_length=300, blank=True,
        help_text=_("Organisations or people that are not members, separated by commas."),
    )
    learning_lines = ParentalManyToManyField(
        "learninglines.LearningLinePage", blank=True, related_name="knowledge_items",
        verbose_name=_("learning lines"),
    )
    track = models.CharField(
        _("track"), max_length=20, choices=TRACK_CHOICES, blank=True,
        help_text=_("Leave empty when the item is not meant for one track in particular."),
    )
    themes = ClusterTaggableManager(
        through=KnowledgeItemThemeTag, blank=True, verbose_name=_("themes"),
        help_text=_("Choose from the curated list of themes (Snippets › Vocabularies)."),
    )
    sdgs = ParentalManyToManyField(
        "portal.SustainableDevelopmentGoal", blank=True, related_name="knowledge_items",
        verbose_name=_("sustainable development goals"),
    )
    language = models.CharField(
        _("language of the content"), max_length=2, choices=ContentLanguage.choices,
        default=ContentLanguage.DUTCH,
        help_text=_("The language the product itself is written in."),
    )
    publication_date = models.DateField(
        _("publication date"), default=timezone.localdate,
        help_text=_("When the product was published (not when it was added here)."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("cover image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    cover_image_alt = models.CharField(
        _("alternative text of the cover image"), max_length=250, blank=True,
        help_text=_("Describe what the cover shows. Required when there is a cover image."),
    )
    members_only = models.BooleanField(
        _("members only"), default=False,
        help_text=_("Only logged-in members and editors can see this item; visitors are asked "
                    "to log in and never see it in lists, counts, the map or the feed. Ticking "
                    "restricts the page at once, unticking takes effect when the page is "
                    "published. Use this box rather than the privacy setting."),
    )

    base_form_class = KnowledgeItemPageForm
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/knowledge_item_page.html"

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("publication_date")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_image_alt")], heading=_("Cover image"),
        ),
        FieldPanel("body"),
        MultipleChooserPanel(
            "attachments", chooser_field_name="document", heading=_("Documents"),
            label=_("Document"),
        ),
        FieldPanel("external_links"),
    ]
    classification_panels = [
        HelpPanel(content=_("<p>How people find this item in the knowledge base: the filters, "
                            "the knowledge map and the search use these fields.</p>")),
        FieldPanel("language"),
        MultiFieldPanel(
            [
                FieldPanel("learning_lines", widget=forms.CheckboxSelectMultiple),
                FieldPanel("track"),
            ],
            heading=_("Learning lines and track"),
        ),
        FieldPanel("themes"),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("authoring_organisations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("other_authors"),
            ],
            heading=_("Made by"),
        ),
        MultipleChooserPanel(
            "related_item_links", chooser_field_name="item", heading=_("Related items"),
            label=_("Related item"),
            help_text=_("Shown first under 'Related'; items of the same learning line and "
                        "themes follow automatically."),
        ),
    ]
    access_panels = [FieldPanel("members_only")]

    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Content")),
        ObjectList(classification_panels, heading=_("Classification")),
        ObjectList(access_panels, heading=_("Access")),
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings")),
    ])

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("other_authors"),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("publication_date"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("summary"),
        APIField("language"),
        APIField("publication_date"),
        APIField("track"),
        APIField("other_authors"),
    ]

    # Translated: title, summary, body, external links' titles and descriptions, cover
    # image alt text. Synchronised: slug, kind, track, language, publication date, other
    # authors, members only, cover image (may be replaced), authoring organisations, learning
    # lines, SDGs, themes, attachments (documents) and related items.
    override_translatable_fields = PAGE_SYNCHRONISED + synchronised(
        "kind", "track", "language", "publication_date", "other_authors", "members_only",
        "authoring_organisations", "learning_lines", "sdgs") + synchronised(
        "cover_image", overridable=True)

    class Meta:
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")

    @property
    def requires_membership(self):
        return self.members_only or self.kind in MEMBER_ONLY_KINDS

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_image_alt.strip():
            raise ValidationError(
                {"cover_image_alt": _("Describe the cover image for people who cannot see it.")}
            )

    def save(self, *args, **kwargs):
        if self.kind in MEMBER_ONLY_KINDS:
            self.members_only = True
        result = super().save(*args, **kwargs)
        if self.requires_membership:
            # Restrict as soon as an editor asks for it, also in a draft. Lifting the
            # restriction waits for publication (see signal_handlers), so live member-only
            # content never becomes public through an unpublished draft.
            from knowledge.services import sync_member_restriction

            sync_member_restriction(self)
        return result

    def get_context(self, request, *args, **kwargs):
        from knowledge.selectors import item_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(item_page_context(self, request))
        return context

    def portal_search_fields(self):
        """What the portal search indexes for this page (portal.searchable)."""
        from knowledge.selectors import search_fields_for

        return search_fields_for(self)


class KnowledgeItemDocument(Orderable):
    """A Wagtail document attached to a knowledge item."""

    page = ParentalKey(KnowledgeItemPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("link text"), max_length=200, blank=True,
        help_text=_("Leave empty to use the document's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def link_text(self):
        return self.title or self.document.title


class KnowledgeItemRelation(Orderable):
    """An item an editor chose as related (shown before the automatic suggestions)."""

    page = ParentalKey(
        KnowledgeItemPage, related_name="related_item_links", on_delete=models.CASCADE
    )
    item = models.ForeignKey(
        KnowledgeItemPage, verbose_name=_("related item"), on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("item")]

    class Meta(Orderable.Meta):
        verbose_name = _("related item")
        verbose_name_plural = _("related items")

    def clean(self):
        super().clean()
        if self.page_id and self.item_id and self.item_id == self.page_id:
            raise ValidationError({"item": _("An item cannot be related to itself.")})


class KnowledgeMapPage(LanguageAddressMixin, Page):
    """The knowledge map: every visible product at once, learning line (or theme) by kind."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "knowledge/knowledge_map_page.html"

    override_translatable_fields = PAGE_SYNCHRONISED

    class Meta:
        verbose_name = _("knowledge map")

    def get_context(self, request, *args, **kwargs):
        from knowledge.knowledge_map import knowledge_map

        context = super().get_context(request, *args, **kwargs)
        context["knowledge_map"] = knowledge_map(request, self)
        return context
