"""Settings shared by every environment. Safe for production: everything secret or
machine-specific comes from the environment (see the table in README.md)."""

import hashlib
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def machine_translator(environ):
    """Machine translation in the translation editor, when a service is configured: DeepL
    (DEEPL_AUTH_KEY) or a LibreTranslate server (LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY).
    Without one, editors translate by hand and the button is not shown."""
    if environ.get("DEEPL_AUTH_KEY"):
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": environ["DEEPL_AUTH_KEY"]},
        }
    if environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"],
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    return None


def frontend_cache_backends(environ):
    """Where to purge published pages besides the site's own cache: a reverse proxy that takes
    HTTP PURGE (FRONTEND_CACHE_PURGE_URL, e.g. http://127.0.0.1:6081) and/or Cloudflare
    (CLOUDFLARE_BEARER_TOKEN with CLOUDFLARE_ZONEID)."""
    backends = {}
    if environ.get("FRONTEND_CACHE_PURGE_URL"):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": environ["FRONTEND_CACHE_PURGE_URL"],
        }
    if environ.get("CLOUDFLARE_BEARER_TOKEN") and environ.get("CLOUDFLARE_ZONEID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": environ["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": environ["CLOUDFLARE_ZONEID"],
        }
    return backends


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "search",
    # Before django.contrib.staticfiles: its collectstatic also writes nginx's error pages.
    "ops",
    "home",
    "news",
    "registrations",
    "gallery",
    "programmes",
    "local_content",
    "editorial",
    "accounts",
    "outbox",
    "spamguard",
    "visits",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
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
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "post_office",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    # Only for its Indonesian catalogue: Wagtail's "2 minutes ago" in the admin comes from it.
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise, so that static files get these headers too.
    "ops.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the cache, before sessions, languages and the database are touched.
    "ops.cache.PageCacheMiddleware",
    # The client's address for the log entries written while a request is served (accounts/).
    "accounts.addresses.ClientAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's two, redirecting only to pages: any other address is 404 at once (portal/i18n.py).
    "portal.i18n.LocaleMiddleware",
    "portal.i18n.CommonMiddleware",
    # The site's page for a 405 or an empty 400/403, in the visitor's language (ops/errors.py).
    "ops.errors.ErrorPageMiddleware",
    # The generation read once per request, for what each process keeps (portal/generation.py).
    "portal.generation.GenerationMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(), then the admin closed until the second sign-in step is passed.
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.SecondStepMiddleware",
    "accounts.sessions.IdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
# A form whose CSRF check fails (a page left open for days, cookies off): the site's page saying
# so in the visitor's language, not Django's English one.
CSRF_FAILURE_VIEW = "ops.errors.csrf_failure"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# A kept connection is checked before a request reuses it: after the database was away, each worker
# connects afresh by itself instead of failing its first request on the old connection.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two editors saving at once wait for each other instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database server that does not answer costs a request seconds, not a worker until gunicorn's
    # timeout: the visitor gets the 503 page (ops/errors.py), kept pages are still served.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Every cache is shared by every process that serves or changes the site: a publish purges the
# pages of every gunicorn worker and app server, whichever process made it (a worker, cron's
# `publish_scheduled`, an import command), and the contact form's count is one per visitor. With
# REDIS_URL: Redis, shared by several app servers. Without: files in CACHE_DIR, shared by the
# processes of this machine (ops/cache_backends.py). Keys (or folders) are named after the
# database, so that two sites on one Redis or machine (a benchmark's copy, a test's, a restored
# copy) never read each other's. Never per-process memory.
# Image renditions get their own alias so that rendition lookups are cached apart from pages and
# fragments; "pages" holds the anonymous pages and the header and footer data (ops/cache.py),
# purged on every change without the others. django-ratelimit counts in "default".
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_ALIASES = ("default", "renditions", "pages")
_database = DATABASES["default"]
_database_id = "|".join(str(_database.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME"))
_database_key = hashlib.sha256(_database_id.encode()).hexdigest()[:12]
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{_database_key}:{alias}",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Redis down: every read misses and every write is dropped rather than raised, so
                # pages are rendered afresh (ops/cache.py) and /healthz says "cache": "error".
                "IGNORE_EXCEPTIONS": True,
                # A Redis that does not answer costs each cache call this long at most.
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 1,
            },
        }
        for alias in CACHE_ALIASES
    }
