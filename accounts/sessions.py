"""A signed-in user is signed out after SESSION_COOKIE_AGE (a working day) without a request.

Django's own way, SESSION_SAVE_EVERY_REQUEST, writes the session on every request: each admin page
and each of its script and icon requests then wait for a database write, and requests of one page
made side by side write the same row. Here the session is written again only when its last write is
a few minutes old, which moves the end of the working day just as well."""

import time

REFRESH_SECONDS = 300
WRITTEN_AT = "_written_at"


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        # Only a session this request has read already: a visitor without one is never looked up.
        if session.accessed and not session.is_empty():
            now = int(time.time())
            if session.modified or now - session.get(WRITTEN_AT, 0) >= REFRESH_SECONDS:
                session[WRITTEN_AT] = now  # marks it modified: saved with a new expiry
        return response
