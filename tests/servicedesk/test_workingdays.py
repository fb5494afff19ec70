"""Answer time in Dutch working days: weekends and the Dutch public holidays (issue 18,
"Done when": the working-day count handles weekends and Dutch public holidays)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from servicedesk.workingdays import is_working_day, working_days_between

D = datetime.date
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize("asked, answered, expected", [
    (D(2026, 3, 2), D(2026, 3, 2), 0),     # the same day
    (D(2026, 3, 2), D(2026, 3, 6), 4),     # Monday to Friday
    (D(2026, 3, 6), D(2026, 3, 9), 1),     # Friday to Monday: the weekend does not count
    (D(2026, 3, 6), D(2026, 3, 13), 5),    # a full week
    (D(2026, 3, 7), D(2026, 3, 9), 1),     # asked on Saturday
    (D(2026, 4, 24), D(2026, 4, 28), 1),   # Koningsdag (Monday 27 April) skipped
    (D(2026, 4, 23), D(2026, 5, 1), 5),    # across Koningsdag: 6 weekdays, 5 working days
    (D(2026, 4, 3), D(2026, 4, 7), 1),     # Easter Monday (6 April) skipped
    (D(2026, 12, 23), D(2026, 12, 28), 2),  # 24th counts; Christmas, Boxing Day, weekend not
    (D(2026, 12, 24), D(2027, 1, 4), 5),   # 28-31 Dec and 4 Jan; New Year's Day skipped
    (D(2026, 3, 9), D(2026, 3, 6), 0),     # an end before the start counts nothing
])
def test_working_days_between(asked, answered, expected):
    assert working_days_between(asked, answered) == expected


def test_holidays_and_weekends_are_not_working_days():
    assert not is_working_day(D(2026, 4, 27))   # Koningsdag
    assert not is_working_day(D(2026, 4, 6))    # Easter Monday
    assert not is_working_day(D(2026, 12, 25)) and not is_working_day(D(2026, 12, 26))
    assert not is_working_day(D(2026, 3, 7)) and not is_working_day(D(2026, 3, 8))
    assert is_working_day(D(2026, 4, 28)) and is_working_day(D(2026, 12, 24))


def test_datetimes_count_by_the_day_in_the_netherlands():
    # 23:30 on Friday in Amsterdam is 22:30 UTC the same Friday; the answer at 00:30 on
    # Monday in Amsterdam is still Sunday in UTC.
    asked = datetime.datetime(2026, 3, 6, 22, 30, tzinfo=datetime.UTC)
    answered = datetime.datetime(2026, 3, 8, 23, 30, tzinfo=datetime.UTC)
    assert working_days_between(asked, answered) == 1
    assert working_days_between(asked.astimezone(AMS), answered.astimezone(AMS)) == 1
