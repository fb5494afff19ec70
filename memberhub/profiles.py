"""A person's language: the one choice for e-mails of every kind (portal.mail.
recipient_language), the portal after login and, unless the person chose otherwise
there, the Wagtail admin (and Wagtail's own e-mails)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _


def sync_admin_profile(user):
    """Give a new user's Wagtail profile the user's language, so the admin (and Wagtail's
    own e-mails) are in Dutch unless the person chose English."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = user.preferred_language or settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])


@transaction.atomic
def set_preferred_language(user, language):
    """Store the person's language choice; the Wagtail admin follows unless the person
    chose another admin language there."""
    from wagtail.users.models import UserProfile

    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose one of the options offered."))
    previous = user.preferred_language
    if previous != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language in ("", previous):
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
    return user
