"""Local development: nothing needs to be set."""

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
