"""A newcomer serving on another port (issue 12, item 21): `make serve PORT=8001` serves
there, and links in e-mails follow the served port unless PORTAL_BASE_URL says otherwise."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ledenportaal.settings.dev import served_base_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("argv, environ, expected", [
    (["manage.py", "runserver", "127.0.0.1:8001"], {}, "http://127.0.0.1:8001"),
    (["manage.py", "runserver", "8002"], {}, "http://127.0.0.1:8002"),
    (["manage.py", "runserver", "--noreload", "0.0.0.0:8003"], {}, "http://127.0.0.1:8003"),
    (["manage.py", "send_queued_emails"], {"PORT": "8004"}, "http://127.0.0.1:8004"),
    (["manage.py", "runserver"], {}, "http://127.0.0.1:8000"),
    (["manage.py", "runserver", "8001"], {"PORTAL_BASE_URL": "https://portaal.example.org"},
     "https://portaal.example.org"),
    (["manage.py", "runserver", "[::1]:nonsense"], {}, "http://127.0.0.1:8000"),
])
def test_base_url_follows_the_served_port(argv, environ, expected):
    assert served_base_url(argv, environ) == expected


def test_dev_settings_give_email_links_on_the_served_port():
    """The real settings module, loaded as `manage.py` loads it on port 8001."""
    code = ("import sys; sys.argv = ['manage.py', 'runserver', '127.0.0.1:8001'];"
            "import django; django.setup();"
            "from learninglines.services import absolute_url; print(absolute_url('/mijn/'))")
    env = {key: value for key, value in os.environ.items()
           if key not in ("PORTAL_BASE_URL", "PORT")}
    env["DJANGO_SETTINGS_MODULE"] = "ledenportaal.settings.dev"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,  # noqa: S603
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert out.strip().splitlines()[-1] == "http://127.0.0.1:8001/mijn/"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_serve_takes_a_port():
    # -n: print the commands, run nothing.
    make = shutil.which("make")
    out = subprocess.run([make, "-n", "serve", "PORT=8001"], cwd=ROOT,  # noqa: S603
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert "PORT=8001" in out and "runserver 127.0.0.1:8001" in out
