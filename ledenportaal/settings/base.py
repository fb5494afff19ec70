"""Settings shared by every environment.

Everything that differs between machines comes from environment variables;
see the configuration table in README.md.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PORTAL_ENVIRONMENT = "base"

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "memberhub",
    "knowledge",
    "learninglines",
    "search",
    "mailings",
    "servicedesk",
    "yearplan",
    "community",
    "assessments",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    # Translation of pages segment by segment, synchronised fields, "Sync translated
    # pages" (docs/translation.md); its locales app replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that reads the database: NUL bytes and the like get a 400 page.
    "portal.middleware.RejectUnstorableInputMiddleware",
    "portal.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "portal.middleware.MethodNotAllowedPageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.routing.RememberedRouteMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Login throttling first: it refuses locked-out accounts and addresses.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, but editor rights count only after the second factor.
    "portal.editor_rights.EditorRightsBackend",
]

# `manage.py load_demo`: modules with ``load(context)``, run in this order; each adds its
# demo content idempotently and may put what later steps need into ``context`` (a dict
# that starts with the site structure).
PORTAL_DEMO_STEPS = [
    "portal.demo",
    "memberhub.demo",
    "learninglines.demo",
    "learninglines.demo_links",  # links organisation pages to the learning lines
    "knowledge.demo",
    "mailings.demo",
    "servicedesk.demo",
    "yearplan.demo",
    "community.demo",
    "assessments.demo",
]
# Data migrations whose ``seed(apps, schema_editor)`` makes reference data (idempotent);
# load_demo runs them again first, so the demo also loads into a flushed database.
PORTAL_REFERENCE_SEEDS = [
    "portal.migrations.0003_seed_vocabularies",
    "yearplan.migrations.0002_seed_2026_plan",
]

ROOT_URLCONF = "ledenportaal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "ledenportaal.wsgi.application"

# Database: SQLite file by default, anything dj-database-url understands otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# SQLite serves several requests at once (autosave, moderation, publishing): readers never
# block the writer (WAL), a write transaction takes the write lock when it begins
# (IMMEDIATE: a transaction that first read cannot fail with "database is locked" when it
# later writes) and waits up to SQLITE_BUSY_TIMEOUT seconds for another writer to finish.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": int(env("SQLITE_BUSY_TIMEOUT", "20")),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS,
                                       **DATABASES["default"].get("OPTIONS", {})}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    # No JIT compilation of queries: the page-privacy and listing queries are complex
    # enough that PostgreSQL's planner crosses jit_above_cost, and compiling then took
    # ~100 ms of a 107 ms query at 1,000 pages (EXPLAIN ANALYZE, docs/performance.md).
    # Short web queries never win it back. PG_JIT=on turns it back on.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    if env("PG_JIT", "off") == "off" and "jit" not in _options.get("options", ""):
        _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "memberhub.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures an account and an
# address are each locked out for the cool-off time, on the portal and the admin login.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_CALLABLE = "portal.two_factor.axes_username"
# Trust X-Forwarded-For only behind a known number of proxies, or anyone could evade
# the per-address lockout by sending the header.
AXES_IPWARE_PROXY_COUNT = int(env("AXES_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Two-factor authentication (django-otp, TOTP) is required for editors and administrators
# before they may use the Wagtail admin (portal/two_factor.py).
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Ledenportaal")
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", True)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "memberhub:mijn"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
# Password-reset e-mails per address and per client address within the window
# (memberhub/accounts.py; counted in the cache).
PASSWORD_RESET_LIMIT_PER_ADDRESS = int(env("PASSWORD_RESET_LIMIT_PER_ADDRESS", "3"))
PASSWORD_RESET_LIMIT_PER_CLIENT = int(env("PASSWORD_RESET_LIMIT_PER_CLIENT", "10"))
PASSWORD_RESET_WINDOW_SECONDS = int(env("PASSWORD_RESET_WINDOW_SECONDS", "3600"))

# Internationalisation: Dutch first, English under /en/.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# "Translate this page" makes a draft, never a live English page of Dutch fallback text:
# the editor publishes it once translated (docs/translation.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {
                # A Redis outage must not take the site down: fall back to no cache.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# E-mail
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Ledenportaal <portaal@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Ledenportaal")
WAGTAILADMIN_BASE_URL = env("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend (SQLite FTS5 or PostgreSQL), with hostile queries cleaned.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search_backend"}}
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
                          "csv", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail refuses larger images in its form; portal.uploads caps every other upload path
# (e.g. an organisation's logo) with the same number before decoding the image.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Uploads are checked by content and size; SVG, HTML and other types are refused.
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.uploads.CheckedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.CheckedDocumentForm"
# No avatars from gravatar.com in the admin: the portal makes no request to another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):
    # A caching proxy (Varnish, nginx) that accepts PURGE requests.
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }

TAGGIT_CASE_INSENSITIVE = True

# Full-page cache for anonymous visitors (portal/cache.py). With several app processes,
# set REDIS_URL so that purges reach every process.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))

# Background tasks (django-tasks). Default: run in-process right away (dev, tests, a
# single small server). PORTAL_TASKS_BACKEND=database queues them in the database for
# `manage.py db_worker` processes (django-tasks-db).
if env("PORTAL_TASKS_BACKEND", "immediate") == "database":
    INSTALLED_APPS.append("django_tasks_db")
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Personal data: registrations of sessions that ended longer ago are anonymised by
# `manage.py anonymise_registrations` (run daily).
REGISTRATION_RETENTION_DAYS = int(env("REGISTRATION_RETENTION_DAYS", "730"))

# Portal search service (see search/): "database", "opensearch" or "elasticsearch".
PORTAL_SEARCH_BACKEND = env("PORTAL_SEARCH_BACKEND", "database")
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
OPENSEARCH_URL = env("OPENSEARCH_URL")
# Index names of either engine start with this (ELASTICSEARCH_INDEX_PREFIX still read).
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", env("ELASTICSEARCH_INDEX_PREFIX", "portal_"))
# When the engine fails, answer searches from the database backend (the tests switch
# this off: there an engine error must fail the test; so does bench/run.py, so that an
# engine outage shows as errors instead of database-backend figures).
PORTAL_SEARCH_FALLBACK = env_bool("PORTAL_SEARCH_FALLBACK", True)
# Single updates wait for the engine's next refresh ("wait_for"); the tests use "true".
PORTAL_SEARCH_REFRESH = "wait_for"
# How long a search engine found unreachable is not tried again (search/outage.py).
PORTAL_SEARCH_OUTAGE_SECONDS = int(env("PORTAL_SEARCH_OUTAGE_SECONDS", "30"))

# Security headers that hold everywhere; production adds HTTPS-only settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "portal.logging.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler",
                             "formatter": env("LOG_FORMAT", "plain")}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}
