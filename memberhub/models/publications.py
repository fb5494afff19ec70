"""Organisation pages and what member organisations publish under them: news, impact
stories and vacancies (events: memberhub.models.events). Each page type renders
Wagtail's default template for it, memberhub/<page_type>.html (e.g. news_page.html)."""

from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from memberhub.admin_forms import LearningLinesPageForm, VacancyPageForm
from memberhub.models.organisations import MemberOrganisation
from portal.fields import theme_tags
from portal.languages import LanguageAddressMixin
from portal.searchable import FacetValue, SearchableContent, facet_values
from portal.text import plain_text
from portal.translation import PAGE_SYNCHRONISED, synchronised

# Rich text that members write: paragraphs, two heading levels, lists, links, bold and
# italic. No embeds, no images, no raw HTML (Draftail stores only these features).
MEMBER_RICHTEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


def learning_lines_field(related_name, verbose_name=None):
    """The learning lines a page takes part in (chosen in the admin; knowledge items
    may declare theirs with it too)."""
    return ParentalManyToManyField("learninglines.LearningLinePage", blank=True,
                                   related_name=related_name,
                                   verbose_name=verbose_name or _("learning lines"))


def _rich_text_plain(value):
    return plain_text(value)


class OrganisationPageTheme(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="organisation_pages",
                            on_delete=models.CASCADE)
    content_object = ParentalKey("memberhub.OrganisationPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class OrganisationPage(LanguageAddressMixin, Page):
    """/leden/<slug>/: an organisation's public profile and the home of what it publishes.

    Created and kept in step by :func:`memberhub.services.sync_organisation_page`; name,
    logo, website, description and member-since are read from the organisation itself.
    """

    organisation = models.OneToOneField(
        MemberOrganisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="page", editable=False,
    )
    themes = theme_tags(OrganisationPageTheme,
                        help_text=_("Choose from the curated list of themes."))
    learning_lines = learning_lines_field("organisation_pages",
                                          _("learning lines it takes part in"))

    content_panels = [
        HelpPanel(content=_("The name, logo, website and description come from the "
                            "organisation's profile (My portal › Organisation profile).")),
        FieldPanel("themes"),
        FieldPanel("learning_lines", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = LearningLinesPageForm
    promote_panels = []
    search_fields = Page.search_fields + [
        index.RelatedFields("organisation", [index.SearchField("description")]),
    ]

    is_creatable = False
    parent_page_types = ["memberhub.MemberDirectoryPage"]
    subpage_types = ["memberhub.NewsPage", "memberhub.ImpactStoryPage", "memberhub.VacancyPage",
                     "memberhub.EventPage"]

    # Not translatable: an organisation has one page (``organisation`` is one-to-one); the
    # English site shows it through the fallback. Declared for completeness.
    override_translatable_fields = PAGE_SYNCHRONISED + synchronised("learning_lines")

    class Meta:
        verbose_name = _("organisation page")

    def clean(self):
        super().clean()
        if self.organisation_id:
            self.title = self.draft_title = self.organisation.name
            self.slug = self.organisation.slug

    def get_context(self, request, *args, **kwargs):
        from memberhub.listings import organisation_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(organisation_page_context(request, self))
        return context

    def portal_search_fields(self):
        organisation = self.organisation
        return SearchableContent(
            kind="organisation", summary=organisation.description[:300],
            body=organisation.description,
            learning_lines=facet_values(self.learning_lines.all(), "title"),
            themes=facet_values(self.themes.all()),
            organisations=[FacetValue.of(organisation)],
            language=self.locale.language_code, date=organisation.member_since,
        )


class MemberPublicationPage(LanguageAddressMixin, Page):
    """What member organisations publish. ``organisation`` is never chosen in a form: it
    follows the organisation page the item sits under (None for the association's own)."""

    organisation = models.ForeignKey(
        MemberOrganisation, verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+", editable=False,
    )
    summary = models.TextField(
        _("summary"), max_length=400,
        help_text=_("One or two sentences, shown in listings and search results."),
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["memberhub.OrganisationPage"]
    subpage_types = []
    content_type_key = ""
    # The menu section this kind of page belongs to (app_label.Model of its index page):
    # an item lives under its organisation (/leden/<org>/...) but is read as news, etc.
    navigation_section = ""

    class Meta:
        abstract = True

    def organisation_from_tree(self):
        """The organisation of the nearest OrganisationPage above this page, if any."""
        if not self.path or self.depth is None:
            return self.organisation_id
        parent_paths = [self.path[:i] for i in range(Page.steplen, len(self.path), Page.steplen)]
        return (OrganisationPage.objects.filter(path__in=parent_paths)
                .values_list("organisation_id", flat=True).first())

    def save(self, *args, **kwargs):
        self.organisation_id = self.organisation_from_tree()
        return super().save(*args, **kwargs)

    @cached_property
    def organisation_name(self):
        return self.organisation.name if self.organisation_id else ""

    def body_text(self):
        return _rich_text_plain(getattr(self, "body", ""))

    def search_date(self):
        return self.first_published_at

    def portal_search_fields(self):
        learning_lines = getattr(self, "learning_lines", None)
        sdgs = getattr(self, "sdgs", None)
        return SearchableContent(
            kind=self.content_type_key, summary=self.summary, body=self.body_text(),
            learning_lines=facet_values(learning_lines.all(), "title")
            if learning_lines is not None else (),
            themes=facet_values(self.themes.all()),
            sdgs=[sdg.number for sdg in sdgs.all()] if sdgs is not None else (),
            organisations=[FacetValue(str(self.organisation_id), self.organisation_name)]
            if self.organisation_id else (),
            language=self.locale.language_code, date=self.search_date(),
        )


class NewsPageTheme(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="news_pages",
                            on_delete=models.CASCADE)
    content_object = ParentalKey("memberhub.NewsPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class NewsPage(MemberPublicationPage):
    body = RichTextField(_("text"), features=MEMBER_RICHTEXT_FEATURES)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text of the image"), max_length=250, blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    themes = theme_tags(NewsPageTheme)
    learning_lines = learning_lines_field("news_pages")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("themes"),
        FieldPanel("learning_lines", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = LearningLinesPageForm
    search_fields = MemberPublicationPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["memberhub.OrganisationPage", "memberhub.NewsIndexPage"]
    content_type_key = "news"
    navigation_section = "memberhub.NewsIndexPage"

    # Translated: title, summary, body, image alt text. Synchronised (copied from the Dutch
    # page at every sync): slug, image (may be replaced), themes, learning lines.
    override_translatable_fields = (PAGE_SYNCHRONISED + synchronised("learning_lines")
                                    + synchronised("image", overridable=True))

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot "
                                                  "see it.")})


class ImpactStoryPageTheme(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="impact_story_pages",
                            on_delete=models.CASCADE)
    content_object = ParentalKey("memberhub.ImpactStoryPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class ImpactStoryPage(MemberPublicationPage):
    country = models.ForeignKey(
        "portal.Country", verbose_name=_("country or region"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    partner_organisation = models.CharField(_("partner organisation"), max_length=200,
                                            blank=True)
    change = RichTextField(
        _("the change achieved"), features=MEMBER_RICHTEXT_FEATURES,
        help_text=_("What changed for whom, and how you know."),
    )
    quote = models.TextField(_("quote"), blank=True)
    quote_attribution = models.CharField(_("quote attribution"), max_length=200, blank=True)
    sdgs = ParentalManyToManyField(
        "portal.SustainableDevelopmentGoal", blank=True, related_name="impact_stories",
        verbose_name=_("sustainable development goals"),
    )
    themes = theme_tags(ImpactStoryPageTheme)
    learning_lines = learning_lines_field("impact_stories")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("country"), FieldPanel("partner_organisation")],
                        heading=_("Where and with whom")),
        FieldPanel("change"),
        InlinePanel("results", label=_("Result figures"), min_num=1),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_attribution")],
                        heading=_("Quote")),
        InlinePanel("images", label=_("Images")),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes"),
        FieldPanel("learning_lines", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = LearningLinesPageForm
    search_fields = MemberPublicationPage.search_fields + [
        index.SearchField("change"), index.SearchField("partner_organisation"),
        index.SearchField("quote"),
    ]
    parent_page_types = ["memberhub.OrganisationPage", "memberhub.ImpactStoryIndexPage"]
    content_type_key = "impact_story"
    navigation_section = "memberhub.ImpactStoryIndexPage"

    # Translated: title, summary, change, quote, quote attribution. Synchronised: slug,
    # country, partner organisation, SDGs, learning lines, themes, results, images.
    override_translatable_fields = PAGE_SYNCHRONISED + synchronised(
        "country", "partner_organisation", "sdgs", "learning_lines")

    class Meta:
        verbose_name = _("impact story")
        verbose_name_plural = _("impact stories")

    def clean(self):
        super().clean()
        if self.quote.strip() and not self.quote_attribution.strip():
            raise ValidationError({"quote_attribution": _("Say who said this.")})

    def body_text(self):
        results = " ".join(f"{result.figure} {result.label}" for result in self.results.all())
        return " ".join(part for part in (_rich_text_plain(self.change), results, self.quote)
                        if part)


class ImpactStoryResult(Orderable):
    page = ParentalKey(ImpactStoryPage, related_name="results", on_delete=models.CASCADE)
    figure = models.CharField(_("figure"), max_length=40, help_text=_("E.g. 1,200 or 35%"))
    label = models.CharField(_("what it counts"), max_length=200,
                             help_text=_("E.g. households with clean drinking water"))

    panels = [FieldPanel("figure"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("result figure")


class ImpactStoryImage(Orderable):
    page = ParentalKey(ImpactStoryPage, related_name="images", on_delete=models.CASCADE)
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("image"),
                              on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        _("alternative text"), max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    people_pictured = models.BooleanField(_("people can be recognised in this image"),
                                          default=False)
    consent = models.BooleanField(
        _("the people pictured gave their consent for publication"), default=False,
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption"),
              FieldPanel("people_pictured"), FieldPanel("consent")]

    class Meta(Orderable.Meta):
        verbose_name = _("image")

    def clean(self):
        super().clean()
        if self.people_pictured and not self.consent:
            raise ValidationError({"consent": _(
                "Publish images of recognisable people only with their consent.")})


class VacancyPageTheme(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="vacancy_pages",
                            on_delete=models.CASCADE)
    content_object = ParentalKey("memberhub.VacancyPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class VacancyPage(MemberPublicationPage):
    closing_date = models.DateField(
        _("closing date"),
        help_text=_("The last day to apply. The vacancy goes offline automatically after it."),
    )
    location = models.CharField(_("place of work"), max_length=200, blank=True)
    hours = models.CharField(_("hours per week"), max_length=60, blank=True)
    body = RichTextField(_("text"), features=MEMBER_RICHTEXT_FEATURES)
    application_url = models.URLField(_("link to apply"), blank=True)
    application_email = models.EmailField(_("e-mail address to apply"), blank=True)
    themes = theme_tags(VacancyPageTheme)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("closing_date"), FieldPanel("location"),
                         FieldPanel("hours")], heading=_("The position")),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("application_url"), FieldPanel("application_email")],
                        heading=_("How to apply")),
        FieldPanel("themes"),
    ]
    # The closing date sets the expiry: no separate expiry field to contradict it.
    settings_panels = [FieldPanel("go_live_at")]
    search_fields = MemberPublicationPage.search_fields + [index.SearchField("body")]
    base_form_class = VacancyPageForm
    content_type_key = "vacancy"
    navigation_section = "memberhub.VacancyIndexPage"

    # Translated: title, summary, hours, body. Synchronised: slug, closing date, place,
    # links and address to apply, themes.
    override_translatable_fields = PAGE_SYNCHRONISED + synchronised(
        "closing_date", "location", "application_url", "application_email")

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    @property
    def closes_at(self):
        """The end of the closing day in the portal's time zone (Wagtail's expiry)."""
        from datetime import datetime, time, timedelta

        zone = ZoneInfo(timezone.get_default_timezone_name())
        return datetime.combine(self.closing_date + timedelta(days=1), time.min, tzinfo=zone)

    def clean(self):
        super().clean()
        if not (self.application_url or self.application_email):
            raise ValidationError({"application_url": _(
                "Give a link or an e-mail address for applications.")})
        if self.closing_date:
            # Wagtail's publish_scheduled command unpublishes the page after this moment.
            self.expire_at = self.closes_at

    def save(self, *args, **kwargs):
        if self.closing_date:
            self.expire_at = self.closes_at
        return super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.closing_date >= timezone.localdate()

    def search_date(self):
        return self.closing_date
