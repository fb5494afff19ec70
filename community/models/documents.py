"""Shared documents of a space: each version is a Wagtail document in the space's own
collection, which only the space's group (and editors) may open."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from community.models.spaces import Space


class SharedDocument(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("shared document")
        verbose_name_plural = _("shared documents")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title


class SharedDocumentVersion(models.Model):
    shared = models.ForeignKey(SharedDocument, on_delete=models.CASCADE,
                               related_name="versions")
    number = models.PositiveIntegerField()
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE,
                                 related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["shared", "number"],
                                               name="community_document_version_once")]

    def __str__(self):
        return f"{self.shared} v{self.number}"
