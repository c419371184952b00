"""The site's own pages for the requests it refuses or cannot answer, in the visitor's language
(the address's prefix, else Accept-Language, else Indonesian); never Django's built-in English ones.

- 400 (a request Django cannot read), 403 (refused, a contact form whose CSRF check failed) and 405
  (a method an address does not take): the site's page, like the 404 page (templates/error.html).
- 503 when the database cannot be reached (PostgreSQL down, a connection lost): a short page that
  needs neither the database nor the cache (templates/503.html), with Retry-After. Pages kept in the
  page cache are still served (ops/cache.py answers them before anything touches the database).
- Media storage that cannot be written (disk full, read-only, no permission): in the admin, the
  form again with a message in the editor's language (an upload saves nothing until its file is
  written, so nothing is left half-saved); for a visitor (a photo's new size could not be made), the
  503 page.
- 500 for any other error: templates/500.html, in both languages, which needs nothing at all.
- What nginx refuses itself (a request line too long, a body too large, bytes it cannot read) or
  answers when gunicorn does not: static pages in both languages that `collectstatic` writes
  (proxy_pages(), portal/management/commands/collectstatic.py; deploy/nginx.conf names them).

portal/urls.py names these views as handler400, handler403 and handler500; CSRF_FAILURE_VIEW names
csrf_failure (settings/base.py); ErrorPageMiddleware gives a page to the refusals views answer
without one (405 from require_http_methods, an empty 400 or 403)."""

import errno
import logging
import sys

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import DisallowedHost
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views import defaults

from ops.security import admin_prefix

logger = logging.getLogger(__name__)

# How psycopg's (and SQLite's) "cannot reach the database" reach Django's code.
DATABASE_ERRORS = (OperationalError, InterfaceError)
# How a disk that is full or read-only, or a folder the site may not write, answers a write.
STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}
# When a visitor (or a harvester, a crawler) may try again after a 503.
RETRY_AFTER_SECONDS = 60

STORAGE_MESSAGE = _(
    "The file could not be saved: the server's storage is full or cannot be written to. Nothing was "
    "saved. Please tell the site's administrator, and try again later."
)

WORDS = {
    400: (
        _("The request could not be understood"),
        _(
            "Part of the address or of the form that was sent is not valid. "
            "Please check it, or start again from the home page."
        ),
    ),
    403: (
        _("Access denied"),
        _("This page cannot be opened with this request."),
    ),
    "csrf": (
        _("The form could not be sent"),
        _(
            "The page was open for too long, or your browser does not accept this site's cookies. "
            "Please go back, reload the page and send the form again."
        ),
    ),
    405: (
        _("Request not allowed"),
        _("This address cannot be used this way. Please open it through an ordinary link."),
    ),
    413: (
        _("The file is too large"),
        _("What was sent is larger than the site accepts (20 MB per file). Please send a smaller file."),
    ),
    414: (
        _("Address too long"),
        _("This address is longer than the site accepts. Please check it, or start again from the home page."),
    ),
    503: (
        _("Temporarily unavailable"),
        _("This page cannot be shown right now. Please try again in a few minutes."),
    ),
}
# The pages nginx shows for what it answers itself: file name -> the words (deploy/nginx.conf).
PROXY_PAGES = {"400.html": 400, "413.html": 413, "414.html": 414, "unavailable.html": 503}


def proxy_pages():
    """(file name, page) for each of PROXY_PAGES: both languages on one page, since nginx may answer
    before it has read the visitor's Accept-Language."""
    for name, words in PROXY_PAGES.items():
        sections = []
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                title, message = (str(text) for text in WORDS[words])
                sections.append({"language": language, "title": title, "message": message})
        page_title = " · ".join(section["title"] for section in sections)
        yield name, loader.render_to_string("proxy_error.html", {"sections": sections, "page_title": page_title})


def visitor_language(request):
    return translation.get_language_from_request(request, check_path=True)


def is_database_error(error):
    """Whether the error (or one it was raised from) says the database cannot be reached."""
    for _depth in range(5):
        if error is None:
            return False
        if isinstance(error, DATABASE_ERRORS):
            return True
        error = error.__cause__ or error.__context__
    return False


def error_page(request, status, words=None):
    """The site's page for a refused request: header, menu and footer, like the 404 page. Without
    them when they cannot be drawn (a Host the site does not serve); the 503 page when the database
    cannot be reached."""
    title, message = WORDS[words or status]
    context = {"title": title, "message": message}
    with translation.override(visitor_language(request)):
        try:
            request.get_host()
        except DisallowedHost:
            content = loader.render_to_string("503.html", context)
        else:
            try:
                content = loader.render_to_string("error.html", context, request)
            except Exception as error:
                if is_database_error(error):
                    return unavailable(request, error)
                logger.exception("The %s page could not be drawn in full", status, extra={"request": request})
                content = loader.render_to_string("503.html", context)
    return HttpResponse(content, status=status)


def unavailable(request, error, part="Database"):
    """503, Retry-After, nothing kept by browsers or proxies. One line in the log per request,
    not Django's traceback and error mail: /healthz tells monitoring which part is down."""
    reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
    logger.warning("%s unavailable, answered 503: %s", part, reason, extra={"request": request})
    title, message = WORDS[503]
    with translation.override(visitor_language(request)):
        content = loader.render_to_string("503.html", {"title": title, "message": message})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    response._has_been_logged = True  # django.utils.log.log_response: logged above
    return response


def bad_request(request, exception):
    return error_page(request, 400)


def permission_denied(request, exception):
    return error_page(request, 403)


def csrf_failure(request, reason=""):
    return error_page(request, 403, "csrf")


def server_error(request):
    error = sys.exc_info()[1]
    if is_database_error(error):
        return unavailable(request, error)
    return defaults.server_error(request)


class ErrorPageMiddleware:
    """The site's page for refusals that views answer without a body: 405 from
    require_http_methods (Allow kept), an empty 400 or 403. Not in the admin, which has its own."""

    STATUSES = (400, 403, 405)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code in self.STATUSES
            and not response.streaming
            and not response.content
            and request.method != "HEAD"
            and not request.path_info.startswith(admin_prefix())
        ):
            page = error_page(request, response.status_code)
            if page.status_code != response.status_code:
                return page  # 503: the database is down
            response.content = page.content
            response["Content-Type"] = page["Content-Type"]
        return response

    def process_exception(self, request, exception):
        if not (isinstance(exception, OSError) and exception.errno in STORAGE_ERRNOS):
            return None
        if not request.path_info.startswith(admin_prefix()):
            return unavailable(request, exception, part="Media storage")
        logger.error("Media storage refused a file: %s", exception, extra={"request": request})
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The multiple uploader shows this under the file it sent.
            return JsonResponse({"success": False, "error_message": str(STORAGE_MESSAGE)})
        messages.error(request, STORAGE_MESSAGE)
        return HttpResponseRedirect(request.get_full_path())
