from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.languages import LanguageAddressMixin
from portal.searchable import SearchableContent
from portal.text import stream_text
from portal.translation import PAGE_SYNCHRONISED


class IntroBodyPage(LanguageAddressMixin, Page):
    """A page of an introduction and a body: the home page and standard pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(IntroBodyPage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "portal.StandardPage",
        "knowledge.KnowledgeIndexPage",
        "learninglines.LearningLineIndexPage",
        "memberhub.NewsIndexPage",
        "memberhub.ImpactStoryIndexPage",
        "memberhub.VacancyIndexPage",
        "memberhub.EventIndexPage",
        "memberhub.MemberDirectoryPage",
    ]
    template = "portal/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from portal.selectors import home_highlights, home_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(self, request.user)
        context["highlights"] = home_highlights(request.user)
        return context


class StandardPage(IntroBodyPage):
    subpage_types = ["portal.StandardPage"]
    template = "portal/standard_page.html"
    # Translated: title, intro, body (texts, image alt texts); synchronised: the rest.
    override_translatable_fields = PAGE_SYNCHRONISED

    class Meta:
        verbose_name = _("standard page")

    def portal_search_fields(self):
        return SearchableContent(kind="page", summary=self.intro, body=stream_text(self.body),
                                 language=self.locale.language_code,
                                 date=self.last_published_at)


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=50, help_text=_("E.g. Mastodon, LinkedIn"))
    url = blocks.URLBlock(label=_("Web address"))


SETTINGS_CACHE_SECONDS = 300


class CachedSiteSetting(BaseSiteSetting):
    """A site setting read from the cache: it is on every page and rarely changes.
    Saving it clears the cached copy (portal.signal_handlers)."""

    class Meta:
        abstract = True

    @classmethod
    def cache_key(cls, site_id):
        return f"portal:setting:{cls._meta.label_lower}:{site_id}"

    @classmethod
    def for_site(cls, site):
        from django.core.cache import cache

        if site is None:
            return super().for_site(site)
        key = cls.cache_key(site.pk)
        try:
            instance = cache.get(key)
        except Exception:  # a cache that is down means: read the database
            instance = None
        if instance is None:
            instance = super().for_site(site)
            try:
                cache.set(key, instance, SETTINGS_CACHE_SECONDS)
            except Exception:  # noqa: S110  # nosec B110 (no cache: nothing to store)
                pass
        return instance


@register_setting(icon="cog")
class SiteSettings(CachedSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Vereniging Samen Verder"
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    footer_text_nl = RichTextField(_("footer text (Dutch)"), blank=True,
                                   features=["bold", "italic", "link"])
    footer_text_en = RichTextField(_("footer text (English)"), blank=True,
                                   features=["bold", "italic", "link"])
    social_links = StreamField([("link", SocialLinkBlock())], blank=True,
                               verbose_name=_("social links"))

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("contact_email"), FieldPanel("phone"),
             FieldPanel("address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("footer_text_nl"), FieldPanel("footer_text_en")],
                        heading=_("Footer")),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def footer_text(self):
        if get_language() == "en" and self.footer_text_en:
            return self.footer_text_en
        return self.footer_text_nl


@register_setting(icon="list-ul")
class NavigationSettings(CachedSiteSetting):
    items = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        blank=True,
        verbose_name=_("main navigation"),
        help_text=_("Pages in the main menu, in order. Each is shown in the visitor's language "
                    "when a translation exists."),
    )

    panels = [FieldPanel("items")]

    class Meta:
        verbose_name = _("navigation")


# --- Shared vocabularies -------------------------------------------------------------


class ThemeTag(TagBase):
    """A theme from the curated list editors maintain (django-taggit tag).

    ``free_tagging = False`` makes Wagtail's tag field offer only existing themes,
    so members and editors pick from the list instead of inventing spellings.
    """

    free_tagging = False
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    @property
    def label(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 UN Sustainable Development Goals (a curated snippet)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)

    panels = [FieldPanel("number"), FieldPanel("name_nl"), FieldPanel("name_en")]

    class Meta:
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]

    def __str__(self):
        return f"SDG {self.number}: {self.label}"

    @property
    def label(self):
        return self.name_en if get_language() == "en" else self.name_nl


class Country(models.Model):
    """A country or region, for impact stories and facets (a curated snippet)."""

    code = models.CharField(_("code"), max_length=8, unique=True,
                            help_text=_("ISO 3166 alpha-2 code, or a short code for a region."))
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    is_region = models.BooleanField(_("region"), default=False)

    panels = [FieldPanel("code"), FieldPanel("name_nl"), FieldPanel("name_en"),
              FieldPanel("is_region")]

    class Meta:
        verbose_name = _("country or region")
        verbose_name_plural = _("countries and regions")
        ordering = ["name_nl"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.name_en if get_language() == "en" else self.name_nl


# --- Outgoing e-mail ---------------------------------------------------------------


class QueuedEmail(models.Model):
    """One e-mail to one recipient, stored before it is sent.

    Storing first means a mail server that is down loses nothing: sending is retried
    with back-off (portal.mail), and ``dedupe_key`` makes queueing idempotent, so a
    resumed job never sends the same message twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")

    to = models.EmailField(_("recipient"))
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    attachments = models.JSONField(
        _("attachments"), default=list, blank=True,
        help_text=_("List of {filename, mimetype, content (base64)}."),
    )
    category = models.CharField(_("category"), max_length=50, blank=True, db_index=True)
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("queued e-mail")
        verbose_name_plural = _("queued e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} → {self.to} ({self.status})"


# --- Scheduled work (portal/periodic.py, manage.py run_scheduler) ------------------


class ScheduledJob(models.Model):
    """How one periodic job went: written by the scheduler (enqueued, next run) and by
    the task that runs it (started, finished, outcome). Editors read it in the admin."""

    name = models.CharField(_("job"), max_length=100, unique=True)
    last_enqueued_at = models.DateTimeField(_("last started by the scheduler"), null=True,
                                            blank=True)
    next_run_at = models.DateTimeField(_("next run"), null=True, blank=True)
    last_started_at = models.DateTimeField(_("last run started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last run finished"), null=True, blank=True)
    running = models.BooleanField(_("running"), default=False)
    last_succeeded = models.BooleanField(_("last run succeeded"), null=True, blank=True)
    last_result = models.CharField(_("last result"), max_length=200, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    success_count = models.PositiveIntegerField(_("successful runs"), default=0)
    failure_count = models.PositiveIntegerField(_("failed runs"), default=0)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")
        ordering = ["name"]

    def __str__(self):
        return self.name
