import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site


@pytest.mark.django_db
def test_check_restore_passes_on_a_complete_site(site_structure, capsys):
    call_command("check_restore")
    out = capsys.readouterr().out
    assert "Restore check passed" in out
    assert "search documents: 0" in out  # the search app's part (register_restore_check)


@pytest.mark.django_db
def test_check_restore_fails_without_a_site(site_structure):
    Site.objects.all().delete()
    with pytest.raises(CommandError, match="no default site"):
        call_command("check_restore")


def test_json_log_lines():
    import json
    import logging

    from portal.logging import JsonFormatter

    record = logging.LogRecord("portal", logging.WARNING, __file__, 1, "hello %s", ("x",), None)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "hello x" and line["level"] == "WARNING"
