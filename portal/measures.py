"""Figures the year plan measures: the contract between the apps that hold the facts and
the app that shows the targets (yearplan).

The core knows no feature app. An app that can measure something a year-plan target is
about (participation, satisfaction, impact stories, mailings, questions answered in time,
...) registers its measures with the Wagtail hook ``register_yearplan_measures``: a function
that returns an iterable of :class:`Measure`. A target stores a measure's ``key``; a key
that no installed app registers any more is reported as unknown, never guessed.

Some targets are about single events (each general assembly, the integrity meeting, the
summit). Such a measure also lists its ``subjects`` in a period (the events it can be
taken of) and computes the figure of one of them (``compute_subject``); a target names
one subject, or none for "each event in the period".

The apps below yearplan show their own figures against the year plan's targets without
importing it: :func:`target_threshold` asks the ``register_yearplan_target_source`` hook
(yearplan answers it) and gives None when no year plan sets that target.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from wagtail import hooks

HOOK = "register_yearplan_measures"
TARGET_SOURCE_HOOK = "register_yearplan_target_source"

# What a measure's figure is. A target's threshold is written in the same unit.
PERCENT = "percent"     # 0-100, e.g. share of member organisations at a session
COUNT = "count"         # a whole number, e.g. impact stories published
SCORE_5 = "score_5"     # an average on a 1-5 scale
SCORE_10 = "score_10"   # an average on a 1-10 scale
UNITS = (PERCENT, COUNT, SCORE_5, SCORE_10)
# The thresholds a target can sensibly have, per unit: (lowest, highest or None).
THRESHOLD_RANGE = {PERCENT: (0, 100), COUNT: (0, None), SCORE_5: (1, 5), SCORE_10: (1, 10)}

Figure = int | float | Decimal | None


@dataclass(frozen=True)
class Measure:
    """One figure the portal computes from its own data for a period.

    ``compute(start, end)`` returns the figure over the days ``start`` to ``end``
    inclusive, or None when there is nothing to measure yet (no evaluations, no
    assembly held); it runs a fixed number of queries, whatever the data size.
    """

    key: str        # stable, stored on targets: "<app>.<name>", e.g. "mailings.member_mailings"
    label: str      # shown to editors (a lazy translation)
    unit: str       # one of UNITS
    compute: Callable[[date, date], Figure]
    # Optional, for measures taken of single events: the events in a period, and the
    # figure of one of them by its key.
    subjects: Callable[[date, date], list["Subject"]] | None = None
    compute_subject: Callable[[str], Figure] | None = None
    # Whether the figure only grows through the year (a count, a share of organisations
    # that took part at least once), so it is pro-rated; None: counts are, others not.
    cumulative: bool | None = None

    def __post_init__(self):
        if self.unit not in UNITS:
            raise ValueError(f"measure {self.key}: unknown unit {self.unit!r}")
        if "." not in self.key:
            raise ValueError(f"measure {self.key}: a key is '<app>.<name>'")
        if (self.subjects is None) != (self.compute_subject is None):
            raise ValueError(f"measure {self.key}: subjects and compute_subject go together")

    @property
    def has_subjects(self):
        return self.subjects is not None

    @property
    def is_cumulative(self):
        return self.unit == COUNT if self.cumulative is None else self.cumulative

    def subjects_in(self, start, end):
        """The events this measure can be taken of between start and end (inclusive)."""
        if self.subjects is None:
            return []
        if end < start:
            raise ValueError("a period ends on or after its start")
        return list(self.subjects(start, end))

    def subject_figure(self, subject_key):
        if self.compute_subject is None:
            raise ValueError(f"measure {self.key} is not taken of single events")
        return self.compute_subject(str(subject_key))

    def figure(self, start, end):
        if end < start:
            raise ValueError("a period ends on or after its start")
        return self.compute(start, end)


@dataclass(frozen=True)
class Subject:
    """One event a measure can be taken of: a stable key (e.g. a page id), a label to
    show and its day."""

    key: str
    label: str
    day: date


def period_bounds(start, end):
    """The days ``start`` to ``end`` inclusive as aware datetimes [from, until) in the
    site's time zone, for filtering moments (a session's start, a mailing's sending)."""
    from django.utils import timezone

    zone = timezone.get_default_timezone()
    return (datetime.combine(start, time.min, tzinfo=zone),
            datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone))


def threshold_error(unit, value):
    """Why ``value`` cannot be a threshold in ``unit`` (a translated message), or None."""
    from django.utils.translation import gettext as _

    if value is None:
        return _("Give a threshold.")
    low, high = THRESHOLD_RANGE[unit]
    if value < 0:
        return _("A threshold cannot be negative.")
    if unit == COUNT and value != int(value):
        return _("A number of things is a whole number.")
    if value < low or (high is not None and value > high):
        return _("For this measure the threshold lies between %(low)s and %(high)s.") % {
            "low": low, "high": high}
    return None


def target_threshold(key, year):
    """The threshold the year plan of ``year`` sets for measure ``key`` (the first target
    about it that names no single event), or None when there is none."""
    for source in hooks.get_hooks(TARGET_SOURCE_HOOK):
        value = source(key, year)
        if value is not None:
            return value
    return None


def registered_measures():
    """{key: Measure} of every installed app, in hook order. Two apps registering one key
    is a programming error, reported at once."""
    found = {}
    for provider in hooks.get_hooks(HOOK):
        for measure in provider():
            if measure.key in found:
                raise ValueError(f"measure {measure.key} registered twice")
            found[measure.key] = measure
    return found
