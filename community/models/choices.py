from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldVisibility(models.TextChoices):
    """Who sees one field of a profile (the owner always sees everything)."""

    MEMBERS = "members", _("All members")
    ORGANISATION = "organisation", _("People of my organisation")
    NOBODY = "nobody", _("Nobody")


class JoinRule(models.TextChoices):
    OPEN = "open", _("Open: members join at once")
    REQUEST = "request", _("On request: a coordinator approves")
    INVITATION = "invitation", _("By invitation only")


class SpaceRole(models.TextChoices):
    MEMBER = "member", _("Member")
    COORDINATOR = "coordinator", _("Coordinator")


class Frequency(models.TextChoices):
    SITE = "site", _("Only on the portal")
    IMMEDIATELY = "immediately", _("Also by e-mail at once")
    WEEKLY = "weekly", _("Also in the weekly e-mail digest")


LANGUAGES = [
    ("nl", _("Dutch")), ("en", _("English")), ("fr", _("French")), ("de", _("German")),
    ("es", _("Spanish")), ("pt", _("Portuguese")), ("ar", _("Arabic")),
    ("sw", _("Swahili")),
]
