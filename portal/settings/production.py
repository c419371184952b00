"""Production: every secret comes from the environment; refuses to start without SECRET_KEY.
Made for gunicorn behind nginx on HTTPS (deploy/); `manage.py check --deploy` passes given the
environment of deploy/README.md."""

from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEFAULT_FROM_EMAIL, EMAIL_HOST, LOGGING, SECRET_KEY, SMTP_BACKEND, STORAGES, env_bool, os

if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable for production.")

DEBUG = False

# HTTPS. nginx terminates TLS and says so in X-Forwarded-Proto (deploy/nginx.conf). `make serve`
# turns the redirect and the secure cookies off for plain http on localhost.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# A load balancer may ask an app server for its health over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS") or 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading commits the whole domain to HTTPS in browsers' built-in lists: a choice, off by default.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's preview panel frames its own pages: its views set SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"
# The contact form's rate limit and the log count this header's address (the proxy sets it) instead
# of REMOTE_ADDR, which behind a proxy is the proxy's: HTTP_X_REAL_IP with deploy/nginx.conf.
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None

# Media on local disk in MEDIA_ROOT, served by nginx; or, when AWS_STORAGE_BUCKET_NAME is set, in a
# bucket of any S3-compatible store (AWS, MinIO, ...), which several app servers can share.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES = {**STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    # Plain URLs for images: signed ones expire, and pages are cached.
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    # An upload never replaces another file of the same name.
    AWS_S3_FILE_OVERWRITE = False
# Documents always go through Wagtail's view (privacy, download headers), never straight to the
# file: nginx refuses /media/documents/ and the bucket keeps documents/ private.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Who gets the error mails ("Name <address>, address, ..."), and their sender.
ADMINS = getaddresses([os.environ.get("ADMINS", "")])
if any("@" not in address for _name, address in ADMINS):
    raise ImproperlyConfigured('ADMINS must be e-mail addresses: "Name <name@example.id>, other@example.id".')
SERVER_EMAIL = os.environ.get("SERVER_EMAIL") or DEFAULT_FROM_EMAIL

# Django's default mails errors to ADMINS with any e-mail backend; here only when a mail server is
# configured. The console log (base.py) keeps every error with its request.
LOGGING = {**LOGGING, "handlers": {**LOGGING["handlers"]}, "loggers": {**LOGGING.get("loggers", {})}}
LOGGING["loggers"]["django"] = {"handlers": [], "propagate": True}
if EMAIL_HOST and ADMINS:
    # Straight to the mail server, not through the outbox: an error may come from the database.
    LOGGING["handlers"]["mail_admins"] = {
        "class": "django.utils.log.AdminEmailHandler",
        "level": "ERROR",
        "email_backend": SMTP_BACKEND,
    }
    LOGGING["loggers"]["django"]["handlers"] = ["mail_admins"]

# Errors to Sentry (or a compatible service such as GlitchTip) when SENTRY_DSN is set; no
# personal data (addresses, cookies, users) is sent, and no performance traces unless asked for.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE") or 0),
        environment=os.environ.get("SENTRY_ENVIRONMENT") or "production",
    )
