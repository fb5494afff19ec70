"""Who follows which space or thread, and what they have been told."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from community.models.choices import Frequency
from community.models.discussions import Post, Thread
from community.models.spaces import Space


class Follow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="community_follows")
    space = models.ForeignKey(Space, null=True, blank=True, on_delete=models.CASCADE,
                              related_name="follows")
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="follows")
    frequency = models.CharField(_("how you hear of new posts"), max_length=12,
                                 choices=Frequency.choices, default=Frequency.SITE)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=Q(space__isnull=False, thread__isnull=True)
                | Q(space__isnull=True, thread__isnull=False),
                name="community_follow_one_subject"),
            models.UniqueConstraint(fields=["user", "space"], condition=Q(space__isnull=False),
                                    name="community_follow_space_once"),
            models.UniqueConstraint(fields=["user", "thread"],
                                    condition=Q(thread__isnull=False),
                                    name="community_follow_thread_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.space or self.thread}"


class Notification(models.Model):
    """One post one person is told about: once, whether on the site or by e-mail."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="community_notifications")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notifications")
    frequency = models.CharField(max_length=12, choices=Frequency.choices,
                                 default=Frequency.SITE)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "post"],
                                               name="community_notification_once")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return f"{self.user} · {self.post}"
