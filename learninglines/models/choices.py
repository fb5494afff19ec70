"""The fixed choices of learning lines: tracks, session formats, audiences, languages
and the time zones editors pick from (see docs/learninglines.md)."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    """The two tracks every learning line runs on (the Dual-Track approach)."""

    PRACTITIONER = "practitioner", _("Practitioner")
    LEADERSHIP = "leadership", _("Leadership")


class SessionFormat(models.TextChoices):
    """What kind of meeting a session is: the Practitioner track meets in working groups,
    peer spaces, network sessions and trajectories, the Leadership track in dialogues."""

    WORKING_GROUP_MEETING = "working_group_meeting", _("Working group meeting")
    PEER_SPACE = "peer_space", _("Peer space")
    NETWORK_SESSION = "network_session", _("Network session")
    TRAJECTORY = "trajectory", _("Trajectory")
    LEADERSHIP_DIALOGUE = "leadership_dialogue", _("Leadership dialogue")


class Audience(models.TextChoices):
    """Whom a session is meant for. Only members of an active member organisation can
    register, whatever the audience says: "open" only widens who is invited."""

    MEMBERS = "members", _("Members only")
    OPEN = "open", _("Open to non-members too")


class ContentLanguage(models.TextChoices):
    """The language a session or working group is held in."""

    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


# Time zones offered to editors: where the association's members and partners meet.
TIMEZONE_CHOICES = [
    ("Europe/Amsterdam", "Europe/Amsterdam"),
    ("Europe/London", "Europe/London"),
    ("UTC", "UTC"),
    ("Africa/Nairobi", "Africa/Nairobi"),
    ("Africa/Lagos", "Africa/Lagos"),
    ("Africa/Johannesburg", "Africa/Johannesburg"),
    ("Asia/Jakarta", "Asia/Jakarta"),
    ("Asia/Kolkata", "Asia/Kolkata"),
    ("America/Bogota", "America/Bogota"),
    ("America/New_York", "America/New_York"),
]


def validate_timezone_name(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})
