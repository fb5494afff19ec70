from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.admin_forms import LearningLineChoicesMixin
from portal.pages import SectionIndexPage
from portal.searchable import FacetValue, SearchableContent, facet_values
from portal.text import plain_text

# Rich text that members write: paragraphs, two heading levels, lists, links, bold and
# italic. No embeds, no images, no raw HTML (Draftail stores only these features).
MEMBER_RICHTEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class UserManager(DjangoUserManager):
    """Users log in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=[("nl", "Nederlands"), ("en", "English")],
        default="nl",
        help_text=_("Language of e-mails and of the portal after login."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="memberhub_user_email_ci_unique"),
        ]

    def save(self, *args, **kwargs):
        if self.email:
            self.email = self.email.strip().lower()
        # While an editor's rights wait for the second factor, the request's user object
        # reads is_superuser=False (portal/editor_rights.py); the account keeps its rights.
        from portal.editor_rights import WITHHELD_ATTRIBUTE

        stored = self.__dict__.get(WITHHELD_ATTRIBUTE)
        if stored is None:
            return super().save(*args, **kwargs)
        self.is_superuser = stored
        try:
            return super().save(*args, **kwargs)
        finally:
            self.is_superuser = False

    def __str__(self):
        return self.get_full_name() or self.email


class MemberOrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class MemberOrganisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True,
        help_text=_("Used in the web address of the organisation page, e.g. /leden/<slug>/."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(
        _("active member"), default=True,
        help_text=_("Inactive organisations keep their pages and data, but their people lose "
                    "member rights at once."),
    )
    member_since = models.DateField(_("member since"), default=timezone.localdate)
    trusted = models.BooleanField(
        _("trusted"), default=False,
        help_text=_("Members of a trusted organisation may publish without moderation."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberOrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        AUTHOR = "author", _("Member (author)")
        ADMIN = "admin", _("Organisation admin")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        MemberOrganisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.AUTHOR)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="memberhub_membership_unique",
                violation_error_message=_("This person is already a member of this organisation."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class MemberDirectoryPage(SectionIndexPage):
    """/leden/: the directory of member organisations."""

    max_count_per_parent = 1
    subpage_types = ["memberhub.OrganisationPage"]
    template = "memberhub/member_directory_page.html"
    listing_per_page = 24

    def get_context(self, request, *args, **kwargs):
        from memberhub.listings import directory_context

        context = Page.get_context(self, request, *args, **kwargs)
        context.update(directory_context(request))
        return context

    class Meta:
        verbose_name = _("member directory")


class PublicationIndexMixin:
    """A section page that lists one kind of member publication across all organisations."""

    listing_kind = ""

    def get_context(self, request, *args, **kwargs):
        from memberhub.listings import publication_context

        context = Page.get_context(self, request, *args, **kwargs)
        context.update(publication_context(request, self.listing_kind, self.listing_per_page))
        return context


class NewsIndexPage(PublicationIndexMixin, SectionIndexPage):
    """/nieuws/"""

    max_count_per_parent = 1
    subpage_types = ["memberhub.NewsPage"]
    template = "memberhub/publication_index_page.html"
    listing_kind = "news"

    class Meta:
        verbose_name = _("news index")


class ImpactStoryIndexPage(PublicationIndexMixin, SectionIndexPage):
    """/impactverhalen/"""

    max_count_per_parent = 1
    subpage_types = ["memberhub.ImpactStoryPage"]
    template = "memberhub/publication_index_page.html"
    listing_kind = "impact_story"

    class Meta:
        verbose_name = _("impact story index")


class VacancyIndexPage(PublicationIndexMixin, SectionIndexPage):
    """/vacatures/: open vacancies only."""

    max_count_per_parent = 1
    subpage_types = []
    template = "memberhub/publication_index_page.html"
    listing_kind = "vacancy"

    class Meta:
        verbose_name = _("vacancy index")


class EventIndexPage(SectionIndexPage):
    """/agenda/: every agenda entry (member events and learning-line sessions)."""

    max_count_per_parent = 1
    subpage_types = ["memberhub.EventPage"]
    template = "memberhub/event_index_page.html"
    listing_per_page = 20

    def get_context(self, request, *args, **kwargs):
        from memberhub.listings import agenda_context

        context = Page.get_context(self, request, *args, **kwargs)
        context.update(agenda_context(request, self.listing_per_page))
        return context

    class Meta:
        verbose_name = _("agenda")



# --- Organisation permissions and invitations ------------------------------------------


class OrganisationAccess(models.Model):
    """The Wagtail permission group and collection that carry an organisation's rights.

    Kept in step by :func:`memberhub.services.sync_organisation_access`; a separate
    record so that renaming the organisation never orphans its group.
    """

    organisation = models.OneToOneField(
        MemberOrganisation, on_delete=models.CASCADE, related_name="access",
    )
    group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="organisation_access",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="organisation_access",
    )

    class Meta:
        verbose_name = _("organisation access")
        verbose_name_plural = _("organisation access")

    def __str__(self):
        return str(self.organisation)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True,
                           expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An invitation to join an organisation, sent by one of its admins.

    Only a SHA-256 hash of the random token is stored: the link in the e-mail is the
    only copy of the token, so a database leak gives no usable links. An invitation is
    usable once and until ``expires_at``.
    """

    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        MemberOrganisation, verbose_name=_("organisation"), on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(_("role"), max_length=10, choices=Membership.Role.choices,
                            default=Membership.Role.AUTHOR)
    invited_by = models.ForeignKey(
        User, verbose_name=_("invited by"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_usable(self):
        return (self.accepted_at is None and self.revoked_at is None
                and self.expires_at > timezone.now())


# --- Organisation pages and member publications ---------------------------------------

TIMEZONE_CHOICES = sorted((name, name.replace("_", " ")) for name in available_timezones()
                          if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")))


def validate_timezone(value):
    if value not in available_timezones():
        raise ValidationError(_("Choose a time zone from the list."))


def _rich_text_plain(value):
    return plain_text(value)


class OrganisationPageTheme(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="organisation_pages",
                            on_delete=models.CASCADE)
    content_object = ParentalKey("memberhub.OrganisationPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class LearningLinesPageForm(LearningLineChoicesMixin, WagtailAdminPageForm):
    """Learning lines offered once each, in the language of the page."""


class OrganisationPage(Page):
    """/leden/<slug>/: an organisation's public profile and the home of what it publishes.

    Created and kept in step by :func:`memberhub.services.sync_organisation_page`; name,
    logo, website, description and member-since are read from the organisation itself.
    """

    organisation = models.OneToOneField(
        MemberOrganisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="page", editable=False,
    )
    themes = ClusterTaggableManager(
        through=OrganisationPageTheme, blank=True, verbose_name=_("themes"),
        help_text=_("Choose from the curated list of themes."),
    )
    learning_lines = ParentalManyToManyField(
        "learninglines.LearningLinePage", blank=True, related_name="organisation_pages",
        verbose_name=_("learning lines it takes part in"),
    )

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
    template = "memberhub/organisation_page.html"

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


class MemberPublicationPage(Page):
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
    themes = ClusterTaggableManager(through=NewsPageTheme, blank=True, verbose_name=_("themes"))
    learning_lines = ParentalManyToManyField(
        "learninglines.LearningLinePage", blank=True, related_name="news_pages",
        verbose_name=_("learning lines"),
    )

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
    template = "memberhub/news_page.html"
    content_type_key = "news"
    navigation_section = "memberhub.NewsIndexPage"

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
    themes = ClusterTaggableManager(through=ImpactStoryPageTheme, blank=True,
                                    verbose_name=_("themes"))
    learning_lines = ParentalManyToManyField(
        "learninglines.LearningLinePage", blank=True, related_name="impact_stories",
        verbose_name=_("learning lines"),
    )

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
    template = "memberhub/impact_story_page.html"
    content_type_key = "impact_story"
    navigation_section = "memberhub.ImpactStoryIndexPage"

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


class VacancyPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        closing_date = cleaned_data.get("closing_date")
        if closing_date and closing_date < timezone.localdate():
            self.add_error("closing_date", _("The closing date has passed; choose a date "
                                             "from today on."))
        return cleaned_data


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
    themes = ClusterTaggableManager(through=VacancyPageTheme, blank=True,
                                    verbose_name=_("themes"))

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
    template = "memberhub/vacancy_page.html"
    content_type_key = "vacancy"
    navigation_section = "memberhub.VacancyIndexPage"

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


class EventPageTheme(ItemBase):
    tag = models.ForeignKey("portal.ThemeTag", related_name="event_pages",
                            on_delete=models.CASCADE)
    content_object = ParentalKey("memberhub.EventPage", related_name="theme_items",
                                 on_delete=models.CASCADE)


class EventPageForm(LearningLineChoicesMixin, WagtailAdminPageForm):
    """Start and end are entered as wall-clock times in the event's own time zone.

    The admin's date widgets work in the editor's time zone; this form shows and reads
    them as the event's local time, so "10:00 in Nairobi" means 10:00 in Nairobi.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        zone_name = instance.timezone if instance.pk else None
        if zone_name:
            for name in ("start", "end"):
                value = getattr(instance, name)
                if value and name in self.fields:
                    self.initial[name] = _as_wall_clock(value, ZoneInfo(zone_name))

    def clean(self):
        cleaned_data = super().clean()
        zone_name = cleaned_data.get("timezone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in ("start", "end"):
                value = cleaned_data.get(name)
                if value:
                    cleaned_data[name] = _from_wall_clock(value, zone)
                    setattr(self.instance, name, cleaned_data[name])
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        return cleaned_data


def _as_wall_clock(value, zone):
    """An aware datetime whose wall-clock time in the current time zone equals the
    wall-clock time of ``value`` in ``zone`` (for display in the admin's widgets)."""
    naive = value.astimezone(zone).replace(tzinfo=None)
    return timezone.make_aware(naive, timezone.get_current_timezone())


def _from_wall_clock(value, zone):
    naive = timezone.localtime(value).replace(tzinfo=None)
    return timezone.make_aware(naive, zone)


class EventPage(RoutablePageMixin, MemberPublicationPage):
    navigation_section = "memberhub.EventIndexPage"

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    # No model-level choices: the zone list comes from the system's tz database, which
    # must not leak into migrations. validate_timezone checks the value instead.
    timezone = models.CharField(_("time zone"), max_length=64, validators=[validate_timezone],
                                default="Europe/Amsterdam",
                                help_text=_("Start and end are local times in this zone."))
    location = models.CharField(_("location"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True,
                                 help_text=_("Leave empty when your organisation organises it."))
    registration_url = models.URLField(_("link to register"), blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    body = RichTextField(_("text"), features=MEMBER_RICHTEXT_FEATURES, blank=True)
    themes = ClusterTaggableManager(through=EventPageTheme, blank=True, verbose_name=_("themes"))
    learning_lines = ParentalManyToManyField(
        "learninglines.LearningLinePage", blank=True, related_name="member_events",
        verbose_name=_("learning lines"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end"),
                         FieldPanel("timezone", widget=forms.Select(choices=TIMEZONE_CHOICES))],
                        heading=_("When")),
        MultiFieldPanel([FieldPanel("location"), FieldPanel("online_url")],
                        heading=_("Where")),
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("registration_url"),
                         FieldPanel("contact_email")], heading=_("Organiser and registration")),
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("learning_lines", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = MemberPublicationPage.search_fields + [
        index.SearchField("body"), index.SearchField("location"),
    ]
    base_form_class = EventPageForm
    parent_page_types = ["memberhub.OrganisationPage", "memberhub.EventIndexPage"]
    template = "memberhub/event_page.html"
    content_type_key = "event"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if not (self.location.strip() or self.online_url):
            errors["location"] = _("Give a location or an online link.")
        if not (self.registration_url or self.contact_email):
            errors["registration_url"] = _("Give a link to register or a contact e-mail "
                                           "address.")
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self):
        return ZoneInfo(self.timezone or "Europe/Amsterdam")

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def organiser_name(self):
        return self.organiser or self.organisation_name

    # -- routes (served through Wagtail, so the page's privacy applies to each of them)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ics_url"] = (self.url or "") + self.reverse_subpage("ics")
        return context

    @path("ics/", name="ics")
    def ics_view(self, request):
        from memberhub.feeds import event_ics

        return event_ics(request, self)

    def search_date(self):
        return self.start
