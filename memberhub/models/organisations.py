"""Member organisations, their memberships and the group and collection that carry
their rights in Wagtail."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from memberhub.models.users import User


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