else:
    CACHE_DIR = Path(os.environ.get("CACHE_DIR") or BASE_DIR / "cache")
    _cache_folder = CACHE_DIR / _database_key
    CACHES = {
        alias: {
            # A rendition, once kept, is not written again at every use (ops/cache_backends.py).
            "BACKEND": f"ops.cache_backends.{'WriteOnceFileCache' if alias == 'renditions' else 'SharedFileCache'}",
            "LOCATION": str(_cache_folder / alias),
            # Old generations' pages are never read again: a third of the entries, at random,
            # go when a folder holds more than this.
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
        for alias in CACHE_ALIASES
    }
RATELIMIT_USE_CACHE = "default"
# When that cache cannot count (Redis down, a folder that cannot be written), the contact form takes
# messages unlimited rather than refusing everyone: each is stored and its honeypot and time checks
# still apply, and a visitor should not be told "too many messages" for a fault of the server.
RATELIMIT_FAIL_OPEN = True
# How long anonymous pages, feeds and the sitemap are kept by the server and by shared caches
# (Cache-Control: s-maxage); browsers keep them with max-age=0 and ask again with the ETag, so a
# publish is seen at once. 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# A CDN or caching reverse proxy in front of the site hears of each published or unpublished page
# (wagtail.contrib.frontend_cache): an HTTP PURGE to FRONTEND_CACHE_PURGE_URL (Varnish, nginx),
# and/or Cloudflare's API. ops/cache.py purges the page and the pages that list it (its
# ancestors up to the home page) in every language, each at its own address, once the change is
# committed; Wagtail's own handler (the page alone, before the commit) is disconnected there, so the
# app comes before "ops", whose ready() runs after its.
_frontend_cache = frontend_cache_backends(os.environ)
if _frontend_cache:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("ops"), "wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = _frontend_cache
    WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes): after 5 wrong passwords for one user name from one client
# address, or 50 from one address whatever the names (an office or a school shares one), or 50
# for one user name from any addresses, sign-in is refused for 15 minutes with HTTP 429 and a page
# saying so; a successful sign-in clears the count. The address is the one the contact form counts
# (ops/log.py).
# AxesBackend (not the standalone one) so that the first backend can also load a signed-in user,
# which Wagtail's test helpers and `force_login` expect of it.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_USER_FAILURE_LIMIT = 5
AXES_ADDRESS_FAILURE_LIMIT = 50
AXES_FAILURE_LIMIT = "ops.security.failure_limit"
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "ops.log.client_ip"
AXES_LOCKOUT_CALLABLE = "ops.security.lockout"

# Two-step sign-in (accounts/two_factor.py): "moderators" (Moderators and Administrators must use
# it, Editors may) or "everyone".
TWO_FACTOR_FOR = os.environ.get("TWO_FACTOR_FOR", "moderators")
if TWO_FACTOR_FOR not in ("moderators", "everyone"):
    raise ImproperlyConfigured("TWO_FACTOR_FOR must be 'moderators' or 'everyone'")
# The name an authenticator app shows beside the codes.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Perpustakaan")

# Sessions: a signed-in user is signed out after SESSION_IDLE_HOURS (a working day) without a
# request; each request starts the time again (accounts/sessions.py). Visitors of the public site
# get no cookie. A password change ends the user's other sessions (Django checks the password's
# hash in each session); the device that made it stays in.
SESSION_COOKIE_AGE = int(float(os.environ.get("SESSION_IDLE_HOURS", "10")) * 3600)


def media_origins(environ):
    """Where uploaded images come from when they live in an S3-compatible bucket (production.py):
    its custom domain, its endpoint (path or virtual-host addressing), or Amazon S3 itself."""
    if not environ.get("AWS_STORAGE_BUCKET_NAME"):
        return []
    if environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{environ['AWS_S3_CUSTOM_DOMAIN'].strip('/')}"]
    if environ.get("AWS_S3_ENDPOINT_URL"):
        endpoint = urlsplit(environ["AWS_S3_ENDPOINT_URL"])
        return [f"{endpoint.scheme}://{endpoint.netloc}", f"{endpoint.scheme}://*.{endpoint.netloc}"]
    return ["https://*.amazonaws.com"]


# Security headers. Content-Security-Policy (django-csp): the public site runs only its own scripts
# and styles, no inline code; frames only for embedded videos and the visit page's map.
# CSP_FRAME_SRC adds origins for other embed providers (e.g. https://player.vimeo.com).
_img_src = ["'self'", "data:", *media_origins(os.environ)]
_frame_src = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://www.openstreetmap.org",
    *env_list("CSP_FRAME_SRC"),
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": _img_src,
        "frame-src": _frame_src,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# The Wagtail admin still writes inline scripts and styles (inline panels, date pickers); its
