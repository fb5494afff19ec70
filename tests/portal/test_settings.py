import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # Only what the command needs: variables set by other tests (e.g. the browser tests'
    # DJANGO_ALLOW_ASYNC_UNSAFE) must not change what production settings report.
    environment = {k: v for k, v in os.environ.items()
                   if k in {"PATH", "HOME", "LANG", "DATABASE_URL", "VIRTUAL_ENV", "TMPDIR"}}
    environment.update(env)
    environment["DJANGO_SETTINGS_MODULE"] = "ledenportaal.settings.production"
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_is_clean_with_required_variables():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="k3y-" + "a1b2c3d4e5f6g7h8i9j0" * 3, ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_load_demo_refuses_under_production_settings(settings):
    from django.core.management import CommandError, call_command

    settings.PORTAL_ENVIRONMENT = "production"
    with pytest.raises(CommandError):
        call_command("load_demo")


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_connections_compile_no_queries_just_in_time():
    """JIT compilation cost ~100 ms per privacy query at 1,000 pages (docs/performance.md):
    every connection of the portal turns it off."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (set DATABASE_URL=postgres://…)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
