"""The year plan: targets as data, the general assembly's attendance per member
organisation, and campaigns with joint actions that organisations sign up for.

Business rules live in :mod:`yearplan.services` (actions) and :mod:`yearplan.selectors`
(reads); the models hold data, constraints and display.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from yearplan.admin_forms import MeasureSelect, SubjectSelect


class Period(models.TextChoices):
    YEAR = "year", _("Over the year")
    HALF_YEAR = "half_year", _("Per half year")
    PER_EVENT = "per_event", _("Per event")
    PER_MONTH = "per_month", _("Per month")


class YearPlan(ClusterableModel):
    """The targets of one year. Each year has its own plan; earlier plans are kept."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    notes = models.TextField(_("notes"), blank=True)

    panels = [FieldPanel("year"), FieldPanel("notes"),
              InlinePanel("targets", heading=_("Targets"), label=_("Target"))]

    class Meta:
        verbose_name = _("year plan")
        verbose_name_plural = _("year plans")
        ordering = ["-year"]
        permissions = [("view_dashboard", "Can view the year-plan dashboard")]

    def __str__(self):
        return _("Year plan %(year)s") % {"year": self.year}


class Target(Orderable):
    """At least ``threshold`` of a measure (portal.measures) in a period."""

    plan = ParentalKey(YearPlan, related_name="targets", on_delete=models.CASCADE)
    measure_key = models.CharField(_("measure"), max_length=100)
    subject = models.CharField(
        _("event"), max_length=100, blank=True,
        help_text=_("Only for a target about one event: which one. Leave empty for "
                    "“each event”."))
    threshold = models.DecimalField(_("at least"), max_digits=8, decimal_places=2)
    period = models.CharField(_("period"), max_length=12, choices=Period.choices,
                              default=Period.YEAR)
    label = models.CharField(_("description"), max_length=200, blank=True,
                             help_text=_("Shown on the dashboard; the measure's name when "
                                         "empty."))

    panels = [FieldPanel("measure_key", widget=MeasureSelect),
              FieldPanel("subject", widget=SubjectSelect), FieldPanel("threshold"),
              FieldPanel("period"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self):
        return self.label or self.measure_key

    def clean(self):
        from yearplan.selectors import target_errors

        errors = target_errors(self)
        if errors:
            raise ValidationError(errors)


# --- The general assembly ------------------------------------------------------------


class GeneralAssembly(models.Model):
    """An event (memberhub EventPage) that is a general assembly: its attendance counts
    per member organisation. A model of its own beside the page, so the page type stays
    as it is and the registrations and proxies have something to belong to."""

    class Season(models.TextChoices):
        SPRING = "spring", _("Spring")
        AUTUMN = "autumn", _("Autumn")

    event = models.OneToOneField("memberhub.EventPage", verbose_name=_("event"),
                                 on_delete=models.CASCADE, related_name="general_assembly")
    season = models.CharField(_("season"), max_length=6, choices=Season.choices)
    registration_open = models.BooleanField(_("registration open"), default=True)

    panels = [FieldPanel("event"), FieldPanel("season"), FieldPanel("registration_open")]

    class Meta:
        verbose_name = _("general assembly")
        verbose_name_plural = _("general assemblies")
        ordering = ["-event__start"]

    def __str__(self):
        return self.event.title


class AssemblyRegistration(models.Model):
    """One person registered for an assembly on behalf of one member organisation;
    ``checked_in_at`` is set at the door. Anonymised (user emptied) on account
    deletion: the organisation's attendance still counts."""

    assembly = models.ForeignKey(GeneralAssembly, on_delete=models.CASCADE,
                                 related_name="registrations", verbose_name=_("assembly"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="assembly_registrations",
                             verbose_name=_("person"))
    organisation = models.ForeignKey("memberhub.MemberOrganisation", on_delete=models.CASCADE,
                                     related_name="assembly_registrations",
                                     verbose_name=_("organisation"))
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    class Meta:
        verbose_name = _("assembly registration")
        verbose_name_plural = _("assembly registrations")
        constraints = [models.UniqueConstraint(fields=["assembly", "user"],
                                               name="yearplan_assembly_registration_unique")]

    def __str__(self):
        return f"{self.user or '–'} – {self.organisation}"


class Proxy(models.Model):
    """A member organisation that cannot attend gives its vote to another, active one."""

    assembly = models.ForeignKey(GeneralAssembly, on_delete=models.CASCADE,
                                 related_name="proxies", verbose_name=_("assembly"))
    giver = models.ForeignKey("memberhub.MemberOrganisation", on_delete=models.CASCADE,
                              related_name="proxies_given", verbose_name=_("given by"))
    holder = models.ForeignKey("memberhub.MemberOrganisation", on_delete=models.CASCADE,
                               related_name="proxies_held", verbose_name=_("given to"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("proxy")
        verbose_name_plural = _("proxies")
        constraints = [
            models.UniqueConstraint(fields=["assembly", "giver"],
                                    name="yearplan_proxy_one_per_organisation"),
            models.CheckConstraint(condition=~models.Q(giver=models.F("holder")),
                                   name="yearplan_proxy_not_to_itself"),
        ]

    def __str__(self):
        return f"{self.giver} → {self.holder}"


# --- Campaigns -------------------------------------------------------------------------


class Campaign(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("open for sign-ups"), default=True)

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("active"),
              InlinePanel("actions", heading=_("Joint actions"), label=_("Action"))]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["title"]

    def __str__(self):
        return self.title


class CampaignAction(Orderable):
    campaign = ParentalKey(Campaign, related_name="actions", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("date"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("joint action")
        verbose_name_plural = _("joint actions")

    def __str__(self):
        return self.title


class ActionSignup(models.Model):
    """A member organisation takes part in a joint action."""

    action = models.ForeignKey(CampaignAction, on_delete=models.CASCADE,
                               related_name="signups", verbose_name=_("action"))
    organisation = models.ForeignKey("memberhub.MemberOrganisation", on_delete=models.CASCADE,
                                     related_name="campaign_signups",
                                     verbose_name=_("organisation"))
    signed_up_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        constraints = [models.UniqueConstraint(fields=["action", "organisation"],
                                               name="yearplan_signup_once")]

    def __str__(self):
        return f"{self.organisation} – {self.action}"

