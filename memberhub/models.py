from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.pages import SectionIndexPage


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
        super().save(*args, **kwargs)

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
    template = "memberhub/member_directory_page.html"

    class Meta:
        verbose_name = _("member directory")


class NewsIndexPage(SectionIndexPage):
    """/nieuws/"""

    max_count_per_parent = 1
    template = "portal/section_index_page.html"

    class Meta:
        verbose_name = _("news index")


class ImpactStoryIndexPage(SectionIndexPage):
    """/impactverhalen/"""

    max_count_per_parent = 1
    template = "portal/section_index_page.html"

    class Meta:
        verbose_name = _("impact story index")


class VacancyIndexPage(SectionIndexPage):
    """/vacatures/"""

    max_count_per_parent = 1
    template = "portal/section_index_page.html"

    class Meta:
        verbose_name = _("vacancy index")


class EventIndexPage(SectionIndexPage):
    """/agenda/"""

    max_count_per_parent = 1
    template = "portal/section_index_page.html"

    class Meta:
        verbose_name = _("agenda")

