"""Scans, their versions (dimensions with questions, levels, advice, recommendations),
an organisation's rounds, each colleague's response and answers, and the result of a
completed round (kept when a respondent's answers are erased).

A version is frozen once anyone answered it: editing it in the admin then saves a new
version (assessments.viewsets), so a result always says which questions it used."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from assessments.blocks import AdviceBlock, QuestionStreamBlock, RecommendationStreamBlock


def localized(source, field):
    """``field`` in the current language: ``<field>_en`` on the English site when it is
    filled in, the Dutch ``<field>`` otherwise. ``source`` is a model or a block value."""
    getter = source.get if isinstance(source, dict) or hasattr(source, "keys") else \
        (lambda name, default=None: getattr(source, name, default))
    if (get_language() or "").startswith("en"):
        english = getter(f"{field}_en", "")
        if english:
            return english
    return getter(field, "")


class TitledInBothLanguages:
    """``title``/``title_en`` and ``description``/``description_en``, shown in the reader's
    language."""

    def __str__(self):
        return self.title

    @property
    def display_title(self):
        return localized(self, "title")

    @property
    def display_description(self):
        return localized(self, "description")


class Scan(TitledInBothLanguages, models.Model):
    class Kind(models.TextChoices):
        QUICK_SCAN = "quick_scan", _("Quick scan")
        POWER = "power", _("Power awareness")
        QUALITY = "quality", _("Quality self-evaluation")
        INTEGRITY = "integrity", _("Integrity self-evaluation")

    title = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True,
                            help_text=_("Used in the web address, e.g. /mijn/scans/<slug>/."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices,
                            default=Kind.QUICK_SCAN)
    description = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    active = models.BooleanField(_("open to members"), default=True,
                                 help_text=_("Members may start new rounds of this scan."))

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_en")]),
        FieldPanel("slug"), FieldPanel("kind"),
        FieldPanel("description"), FieldPanel("description_en"), FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        ordering = ["title"]



class ScanVersion(ClusterableModel):
    scan = models.ForeignKey(Scan, verbose_name=_("scan"), on_delete=models.PROTECT,
                             related_name="versions")
    number = models.PositiveIntegerField(_("version number"), default=1)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    panels = [
        FieldRowPanel([FieldPanel("scan"), FieldPanel("number", read_only=True)]),
        FieldPanel("note"),
        InlinePanel("levels", heading=_("Levels"), label=_("Level"), min_num=1),
        InlinePanel("dimensions", heading=_("Dimensions"), label=_("Dimension")),
    ]

    class Meta:
        verbose_name = _("scan version")
        verbose_name_plural = _("scan versions")
        ordering = ["scan__title", "-number"]
        constraints = [models.UniqueConstraint(fields=["scan", "number"],
                                               name="assessments_version_unique")]

    def __str__(self):
        return f"{self.scan} – {_('version')} {self.number}"

    def is_frozen(self):
        """A round uses it (answered or about to be): its questions may no longer change in
        place."""
        return self.pk is not None and Round.objects.filter(version_id=self.pk).exists()


class Level(Orderable):
    version = ParentalKey(ScanVersion, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(_("number (1 = lowest)"))
    name = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    min_score = models.PositiveSmallIntegerField(
        _("from score"), help_text=_("The lowest score (0-100) of this level's band."))
    description = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("min_score")]),
              FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
              FieldPanel("description"), FieldPanel("description_en")]

    class Meta(Orderable.Meta):
        verbose_name = _("level")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return localized(self, "name")


class Dimension(TitledInBothLanguages, Orderable):
    version = ParentalKey(ScanVersion, on_delete=models.CASCADE, related_name="dimensions")
    key = models.SlugField(_("key"), max_length=60,
                           help_text=_("Stays the same across versions: earlier rounds are "
                                       "compared by it."))
    title = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=4, decimal_places=1, default=1)
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"), blank=True)
    advice = StreamField([("advice", AdviceBlock())], verbose_name=_("advice per level"),
                         blank=True)
    learning_line = models.ForeignKey(
        "learninglines.LearningLinePage", verbose_name=_("learning line"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Its upcoming sessions are recommended with the result."))
    recommend_below = models.PositiveSmallIntegerField(
        _("recommend below score"), default=75,
        help_text=_("Recommendations are shown when the score is below this (0-100)."))
    recommendations = StreamField(RecommendationStreamBlock(), blank=True,
                                  verbose_name=_("recommendations"))

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("weight")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_en")]),
        FieldPanel("description"), FieldPanel("description_en"),
        FieldPanel("questions"),
        FieldPanel("advice"),
        MultiFieldPanel([FieldPanel("learning_line"), FieldPanel("recommend_below"),
                         FieldPanel("recommendations")], heading=_("Recommendations")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("dimension")



class OrganisationScanSettings(models.Model):
    organisation = models.OneToOneField("memberhub.MemberOrganisation", on_delete=models.CASCADE,
                                        related_name="scan_settings")
    benchmark_opt_out = models.BooleanField(
        _("leave out of the sector benchmark"), default=False,
        help_text=_("Our results are not counted in the benchmark (and we do not see it)."))
    share_with_editors = models.BooleanField(
        _("editors may see our results"), default=False,
        help_text=_("The association's editors may see our organisation's own results."))

    class Meta:
        verbose_name = _("organisation's scan settings")
        verbose_name_plural = _("organisations' scan settings")

    def __str__(self):
        return str(self.organisation)


class Round(models.Model):
    """One round of a scan for one organisation: colleagues answer, then it is completed
    and its result is kept (DimensionResult)."""

    scan = models.ForeignKey(Scan, on_delete=models.PROTECT, related_name="rounds")
    version = models.ForeignKey(ScanVersion, on_delete=models.PROTECT, related_name="rounds")
    organisation = models.ForeignKey("memberhub.MemberOrganisation", on_delete=models.CASCADE,
                                     related_name="scan_rounds")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    total_score = models.FloatField(null=True, blank=True)
    respondents = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(
            fields=["scan", "organisation"], condition=Q(completed_at__isnull=True),
            name="assessments_one_open_round")]

    def __str__(self):
        return f"{self.scan} – {self.organisation} ({self.started_at:%Y-%m-%d})"

    @property
    def is_open(self):
        return self.completed_at is None


class Response(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="scan_responses")
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("response")
        constraints = [models.UniqueConstraint(fields=["round", "respondent"],
                                               name="assessments_one_response_each")]

    def __str__(self):
        return f"{self.round} – {self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question_key = models.CharField(max_length=64)
    value = models.SmallIntegerField(null=True, blank=True)
    not_applicable = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("answer")
        constraints = [models.UniqueConstraint(fields=["response", "question_key"],
                                               name="assessments_one_answer_each")]

    def __str__(self):
        return self.question_key


class DimensionResult(models.Model):
    """The combined result of a completed round for one dimension (kept without people)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="results")
    dimension_key = models.SlugField(max_length=60)
    position = models.PositiveSmallIntegerField(default=0)
    score = models.FloatField(null=True, blank=True)
    spread = models.FloatField(null=True, blank=True)
    respondents = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["round", "dimension_key"],
                                               name="assessments_one_result_each")]

    def __str__(self):
        return f"{self.round} – {self.dimension_key}"


