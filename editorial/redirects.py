"""Automatic redirects only from addresses visitors could have used.

Wagtail 8.0 makes a redirect whenever a page's slug changes or it moves, drafts included. A draft's
record is saved on every autosave, and its slug follows the title as the editor types, so each new
page left a trail of redirects from half-typed addresses in Settings > Redirects (wagtail#13978).
Wagtail's next release makes them only for live pages (wagtail commit e7c765f1b4); until then its
two receivers run only for those. Remove this when the project moves to that release."""

import functools

from wagtail.contrib.redirects import signal_handlers
from wagtail.signals import page_slug_changed, post_page_move


def only_for_live_pages(receiver, page_of):
    @functools.wraps(receiver)
    def for_live_pages(**kwargs):
        if page_of(kwargs).live:
            return receiver(**kwargs)

    return for_live_pages


def connect():
    """Takes Wagtail's receivers' places, whether its redirects app is ready before or after."""
    for signal, name, page_of in (
        (page_slug_changed, "autocreate_redirects_on_slug_change", lambda kwargs: kwargs["instance_before"]),
        (post_page_move, "autocreate_redirects_on_page_move", lambda kwargs: kwargs["instance"]),
    ):
        wagtails = getattr(signal_handlers, name)
        ours = only_for_live_pages(wagtails, page_of)
        setattr(signal_handlers, name, ours)
        signal.disconnect(wagtails)
        signal.connect(ours)
