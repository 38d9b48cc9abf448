"""Settings for the portal, read from the environment.

With nothing set, the site runs for development: DEBUG on, SQLite under var/, a
per-process memory cache. ``DJANGO_DEBUG=0`` switches to production: HTTPS only,
HSTS, secure cookies, and a secret key that must come from the environment.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG", default=True)
PRODUCTION = not DEBUG
# Production behind plain HTTP (loopback benchmarks, local production-like runs).
HTTPS = env_flag("DJANGO_HTTPS", default=PRODUCTION)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0.")
    SECRET_KEY = "development-only-key-never-used-in-production"  # noqa: S105


def admin_path(value: str) -> str:
    """Return the admin's address as a URL pattern prefix: "redaktion/" from "/redaktion"."""
    path = value.strip().strip("/")
    if not re.fullmatch(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*", path):
        raise ImproperlyConfigured(
            "DJANGO_ADMIN_PATH may hold only letters, digits, '-', '_' and '/' between "
            f"them (e.g. 'redaktion/'), not {value!r}."
        )
    return f"{path}/"


# Where editors log in. Moving it keeps the login page out of reach of scripts that try
# every site's /admin/.
ADMIN_PATH = admin_path(os.environ.get("DJANGO_ADMIN_PATH", "admin/"))

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Failed logins counted per user name and per address (portal.logins).
    "portal.apps.LoginLocksConfig",
    "taggit",
    # The editors' tools: nested inlines, the rich-text editor, and every version kept.
    "nested_admin",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    # The site's own apps. Their order is the order of the home page's blocks, the
    # navigation, the search results and the demo data (portal.registry).
    "portal",
    "projects",
    "themes",
    "activities",
    "news",
    "events",
    "films",
    "keyfigures",
]

MIDDLEWARE = [
    # Outermost: one log line per request, pages from the page cache included.
    "portal.logging.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Just inside the HTTPS redirect: a stored page skips everything below, and keeps
    # the headers the middleware below gave it when it was rendered.
    "portal.middleware.PublicPageCacheMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.middleware.DatabaseUnavailableMiddleware",
    "portal.middleware.AllowedMethodsMiddleware",
    # Refuses a locked login before the login form runs (after the session and user).
    "portal.logins.LockedLoginMiddleware",
    # Last, as django-axes asks: turns a locked login into the Danish lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes comes first: a locked-out login is refused before any password is hashed.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
# A database that hangs must give visitors the 503 page, not hold a worker until the
# server's worker timeout kills it (a 500). Both limits end in django.db.OperationalError,
# which DatabaseUnavailableMiddleware turns into the 503 page with Retry-After.
# - connect: seconds to wait for a connection (psycopg waits at least 2).
# - statement: the longest one query may run (milliseconds; 0: no limit). On the scale
#   data (manage.py load_scale) the slowest query of any public page took 0.13 s (the
#   catalogue's text search, nothing cached) and of the admin's Indholdstjek 0.35 s:
#   5 s leaves ample room and stays far below the worker timeout (30 s), also for a
#   page that waits twice (once for the schedule marker, once for the query that fails).
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT_MS = int(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT_MS", "5000"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The same backend, which after a failed connect stops trying for a few seconds.
    DATABASES["default"]["ENGINE"] = "portal.postgresql"
    database_options = DATABASES["default"].setdefault("OPTIONS", {})
    database_options["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
    database_options["options"] = " ".join(
        part
        for part in (
            database_options.get("options", ""),
            f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}",
        )
        if part
    )

# After a failed call, the shared cache (or the database's connect) is skipped for this
# many seconds in this process, then tried again: pages come from the database meanwhile.
DEPENDENCY_RETRY_INTERVAL = float(os.environ.get("DJANGO_DEPENDENCY_RETRY_INTERVAL", "5"))
# Seconds to wait for Redis to accept a connection and to answer a call. A page makes
# several calls; with the breaker above, a hung Redis costs a page at most one wait.
CACHE_SOCKET_TIMEOUT = float(os.environ.get("DJANGO_CACHE_TIMEOUT", "0.25"))

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache, sharing one client per connection pool.
            "BACKEND": "portal.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "portal"),
            "OPTIONS": {
                "socket_connect_timeout": CACHE_SOCKET_TIMEOUT,
                "socket_timeout": CACHE_SOCKET_TIMEOUT,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a rule: a new password lifts the account's login lock (portal.logins).
    {"NAME": "portal.logins.UnlockOnNewPassword"},
]

# Logins: after 5 failures in a row for one user name, or from one address, logins are
# refused for 15 minutes (django-axes; attempts are kept in the database, so every
# process counts the same). Tries during the lock do not lengthen it; a successful login,
# a new password or an editor ("Loginspærringer" in the admin) lifts it. A successful
# login clears only that user name's failures (portal.logins.unlock_on_login): axes' own
# reset on success would also clear the address's failures against other names, so
# anyone with a login of their own could guess another's password without a lock.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = False
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "portal.logins.lockout_response"
AXES_CLIENT_IP_CALLABLE = "portal.logins.client_address"
AXES_ENABLE_ADMIN = False  # portal.logins has a Danish admin of its own
# Failed attempts are deleted once their cool-off has passed (at the next login attempt);
# successful logins, and the addresses they came from, are not recorded at all.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Proxies in front of the app that append the client's address to X-Forwarded-For
# (0: the app faces the internet, REMOTE_ADDR is the client).
PORTAL_TRUSTED_PROXIES = int(os.environ.get("DJANGO_TRUSTED_PROXIES", "0"))

# Internationalisation: Danish first, English second, under /en/.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
# English dates read "15 February 2021" (portal/formats/en), Danish keep Django's.
FORMAT_MODULE_PATH = ["portal.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "da"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("da",)
# The tabbed translation admin loads jQuery UI from a CDN unless told otherwise.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

TAGGIT_CASE_INSENSITIVE = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))


def media_storage(environ) -> tuple[dict, list[str]]:
    """Return where uploaded files go (a STORAGES entry) and the origin they are served from.

    ``DJANGO_MEDIA_STORAGE=s3``: an S3-compatible bucket (django-storages), so that every
    app server sees every upload. Files get public, unsigned addresses: a page stored in
    the page cache or a CDN must not hold an address that expires. The bucket, or the CDN
    in front of it (``AWS_S3_CUSTOM_DOMAIN``), lets anyone read its objects.
    Otherwise: files in ``MEDIA_ROOT``, served from the site's own origin.
    """
    kind = environ.get("DJANGO_MEDIA_STORAGE", "files").strip().lower()
    if kind in {"", "files"}:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}, []
    if kind != "s3":
        raise ImproperlyConfigured(f"DJANGO_MEDIA_STORAGE is 'files' or 's3', not {kind!r}.")
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        raise ImproperlyConfigured("DJANGO_MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    options = {
        "bucket_name": bucket,
        "file_overwrite": False,  # two uploads named "foto.jpg" keep both files
        "querystring_auth": False,
        "default_acl": None,  # the bucket's policy decides who reads
    }
    names = {
        "endpoint_url": "AWS_S3_ENDPOINT_URL",
        "region_name": "AWS_S3_REGION_NAME",
        "custom_domain": "AWS_S3_CUSTOM_DOMAIN",
        "addressing_style": "AWS_S3_ADDRESSING_STYLE",
        # Without keys boto3 finds credentials itself (e.g. the machine's role).
        "access_key": "AWS_ACCESS_KEY_ID",
        "secret_key": "AWS_SECRET_ACCESS_KEY",
    }
    options |= {option: environ[name] for option, name in names.items() if environ.get(name)}
    # Where the files' addresses point, for the Content-Security-Policy: the custom
    # domain, or the service with the bucket in the path or in the host name.
    if options.get("custom_domain"):
        origins = [f"https://{options['custom_domain'].split('/')[0]}"]
    else:
        scheme, host = "https", "s3.amazonaws.com"
        if options.get("endpoint_url"):
            scheme, _, host = options["endpoint_url"].split("/")[:3]
            scheme = scheme.rstrip(":")
        elif options.get("region_name"):
            host = f"s3.{options['region_name']}.amazonaws.com"
        origins = [f"{scheme}://{host}", f"{scheme}://{bucket}.{host}"]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}, origins


