"""A member's profile in the people directory: opt-in, with a visibility per field."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from community.models.choices import LANGUAGES, FieldVisibility

TRACK_CHOICES = [("practitioner", _("Practitioner")), ("leadership", _("Leadership")),
                 ("both", _("Both tracks"))]


def visibility_field(label, default=FieldVisibility.MEMBERS):
    return models.CharField(label, max_length=12, choices=FieldVisibility.choices,
                            default=default)


class Profile(models.Model):
    # The fields that each carry their own visibility (``<name>_visibility``).
    VISIBLE_FIELDS = ("photo", "organisations", "role", "expertise", "languages",
                      "learning_lines", "bio")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="community_profile", verbose_name=_("person"))
    listed = models.BooleanField(
        _("show me in the people directory"), default=False,
        help_text=_("Only members see the directory. Without this, nobody sees your profile."))
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("photo"))
    photo_alt = models.CharField(_("description of the photo"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=120, blank=True,
                            help_text=_("Your job or role, e.g. programme manager."))
    expertise = models.ManyToManyField("portal.ThemeTag", blank=True, related_name="+",
                                       verbose_name=_("expertise"))
    learning_lines = models.ManyToManyField("learninglines.LearningLinePage", blank=True,
                                            related_name="+",
                                            verbose_name=_("learning lines"))
    track = models.CharField(_("track"), max_length=20, choices=TRACK_CHOICES, blank=True)
    bio = models.TextField(_("about me"), max_length=1500, blank=True)

    photo_visibility = visibility_field(_("who sees my photo"))
    organisations_visibility = visibility_field(_("who sees my organisation"))
    role_visibility = visibility_field(_("who sees my role"))
    expertise_visibility = visibility_field(_("who sees my expertise"))
    languages_visibility = visibility_field(_("who sees my languages"))
    learning_lines_visibility = visibility_field(_("who sees my learning lines and track"))
    bio_visibility = visibility_field(_("who sees my text"))

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [models.Index(fields=["listed"])]

    def __str__(self):
        return str(self.user)


class ProfileLanguage(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=5, choices=LANGUAGES)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [models.UniqueConstraint(fields=["profile", "code"],
                                               name="community_profile_language_once")]

    def __str__(self):
        return self.get_code_display()
