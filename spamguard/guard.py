"""The check on an editor's save: the posted form is read before Wagtail saves it, for spam and
outside links the live version does not have already. Anyone gets a warning; a publish by someone
who is not a moderator is saved as a draft instead (or, for content without drafts, not saved)."""

from django.contrib import messages
from django.utils.translation import gettext as _

from .published import SiteScan
from .scan import Allowlist, find

# The roles that publish (editorial/migrations/0002_roles_and_review_workflow.py).
MODERATOR_GROUPS = ("Moderators", "Administrators")
# Posted values that are not content.
NOT_CONTENT = {"csrfmiddlewaretoken", "next", "loaded_revision_id", "loaded_revision_created_at"}
PUBLISH = "action-publish"


def is_moderator(user):
    return user.is_superuser or user.groups.filter(name__in=MODERATOR_GROUPS).exists()


def posted_hits(post, allowlist):
    """The hits in every posted value: plain fields, rich text as Draftail's JSON, StreamField blocks."""
    values = [value for key, values in post.lists() if key not in NOT_CONTENT for value in values]
    hits = [hit for value in values for hit in find(value, allowlist)]
    return list(dict.fromkeys(hits))


class SaveCheck:
    """What a POST to an admin editor adds, and whether it may go live. `live` is the object as it
    is published now, or None."""

    def __init__(self, request, live):
        self.request = request
        allowlist = Allowlist.current()
        already = SiteScan(allowlist).hits(live) if live is not None else set()
        self.hits = [hit for hit in posted_hits(request.POST, allowlist) if hit not in already]
        self.held = bool(self.hits) and not is_moderator(request.user)
        self.publish_held = False
        request.spamguard_check = self

    @property
    def found(self):
        return "; ".join(str(hit.label) for hit in self.hits)

    def hold_publish(self):
        """A publish becomes a draft save: Wagtail's editors save a draft when no action is posted."""
        if self.held and PUBLISH in self.request.POST:
            post = self.request.POST.copy()
            del post[PUBLISH]
            self.request.POST = post
            self.publish_held = True

    def refusal(self):
        return _(
            "Not saved: it contains %(found)s. Remove it, or ask a moderator to save it "
            "or to add the domain under Settings → Spam check."
        ) % {"found": self.found}


def warn_after_save(request, obj):
    """After Wagtail saved: the warning, in the admin language of the person who saved."""
    check = getattr(request, "spamguard_check", None)
    # Autosave answers in JSON: the warning waits for the save the editor makes.
    if check is None or not check.hits or not request.accepts("text/html"):
        return
    values = {"title": str(obj), "found": check.found}
    if check.publish_held:
        text = _(
            "“%(title)s” was saved as a draft, not published: it contains %(found)s. "
            "A moderator must check and publish it."
        )
    else:
        text = _(
            "Please check “%(title)s”: it now contains %(found)s. Gambling spam and links to sites "
            "not on the allowlist must not go live."
        )
    messages.warning(request, text % values)