class GroupRound(models.Model):
    """A facilitated round of a scan (the Power Awareness Tool) with partners who have no
    account: they open it with the link (``token``) or the short ``code``, each answers
    once on their own device, anonymously. It belongs to the facilitator's organisation
    and never counts in the organisation's rounds or the benchmark."""

    scan = models.ForeignKey(Scan, on_delete=models.PROTECT, related_name="group_rounds")
    version = models.ForeignKey(ScanVersion, on_delete=models.PROTECT,
                                related_name="group_rounds")
    organisation = models.ForeignKey("memberhub.MemberOrganisation", on_delete=models.CASCADE,
                                     related_name="scan_group_rounds")
    facilitator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("name of the meeting"), max_length=120, blank=True)
    token = models.CharField(max_length=64, unique=True)
    code = models.CharField(max_length=12, unique=True)
    opened_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"))
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("group round")
        verbose_name_plural = _("group rounds")
        ordering = ["-opened_at"]

    def __str__(self):
        return f"{self.scan} – {self.organisation} ({self.opened_at:%Y-%m-%d})"

    @property
    def is_open(self):
        return self.closed_at is None and timezone.now() < self.closes_at

    @property
    def ended_at(self):
        """When answering stopped (or stops)."""
        return self.closed_at or self.closes_at


class GroupParticipant(models.Model):
    """One anonymous participant: known only by a digest of the random value in their
    browser's cookie (salted with the round, so two rounds cannot be linked)."""

    group_round = models.ForeignKey(GroupRound, on_delete=models.CASCADE,
                                    related_name="participants")
    key_digest = models.CharField(max_length=64)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group_round", "key_digest"],
                                               name="assessments_one_group_answer_each")]

    def __str__(self):
        return f"{self.group_round} – {self.pk}"


class GroupAnswer(models.Model):
    participant = models.ForeignKey(GroupParticipant, on_delete=models.CASCADE,
                                    related_name="answers")
    question_key = models.CharField(max_length=64)
    value = models.SmallIntegerField(null=True, blank=True)
    not_applicable = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "question_key"],
                                               name="assessments_one_group_answer_per_q")]

    def __str__(self):
        return self.question_key
