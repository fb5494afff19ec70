"""Years as people ask for them in a query parameter (``?year=2026``)."""

from django.utils import timezone

MIN_YEAR, MAX_YEAR = 2000, 2100


def parse_year(value, default=None):
    """A year from a query parameter; anything unusable gives ``default`` or this year."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default or timezone.localdate().year
    if not MIN_YEAR <= year <= MAX_YEAR:
        return default or timezone.localdate().year
    return year