# previews render the public templates inside it, and its upload previews are blob: images.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [*_img_src, "blob:"],
        "frame-src": ["'self'", *_frame_src],
    }
}
# Browser features the site never uses, off for it and for everything it embeds.
PERMISSIONS_POLICY = {
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
# Only the origin to other sites (embedded videos need it); the full address within the site.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# E-mail: SMTP when EMAIL_HOST is set, otherwise messages are printed on the console. With SMTP,
# every message is first kept in the database (django-post-office) and sent from there by
# `send_queued_mail`, every minute from cron: no visitor waits on the mail server, and a server
# that is down loses nothing. A message it refuses is tried again every 10 minutes, 6 times in all,
# then waits in the admin (Reports > Outgoing e-mail) for someone to send it again.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_BACKEND = "post_office.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
POST_OFFICE = {
    "BACKENDS": {"default": SMTP_BACKEND},
    "DEFAULT_PRIORITY": "medium",
    "MAX_RETRIES": 5,
    "RETRY_INTERVAL": timedelta(minutes=10),
    "MESSAGE_ID_ENABLED": True,
}
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Event registrations: personal data is deleted this many days after the event, only counts kept
# (`purge_registrations`, daily from cron).
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "90"))

# Languages: Indonesian first (the default), English second.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# wagtail-localize ships no usable Indonesian (id_ID has 3+17 entries): locale/vendor holds ours.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
TIME_ZONE = "Asia/Jakarta"
# Staff may read the admin's times in any of Indonesia's three zones (WIB, WITA, WIT) rather than
# pick among the machine's 600 (Debian's list has "localtime", which broke the admin's script).
WAGTAIL_USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
# STATIC_ROOT: where collectstatic writes (a throwaway copy of the site, a test, has its own).
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Django serves uploaded media in development, tests, `make serve` and the benchmarks; in
# production the web server does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A request's form data (files apart): a long page with many blocks stays far below 5 MB. Uploaded
# files above 2.5 MB go to a temporary file rather than memory while they arrive.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

WAGTAIL_SITE_NAME = _("Public library portal")
# No avatar requests to gravatar.com from the admin: slow on mobile data and a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor to releases.wagtail.org (outside the admin's Content-Security-Policy): upgrades come with
# the pinned requirements.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search; on PostgreSQL each language's pages are stemmed in that language.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backend", "LANGUAGE_CONFIGS": {"id": "indonesian", "en": "english"}}
}


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(os.environ)
# A new translation starts as a draft, even of a live page: it is published when translated.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# "Translate" makes the English copy and opens it in the normal editor (rich-text toolbar, review
# workflow), rather than wagtail-localize's segment editor, which shows rich text as HTML tags and
# cannot submit for review (editorial/translation.py).
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.LoginForm"
# Images need a description (alt text) unless the editor says they are decorative.
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.forms.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# A document whose content does not match its extension is refused (ops/uploads.py), and every
# document downloads as an attachment (PDFs too): nothing uploaded runs in the site's origin.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "ops.uploads.DocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Photos only: no SVG (a script can hide in one). 40 megapixels is a 7,700 × 5,200 photo; larger
# ones would take the server's memory to resize.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Largest image or document an editor may upload; deploy/nginx.conf's client_max_body_size is a
# little above it, so a file too large gets Wagtail's message rather than the proxy's error page.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"webp": "webp"}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# OAI-PMH: the repository identifier in record identifiers (oai:<id>:<item>), the contact
# address harvesters see, and how many records one response carries.
OAI_REPOSITORY_ID = os.environ.get("OAI_REPOSITORY_ID", "library.localhost")
OAI_ADMIN_EMAIL = os.environ.get("OAI_ADMIN_EMAIL", "admin@library.localhost")
OAI_PAGE_SIZE = int(os.environ.get("OAI_PAGE_SIZE", "100"))
# Size of the photos `load_demo_content` draws for its albums, like a phone or camera's (WxH).
DEMO_PHOTO_SIZE = tuple(int(side) for side in os.environ.get("DEMO_PHOTO_SIZE", "4000x3000").split("x"))

# Console log at LOG_LEVEL; records about a request (errors, 404s, bad hosts) name its method,
# path, user id and client address (ops/log.py).
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "ops.log.RequestContextFilter"}},
    "formatters": {"console": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s%(request_context)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "level": LOG_LEVEL,
            "filters": ["request_context"],
            "formatter": "console",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # django-post-office adds a handler of its own to a logger that has none: this line instead.
    "loggers": {"post_office": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False}},
}
