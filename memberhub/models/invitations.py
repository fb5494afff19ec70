"""Invitations to join an organisation."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from memberhub.models.organisations import MemberOrganisation, Membership
from memberhub.models.users import User


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
        """Neither accepted nor withdrawn, and not expired (InvitationQuerySet.pending)."""
        return (self.accepted_at is None and self.revoked_at is None
                and self.expires_at > timezone.now())