MEDIA_STORAGE, MEDIA_ORIGINS = media_storage(os.environ)
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600
# Without collectstatic (development, tests) serve straight from the source folders.
WHITENOISE_USE_FINDERS = not PRODUCTION

# Security. Anonymous visitors get no cookies; the admin's cookies are strict.
# An editor's session ends after 8 hours, and when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
    # A film's player, loaded only when a visitor presses "Afspil film" (films.video).
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
}
if PRODUCTION:
    # A TLS-terminating proxy in front of the app says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    # HTTPS for every subdomain, and a place on the browsers' preload list, bind the
    # whole domain and are hard to undo: the centre opts in when it has chosen to.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [
        *(["security.W005"] if not SECURE_HSTS_INCLUDE_SUBDOMAINS else []),
        *(["security.W021"] if not SECURE_HSTS_PRELOAD else []),
    ]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz/(ready/)?$"]

# Logs go to stderr, one line per request in production (portal.logging): INFO shows the
# requests, WARNING only what went wrong. DJANGO_LOG_FORMAT=json writes JSON lines.
LOGGING = logging_config(
    level=os.environ.get("DJANGO_LOG_LEVEL", "INFO" if PRODUCTION else "WARNING").upper(),
    json_lines=os.environ.get("DJANGO_LOG_FORMAT", "text").strip().lower() == "json",
)

# Site-wide facts shown in the footer and used in contact links.
# "off" keeps the notice "Eksempelindhold: …" off every page, whatever the admin's
# switch says (portal.models.SiteNotice); anything else leaves it to that switch.
DEMO_NOTICE = os.environ.get("DJANGO_DEMO_NOTICE", "auto").strip().lower()

PORTAL_CENTRE = {
    "name": "Center for Boligsocial Udvikling",
    "short_name": "CFBU",
    "address": "Eksempelvej 1, 1000 København K",
    "phone": "00000000",
    "email": "kontakt@example.org",
}

# The licence the open data exports (/data/) are published under: the portal's policy.
# The domain in calendar files' UIDs (events/calendar.py): set it to the site's own, so an
# event keeps one UID whichever host name a visitor used. Empty: the requested host.
CALENDAR_DOMAIN = os.environ.get("DJANGO_CALENDAR_DOMAIN", "")
DATA_LICENCE_NAME = os.environ.get("DJANGO_DATA_LICENCE_NAME", "CC BY 4.0")
DATA_LICENCE_URL = os.environ.get(
    "DJANGO_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/deed.da"
)
