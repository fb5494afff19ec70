"""Registrations for sessions (with the waiting list) and the evaluations attendees give.

The rules (capacity, waiting list, who may evaluate) live in
:mod:`learninglines.services`; these models hold the data and its constraints."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learninglines.models.sessions import SessionPage


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    session = models.ForeignKey(SessionPage, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="registrations")
    # Empty once anonymised (account deleted, or the retention period passed): the
    # registration, its organisation and its evaluation score still count in the figures.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                             null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="session_registrations")
    organisation = models.ForeignKey("memberhub.MemberOrganisation",
                                     verbose_name=_("organisation"), on_delete=models.CASCADE,
                                     related_name="session_registrations")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.REGISTERED)
    created_at = models.DateTimeField(_("first registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    queued_at = models.DateTimeField(
        _("in line since"), default=timezone.now,
        help_text=_("When the person last (re)registered: the order of the waiting list."),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    evaluation_invited_at = models.DateTimeField(_("evaluation invitation sent"), null=True,
                                                 blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["session", "queued_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="learninglines_registration_unique",
                violation_error_message=_("This person is already registered for this "
                                          "session."),
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"])]

    def __str__(self):
        person = self.user or _("(anonymised)")
        return f"{person} – {self.session} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status in (self.Status.REGISTERED, self.Status.WAITLISTED)


class Evaluation(models.Model):
    """One attendee's short evaluation of a session (score 1-5, optional comment).

    Comments are for editors only: they appear in the admin, never on the site.
    """

    registration = models.OneToOneField(Registration, verbose_name=_("registration"),
                                        on_delete=models.CASCADE, related_name="evaluation")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1) & Q(score__lte=5),
                                   name="learninglines_evaluation_score_1_5"),
        ]

    def __str__(self):
        return f"{self.registration.session} – {self.score}"
