"""Mailings and subscriptions: what a member wants to receive, the mailings editors
compose, which items each person already received, and addresses that bounce.

Business rules live in :mod:`mailings.services` (a person's subscriptions and data),
:mod:`mailings.sending` and :mod:`mailings.digests` (actions) and :mod:`mailings.selectors`
(reads); the models hold data, constraints and display.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PreviewableMixin, RevisionMixin
from wagtail.search import index

# Rich text in e-mails: text, lists and links only (no images, embeds or raw HTML).
MAILING_RICHTEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]

LANGUAGE_CHOICES = [("nl", "Nederlands"), ("en", "English")]


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Never")


class Track(models.TextChoices):
    """The two tracks of the learning lines (same values as learninglines.Track)."""

    PRACTITIONER = "practitioner", _("Practitioner track")
    LEADERSHIP = "leadership", _("Leadership track")


class Subscription(models.Model):
    """What one person wants to receive. Without a record the defaults apply: the member
    mailing on, everything else off (see :func:`mailings.selectors.subscription_for`).
    The language of the e-mails is the person's one language choice,
    ``User.preferred_language`` (portal.mail.recipient_language), for every e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="mailing_subscription",
    )
    member_mailing = models.BooleanField(_("member mailing"), default=True)
    political_monitor = models.CharField(
        _("political monitor"), max_length=12, choices=Frequency.choices,
        default=Frequency.NEVER,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self):
        return str(self.user)


class Follow(models.Model):
    """One learning line, track or theme a person follows, and how often they hear of it.

    "Never" is stored as no record."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE,
                                     related_name="follows")
    learning_line = models.ForeignKey(
        "learninglines.LearningLinePage", verbose_name=_("learning line"), null=True,
        blank=True, on_delete=models.CASCADE, related_name="+",
    )
    track = models.CharField(_("track"), max_length=20, choices=Track.choices, blank=True)
    theme = models.ForeignKey("portal.ThemeTag", verbose_name=_("theme"), null=True,
                              blank=True, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(
        _("frequency"), max_length=12,
        choices=[(Frequency.IMMEDIATELY, Frequency.IMMEDIATELY.label),
                 (Frequency.WEEKLY, Frequency.WEEKLY.label)],
    )

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(learning_line__isnull=False, track="", theme__isnull=True)
                    | Q(learning_line__isnull=True, theme__isnull=True) & ~Q(track="")
                    | Q(learning_line__isnull=True, track="", theme__isnull=False)
                ),
                name="mailings_follow_exactly_one_subject",
            ),
            models.CheckConstraint(condition=Q(frequency__in=["immediately", "weekly"]),
                                   name="mailings_follow_frequency"),
            models.UniqueConstraint(fields=["subscription", "learning_line"],
                                    condition=Q(learning_line__isnull=False),
                                    name="mailings_follow_unique_line"),
            models.UniqueConstraint(fields=["subscription", "track"], condition=~Q(track=""),
                                    name="mailings_follow_unique_track"),
            models.UniqueConstraint(fields=["subscription", "theme"],
                                    condition=Q(theme__isnull=False),
                                    name="mailings_follow_unique_theme"),
        ]

    def __str__(self):
        subject = self.learning_line or self.get_track_display() or self.theme
        return f"{subject} ({self.get_frequency_display()})"


class Channel(models.TextChoices):
    DIGEST = "digest", _("Weekly digest")
    IMMEDIATELY = "immediately", _("Immediate notification")


class DeliveredItem(models.Model):
    """An item (all its translations together) a person has been told about by e-mail.

    Unique per person and item, so nobody hears of the same item twice, whether in a
    digest or a notification."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    translation_key = models.UUIDField()
    page = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL,
                             related_name="+")
    channel = models.CharField(max_length=12, choices=Channel.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delivered item")
        verbose_name_plural = _("delivered items")
        constraints = [
            models.UniqueConstraint(fields=["user", "translation_key"],
                                    name="mailings_delivered_item_once"),
        ]

    def __str__(self):
        return f"{self.user_id} · {self.translation_key} ({self.channel})"


class EmailAddressStatus(models.Model):
    """An address that bounced or is known to be invalid: nothing is sent to it."""

    email = models.EmailField(_("e-mail address"), unique=True)
    invalid = models.BooleanField(_("invalid"), default=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    marked_at = models.DateTimeField(_("marked"), auto_now=True)

    panels = [FieldPanel("email"), FieldPanel("invalid"), FieldPanel("reason")]

    class Meta:
        verbose_name = _("e-mail address status")
        verbose_name_plural = _("e-mail address statuses")
        ordering = ["email"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


# --- Mailings ---------------------------------------------------------------------------


class ItemBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    note = blocks.TextBlock(label=_("Note"), required=False, max_length=600,
                            help_text=_("Optional: why this matters. The page's own summary "
                                        "is shown too."))

    class Meta:
        icon = "doc-full"
        label = _("Portal page")


class MailingBodyBlock(blocks.StreamBlock):
    item = ItemBlock()
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, icon="title")
    text = blocks.RichTextBlock(label=_("Text"), features=MAILING_RICHTEXT_FEATURES)


class Mailing(PreviewableMixin, RevisionMixin, models.Model):
    """A member mailing: composed by editors, previewed, tested, then sent once to every
    subscribed member of an active organisation."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")

    subject = models.CharField(_("subject"), max_length=150)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES,
                                default="nl", help_text=_("The language you write it in."))
    only_this_language = models.BooleanField(
        _("only to members who chose this language"), default=False,
        help_text=_("Leave off to send to everyone; tick it when you write a separate "
                    "mailing for each language."),
    )
    intro = RichTextField(_("introduction"), features=MAILING_RICHTEXT_FEATURES)
    body = StreamField(MailingBodyBlock(), blank=True, verbose_name=_("items and text"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT, editable=False)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0, editable=False)
    send_started_at = models.DateTimeField(_("sending started"), null=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sent by"),
                                null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="mailing")

    panels = [
        HelpPanel(content=_("<p>Write the mailing, check it with the preview (HTML and plain "
                            "text), send a test to yourself, then send it from the “More” "
                            "menu. Member-only pages are left out for anyone who may not see "
                            "them.</p>")),
        FieldPanel("subject"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("only_this_language")]),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("body")], heading=_("Items and text")),
    ]
    search_fields = [index.SearchField("subject"), index.AutocompleteField("subject")]

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at"]
        permissions = [("send_mailing", "Can send mailings to members")]

    def __str__(self):
        return self.subject

    @property
    def revisions(self):
        return self._revisions

    @property
    def category(self):
        return f"mailing-{self.pk}"

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    def clean(self):
        super().clean()
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values_list("status", flat=True)
            if stored and stored[0] != self.Status.DRAFT:
                raise ValidationError(_("This mailing has been sent and can no longer be "
                                        "changed; add a new mailing instead."))

    # Wagtail's preview panel shows the e-mail as a member receives it.
    @property
    def preview_modes(self):
        return [("html", _("E-mail (HTML)")), ("text", _("E-mail (plain text)"))]

    def serve_preview(self, request, mode_name):
        from django.http import HttpResponse

        from mailings.rendering import render_mailing_preview

        subject, text, html = render_mailing_preview(self, request.user)
        if mode_name == "text":
            return HttpResponse(f"{subject}\n\n{text}",
                                content_type="text/plain; charset=utf-8")
        return HttpResponse(html)
