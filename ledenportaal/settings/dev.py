"""Local development: nothing needs to be set."""

import os
import sys

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

PORTAL_ENVIRONMENT = "dev"
DEBUG = env_bool("DEBUG", True)
# A fixed, clearly non-production key so a fresh clone runs without configuration.
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Two-factor login for editors is enforced in production; on a developer's machine the
# demo editor account logs in with a password only unless PORTAL_REQUIRE_2FA=1.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)


def served_base_url(argv, environ):
    """Where this development server is reached, for links in e-mails and calendar files:
    PORTAL_BASE_URL when set, else the port of ``manage.py runserver [addr:]port`` (or of
    $PORT, which `make serve PORT=8001` sets), on 127.0.0.1. A newcomer serving on 8001
    then gets links to 8001, not to 8000."""
    if environ.get("PORTAL_BASE_URL"):
        return environ["PORTAL_BASE_URL"]
    port = environ.get("PORT") or "8000"
    if "runserver" in argv[1:2]:
        addrport = next((arg for arg in argv[2:] if not arg.startswith("-")), "")
        if addrport:
            port = addrport.rsplit(":", 1)[-1] or port
    if not port.isdigit():
        port = "8000"
    return f"http://127.0.0.1:{port}"


WAGTAILADMIN_BASE_URL = served_base_url(sys.argv, os.environ)
