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
