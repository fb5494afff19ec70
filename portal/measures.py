"""Figures the year plan measures: the contract between the apps that hold the facts and
the app that shows the targets (yearplan).

The core knows no feature app. An app that can measure something a year-plan target is
about (participation, satisfaction, impact stories, mailings, questions answered in time,
...) registers its measures with the Wagtail hook ``register_yearplan_measures``: a function
that returns an iterable of :class:`Measure`. A target stores a measure's ``key``; a key
that no installed app registers any more is reported as unknown, never guessed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from wagtail import hooks

HOOK = "register_yearplan_measures"

# What a measure's figure is. A target's threshold is written in the same unit.
PERCENT = "percent"     # 0-100, e.g. share of member organisations at a session
COUNT = "count"         # a whole number, e.g. impact stories published
SCORE_5 = "score_5"     # an average on a 1-5 scale
SCORE_10 = "score_10"   # an average on a 1-10 scale
UNITS = (PERCENT, COUNT, SCORE_5, SCORE_10)

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

    def __post_init__(self):
        if self.unit not in UNITS:
            raise ValueError(f"measure {self.key}: unknown unit {self.unit!r}")
        if "." not in self.key:
            raise ValueError(f"measure {self.key}: a key is '<app>.<name>'")

    def figure(self, start, end):
        if end < start:
            raise ValueError("a period ends on or after its start")
        return self.compute(start, end)


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
