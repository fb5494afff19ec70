"""What every page with a time on the agenda shares: start, end and the time zone they are
given in, the zones offered to editors, the check on the zone and on the order of start
and end, and an admin form that reads start and end as local times of that zone.

Used by memberhub.EventPage (and meant for learninglines.SessionPage).
"""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Every zone of the system's tz database an editor may want (regions only, no aliases).
TIMEZONE_CHOICES = sorted((name, name.replace("_", " ")) for name in available_timezones()
                          if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")))


def validate_timezone(value):
    if value not in available_timezones():
        raise ValidationError(_("Choose a time zone from the list."))


class ScheduledPageMixin(models.Model):
    """Start and end (stored aware, entered as local times of ``timezone``).

    ``clean`` refuses an end that is not after the start; a page adds its own checks by
    extending ``schedule_errors`` (a dict of field name to message)."""

    # Indexed: the agenda, the year agenda and the line pages filter and order on them.
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    # No model-level choices: the zone list comes from the system's tz database, which
    # must not leak into migrations. validate_timezone checks the value instead; the
    # admin offers TIMEZONE_CHOICES in a select.
    timezone = models.CharField(_("time zone"), max_length=64, validators=[validate_timezone],
                                default="Europe/Amsterdam",
                                help_text=_("Start and end are local times in this zone."))

    class Meta:
        abstract = True

    def schedule_errors(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        return errors

    def clean(self):
        super().clean()
        errors = self.schedule_errors()
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self):
        try:
            return ZoneInfo(self.timezone or settings.TIME_ZONE)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo(settings.TIME_ZONE)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)


class LocalTimesFormMixin:
    """For the admin form of a ScheduledPageMixin page: start and end are shown and read
    as wall-clock times in the page's own time zone.

    The admin's date widgets work in the editor's time zone; this form shows and reads
    them as the page's local time, so "10:00 in Nairobi" means 10:00 in Nairobi.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        zone_name = instance.timezone if instance.pk else None
        if zone_name:
            for name in ("start", "end"):
                value = getattr(instance, name)
                if value and name in self.fields:
                    self.initial[name] = _as_wall_clock(value, ZoneInfo(zone_name))

    def clean(self):
        cleaned_data = super().clean()
        zone_name = cleaned_data.get("timezone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in ("start", "end"):
                value = cleaned_data.get(name)
                if value:
                    cleaned_data[name] = _from_wall_clock(value, zone)
                    setattr(self.instance, name, cleaned_data[name])
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        return cleaned_data


def _as_wall_clock(value, zone):
    """An aware datetime whose wall-clock time in the current time zone equals the
    wall-clock time of ``value`` in ``zone`` (for display in the admin's widgets)."""
    naive = value.astimezone(zone).replace(tzinfo=None)
    return timezone.make_aware(naive, timezone.get_current_timezone())


def _from_wall_clock(value, zone):
    naive = timezone.localtime(value).replace(tzinfo=None)
    return timezone.make_aware(naive, zone)
