from datetime import date

import pytest
from wagtail import hooks

from portal.measures import COUNT, HOOK, Measure, registered_measures


def test_a_measure_needs_a_known_unit_and_an_app_key():
    with pytest.raises(ValueError):
        Measure("x.y", "X", "furlongs", lambda start, end: 1)
    with pytest.raises(ValueError):
        Measure("nodot", "X", COUNT, lambda start, end: 1)


def test_a_period_cannot_end_before_it_starts():
    measure = Measure("x.y", "X", COUNT, lambda start, end: (end - start).days)
    assert measure.figure(date(2026, 1, 1), date(2026, 1, 31)) == 30
    with pytest.raises(ValueError):
        measure.figure(date(2026, 2, 1), date(2026, 1, 1))


def test_registered_measures_come_from_the_hook_and_a_key_counts_once():
    measure = Measure("testapp.things", "Things", COUNT, lambda start, end: 3)
    with hooks.register_temporarily(HOOK, lambda: [measure]):
        assert registered_measures()["testapp.things"] is measure
        with hooks.register_temporarily(HOOK, lambda: [measure]):
            with pytest.raises(ValueError):
                registered_measures()


def test_a_measure_of_single_events_lists_them_and_computes_one():
    from portal.measures import Subject

    day = date(2026, 5, 21)
    measure = Measure("x.participants", "Participants", COUNT, lambda start, end: 34,
                      subjects=lambda start, end: [Subject("meeting", "Meeting", day)],
                      compute_subject=lambda key: {"meeting": 34}.get(key))
    assert measure.has_subjects and measure.is_cumulative
    assert [s.key for s in measure.subjects_in(date(2026, 1, 1), date(2026, 12, 31))] == \
        ["meeting"]
    assert measure.subject_figure("meeting") == 34
    with pytest.raises(ValueError):  # one without the other
        Measure("x.y", "X", COUNT, lambda start, end: 1, subjects=lambda start, end: [])
    plain = Measure("x.z", "X", COUNT, lambda start, end: 1)
    assert plain.subjects_in(day, day) == []
    with pytest.raises(ValueError):
        plain.subject_figure("meeting")


def test_a_threshold_fits_its_unit():
    from decimal import Decimal

    from portal.measures import PERCENT, SCORE_5, SCORE_10, threshold_error

    assert threshold_error(PERCENT, Decimal("60")) is None
    assert threshold_error(PERCENT, Decimal("-1"))
    assert threshold_error(PERCENT, Decimal("101"))
    assert threshold_error(COUNT, Decimal("2.5"))
    assert threshold_error(COUNT, Decimal("20")) is None
    assert threshold_error(SCORE_5, Decimal("5.5"))
    assert threshold_error(SCORE_10, Decimal("7.5")) is None
    assert threshold_error(SCORE_10, None)
