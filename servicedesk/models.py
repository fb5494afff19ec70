"""A question of a member organisation to the association's shared services desk."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def attachment_path(instance, filename):
    """Stored under a random name outside every public media folder (only images/ is
    served under MEDIA_URL): the file is reached only through the question's own view."""
    extension = filename.rsplit(".", 1)[-1].lower()[:10] if "." in filename else "bin"
    return f"servicedesk/{secrets.token_hex(16)}.{extension}"


class Question(models.Model):
    class Category(models.TextChoices):
        LEGAL = "legal", _("Legal")
        HR = "hr", _("HR")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_PROGRESS = "in_progress", _("Being handled")
        ANSWERED = "answered", _("Answered")

    organisation = models.ForeignKey("memberhub.MemberOrganisation", on_delete=models.CASCADE,
                                     related_name="service_questions",
                                     verbose_name=_("organisation"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="service_questions",
                                 verbose_name=_("asked by"))
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("question"), max_length=5000)
    attachment = models.FileField(_("attachment"), upload_to=attachment_path, blank=True,
                                  max_length=200)
    attachment_name = models.CharField(_("attachment name"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.RECEIVED, db_index=True)
    answer = models.TextField(_("answer"), blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("handled by"))
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True, db_index=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("service question")
        verbose_name_plural = _("service questions")
        ordering = ["-created_at"]
        permissions = [("answer_question", "Can answer questions of the shared services desk")]

    def __str__(self):
        return self.subject

    @property
    def working_days_to_answer(self):
        from servicedesk.workingdays import working_days_between

        if self.answered_at is None:
            return None
        return working_days_between(self.created_at, self.answered_at)
