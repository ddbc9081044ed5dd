"""Settings shared by every environment: secure by default, configured from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .database import for_web_server

# site/clinic/settings/base.py -> the repository root is three levels above site/.
SITE_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SITE_DIR.parent
DATA_DIR = Path(os.environ.get("CLINIC_DATA_DIR", BASE_DIR / "data"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    # Before treatments: its set-up step makes the contact page the clinical pages link to.
    "practice",
    "treatments",
    "directory",
    "editorial",
    "operations",
    "translations",
    "security",
    "pagecache",
    "search",
    "safeguards",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "operations.middleware.RequestLogMiddleware",  # first: times and ids the whole request
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "security.middleware.AdminContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "editorial.middleware.WorkflowNamesInLanguageMiddleware",  # admin pages: one language
    "security.middleware.StaffIdleTimeoutMiddleware",
    "security.middleware.DiskFullMiddleware",
    "security.two_factor.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "pagecache.middleware.PageCacheMiddleware",  # anonymous readers of Wagtail pages
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the sign-in page's message
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "practice.context_processors.site_name",
            ],
        },
    },
]

# SQLite by default (kept out of git, in data/); PostgreSQL through DATABASE_URL.
# SQLite gets immediate transactions and WAL so concurrent writers wait rather than fail (see
# settings/database.py).
DATABASES = {
    "default": for_web_server(
        dj_database_url.config(
            default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
            conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        )
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in lockouts, staff sessions, Permissions-Policy, upload limits: settings/security.py.
from .security import *  # noqa: E402, F403

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. LANGUAGE_CODE must be set before the first migration:
# Wagtail creates its default Locale from it.
LANGUAGE_CODE = "en-ca"
LANGUAGES = [("en-ca", _("English")), ("fr-ca", _("French"))]
WAGTAIL_I18N_ENABLED = True
# One rule for addresses in both languages: ASCII slugs, as seeded (translations/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The practice's primary language (x-default, "/", switcher order, admin's default content
# language): translations/primary.py. LANGUAGE_CODE stays the language the tree was built in.
PRIMARY_LANGUAGE = os.environ.get("PRIMARY_LANGUAGE", "en-ca").strip().lower()
# The names the translation editor shows (« Publier en français »), in the admin's language.
WAGTAIL_CONTENT_LANGUAGES = [("en-ca", _("English")), ("fr-ca", _("French"))]
# Region-specific codes, so the admin loads our fr_CA catalogues (Wagtail's own French
# is found through the "fr" fallback).
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en-ca", "English"), ("fr-ca", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django's fr_CA formats give "25 novembre 2026" but "14:30"; ours read "14 h 30".
FORMAT_MODULE_PATH = ["clinic.formats"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True
# Never publish an unfinished French page by syncing it from the English one.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def machine_translator_from_env(environ=os.environ):
    """wagtail-localize's "Translate with DeepL" in the translation editor, only when a key is
    given (DEEPL_API_KEY): a translator's aid whose French is a draft like any other, reviewed
    before it is published. Off by default: page text is sent to DeepL when it is used."""
    key = environ.get("DEEPL_API_KEY", "").strip()
    if not key:
        return None
    return {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": key},
    }


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365  # hashed names: safe to cache for a year

# Caches (Redis through REDIS_URL), the page cache, CDN purges, S3 media: settings/caching.py.
from .caching import *  # noqa: E402, F403
from .caching import MEDIA_STORAGE  # noqa: E402

if MEDIA_STORAGE:
    STORAGES["default"] = MEDIA_STORAGE

WAGTAIL_SITE_NAME = "Prolotherapy practice"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend; on PostgreSQL each page is indexed and searched with its
# language's text-search configuration (search/backend.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIGS": {"en-ca": "english", "fr-ca": "french"},
    }
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin must not call out to another site

# Security headers on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = False

# Public pages load nothing from any other origin. Wagtail's admin relies on inline
# styles and scripts, so it is left out of this policy (it keeps the other headers, and a
# narrower policy of its own: security.middleware.AdminContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

HTTPS = env_flag("HTTPS")
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # a load balancer's check may come over plain HTTP
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# A forged or expired CSRF token gets a page in the visitor's language, not Django's English one.
CSRF_FAILURE_VIEW = "home.views.csrf_failure"

# E-mail: SMTP when EMAIL_HOST is set, else printed on the console (nothing leaves the machine).
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Appointment requests: kept this many days (manage.py purge_requests deletes older ones);
# at most this many form posts per address per hour; notices go to the practice's e-mail
# (Practice details) unless REQUEST_NOTIFICATION_EMAIL is set.
REQUEST_RETENTION_DAYS = int(os.environ.get("REQUEST_RETENTION_DAYS", "90"))
REQUEST_RATE_LIMIT = int(os.environ.get("REQUEST_RATE_LIMIT", "20"))
REQUEST_NOTIFICATION_EMAIL = os.environ.get("REQUEST_NOTIFICATION_EMAIL", "")

# How often the practice reviews clinical pages, in months.
CLINICAL_REVIEW_INTERVAL_MONTHS = int(os.environ.get("CLINICAL_REVIEW_INTERVAL_MONTHS", "12"))

# Tasks and their worker, error reports, logs (one line per request): settings/operations.py.
from .operations import *  # noqa: E402, F403

if TASKS_BACKEND == "rq":  # noqa: F405 - from settings/operations.py
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]  # worker: docs/deploy.md
