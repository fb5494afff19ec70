"""Dutch working days: Monday to Friday, except the Dutch public holidays of the
``holidays`` library (New Year, Good Friday, Easter Monday, King's Day, Liberation Day in
the lustrum years it is a day off, Ascension, Whit Monday, Christmas and Boxing Day)."""

from datetime import datetime, timedelta
from functools import lru_cache

import holidays
from django.utils import timezone


def _local_date(value):
    """The day in the Netherlands (the site's time zone) of a date or datetime."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@lru_cache(maxsize=64)
def dutch_holidays(year):
    return frozenset(holidays.country_holidays("NL", years=year))


def is_working_day(day):
    return day.weekday() < 5 and day not in dutch_holidays(day.year)


def working_days_between(start, end):
    """Working days after ``start`` up to and including ``end`` (dates or datetimes):
    asked on Friday and answered on Monday is 1; answered the same day is 0."""
    start, end = _local_date(start), _local_date(end)
    if end <= start:
        return 0
    count, day = 0, start + timedelta(days=1)
    while day <= end:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count
