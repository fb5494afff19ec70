import datetime
import zoneinfo

from django.template import Context, Template
from django.utils import timezone


def render(value, zone="Europe/Amsterdam"):
    template = Template("{% load portal_tags tz %}{% timezone zone %}{{ value|html_datetime }}"
                        "{% endtimezone %}")
    return template.render(Context({"value": value, "zone": zone}))


def test_datetime_attribute_has_no_microseconds_and_keeps_the_offset():
    moment = datetime.datetime(2026, 11, 16, 7, 40, 32, 297803, tzinfo=datetime.UTC)
    assert render(moment) == "2026-11-16T08:40:32+01:00"
    assert render(moment, "America/Bogota") == "2026-11-16T02:40:32-05:00"


def test_dates_and_empty_values():
    assert render(datetime.date(2025, 3, 1)) == "2025-03-01"
    assert render(None) == ""
    assert render("") == ""


def test_naive_value_stays_as_given():
    with timezone.override(zoneinfo.ZoneInfo("Europe/Amsterdam")):
        assert render(datetime.datetime(2026, 1, 2, 3, 4, 5, 6)) == "2026-01-02T03:04:05"
