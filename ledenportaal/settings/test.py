"""Test settings: fast and isolated. DATABASE_URL still selects PostgreSQL in CI."""

from .base import *  # noqa: F403
from .base import BASE_DIR

PORTAL_ENVIRONMENT = "test"
DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105  # nosec B105 (tests only)
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Most tests look at fresh pages; the page-cache tests switch it on.
PAGE_CACHE_ENABLED = False
# Login throttling and 2FA are switched on by the security tests that exercise them.
AXES_ENABLED = False
PORTAL_REQUIRE_2FA = False
# An engine error fails the test instead of being answered by the database backend; the
# fallback tests switch it back on. Updates are visible at once.
PORTAL_SEARCH_FALLBACK = False
PORTAL_SEARCH_REFRESH = "true"
