"""Production settings, each read in a fresh process with its own environment, and gunicorn's."""

import json
import logging
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from ops.log import RequestContextFilter

ROOT = Path(__file__).resolve().parents[2]

# What deploy/README.md asks for, with dummy values (as the Makefile's CHECK_ENV).
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "test-only-not-a-secret-0b9e7d5c3a1f8e6d4c2b0a9f7e5d3c1b9a8f6e4d",
    "ALLOWED_HOSTS": "perpustakaan.example.id",
    "CSRF_TRUSTED_ORIGINS": "https://perpustakaan.example.id",
    "DATABASE_URL": "postgres://portal:dummy@127.0.0.1:5432/portal",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "MEDIA_ROOT": "/srv/portal/media",
    "EMAIL_HOST": "smtp.example.id",
    "DEFAULT_FROM_EMAIL": "perpustakaan@example.id",
    "ADMINS": "Admin Portal <admin@example.id>",
    "SECURE_HSTS_PRELOAD": "true",
}
S3_ENV = {
    "AWS_STORAGE_BUCKET_NAME": "portal-media",
    "AWS_S3_ENDPOINT_URL": "https://minio.example.id",
    "AWS_S3_REGION_NAME": "us-east-1",
    "AWS_ACCESS_KEY_ID": "dummy-access-key",
    "AWS_SECRET_ACCESS_KEY": "dummy-secret-key",
    "AWS_S3_ADDRESSING_STYLE": "path",
}


def run_python(args, **env):
    """Runs Python in the project with only PATH from this environment (no DATABASE_URL of CI, no
    test settings), the production environment and `env` on top; a value None removes a variable."""
    environ = {"PATH": os.environ["PATH"], **PRODUCTION_ENV, **env}
    environ = {name: value for name, value in environ.items() if value is not None}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=300)


def production_settings(*names, code="", **env):
    """The named settings as production sees them, and what `code` prints after django.setup()."""
    script = (
        "import json, django; django.setup(); from django.conf import settings;"
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {names!r}}}, default=str));{code}"
    )
    result = run_python(["-c", script], **env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    return json.loads(lines[0]), lines[1:]


@pytest.mark.parametrize("media", [{}, S3_ENV], ids=["local-media", "s3-media"])
def test_deploy_checks_pass_without_warnings(media):
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **media)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_importing_production_settings_without_secret_key_fails():
    result = run_python(["-c", "import portal.settings.production"], SECRET_KEY=None)

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set the SECRET_KEY environment variable" in result.stderr


def test_https_settings_and_local_media():
    values, _ = production_settings(
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "STORAGES",
        "MEDIA_ROOT",
        "WAGTAILDOCS_SERVE_METHOD",
    )

    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert values["MEDIA_ROOT"] == "/srv/portal/media"
    assert values["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


def test_plain_http_on_localhost_as_make_serve_runs_it():
    values, _ = production_settings(
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
    )

    assert values == {"SECURE_SSL_REDIRECT": False, "SESSION_COOKIE_SECURE": False, "CSRF_COOKIE_SECURE": False}


def test_s3_storage_when_a_bucket_is_set():
    values, printed = production_settings(
        "STORAGES",
        "AWS_S3_ENDPOINT_URL",
        code="from django.core.files.storage import default_storage; print(default_storage.url('images/a.jpg'))",
        **S3_ENV,
    )

    assert values["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert values["AWS_S3_ENDPOINT_URL"] == "https://minio.example.id"
    # A plain address at the endpoint, not a signed one that expires inside cached pages.
    assert printed == ["https://minio.example.id/portal-media/images/a.jpg"]


def test_admins_server_email_and_error_mails():
    values, _ = production_settings(
        "ADMINS",
        "SERVER_EMAIL",
        "LOGGING",
        ADMINS='Pustakawan <pustaka@example.id>, "Kominfo, Pamekasan" <kominfo@example.id>,it@example.id',
        SERVER_EMAIL="server@example.id",
    )

    assert values["ADMINS"] == [
        ["Pustakawan", "pustaka@example.id"],
        ["Kominfo, Pamekasan", "kominfo@example.id"],
        ["", "it@example.id"],
    ]
    assert values["SERVER_EMAIL"] == "server@example.id"
    assert values["LOGGING"]["handlers"]["mail_admins"]["class"] == "django.utils.log.AdminEmailHandler"
    assert values["LOGGING"]["loggers"]["django"]["handlers"] == ["mail_admins"]


def test_no_error_mails_without_a_mail_server_and_sentry_when_configured():
    values, printed = production_settings(
        "LOGGING",
        "SERVER_EMAIL",
        code=(
            "import sentry_sdk; client = sentry_sdk.get_client();"
            "print(client.is_active(), client.options['send_default_pii'], client.options['traces_sample_rate'])"
        ),
        EMAIL_HOST=None,
        SENTRY_DSN="https://public@sentry.example.id/1",
    )

    assert "mail_admins" not in values["LOGGING"]["handlers"]
    assert values["LOGGING"]["loggers"]["django"]["handlers"] == []
    assert values["SERVER_EMAIL"] == "perpustakaan@example.id"
    assert printed == ["True False 0.0"]


def test_admins_that_are_not_addresses_are_refused():
    result = run_python(["-c", "import portal.settings.production"], ADMINS="Pustakawan")

    assert result.returncode != 0
    assert "ImproperlyConfigured: ADMINS must be e-mail addresses" in result.stderr


def format_with_context(record_extra):
    from django.conf import settings

    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error", (), None)
    record.__dict__.update(record_extra)
    RequestContextFilter().filter(record)
    return logging.Formatter(settings.LOGGING["formatters"]["console"]["format"]).format(record)


def test_log_lines_name_the_request(settings):
    request = RequestFactory().get("/id/cari/", {"q": "rahasia"}, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.9")

    assert format_with_context({}).endswith("django.request: Internal Server Error")
    # The user is named only when the request has loaded it, and the query string never.
    assert format_with_context({"request": request}).endswith("Server Error [GET /id/cari/ user=- ip=127.0.0.1]")
    request.user = AnonymousUser()
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    assert format_with_context({"request": request}).endswith("[GET /id/cari/ user=anonymous ip=203.0.113.9]")


def test_gunicorn_configuration_loads(monkeypatch):
    for name in ("HOST", "PORT", "WEB_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    assert config["bind"] == "127.0.0.1:8000"
    assert 3 <= config["workers"] <= 6
    assert config["accesslog"] == "-" and config["max_requests_jitter"] > 0
    assert "127.0.0.1" in config["forwarded_allow_ips"]

    monkeypatch.setenv("PORT", "8020")
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert (config["bind"], config["workers"]) == ("127.0.0.1:8020", 2)
