"""What counts as spam in a piece of text: online-gambling phrases, and links to outside domains
that are not on the allowlist. Works on any text a field holds (plain text, rich-text HTML, a
StreamField's JSON, a file name), so that a new field or block type needs no code here."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from .models import SpamGuardSettings

# Phrases seen in defaced Indonesian government and school sites. Whole phrases only: "bandar" alone
# is a town (Bandar Lampung), "slot" a time slot, "gacor" a singing bird, "scatter" an English word.
PHRASES = [
    "slot gacor",
    "situs slot",
    "slot online",
    "judi slot",
    "judi online",
    "judi bola",
    "agen judi",
    "bandar judi",
    "bandar togel",
    "togel",
    "toto gelap",
    "maxwin",
    "rtp live",
    "rtp slot",
    "scatter hitam",
    "mahjong ways",
    "deposit pulsa",
    "sbobet",
    "casino online",
    "kasino online",
    "poker online",
    "link alternatif",
]
# Words may be joined by spaces, dashes or underscores, or not at all (slot-gacor, slotgacor88),
# and followed by digits; never inside a longer word.
PHRASE_PATTERN = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(r"[\s_-]*".join(map(re.escape, phrase.split())) for phrase in PHRASES)
    + r")\d*(?![^\W_])",
    re.IGNORECASE,
)
# An address with its scheme (anywhere: text, HTML, JSON), one that starts with www., or a
# protocol-relative one in an href or src attribute.
HOST = r"[^\s/?#\"'<>\\,;()\[\]]+"
LINK_PATTERN = re.compile(
    rf"\bhttps?://({HOST})|(?<![\w.@/-])(www\.{HOST})|\b(?:href|src)\s*=\s*[\"']?//({HOST})",
    re.IGNORECASE,
)

# Always allowed: Indonesian government, universities, schools and villages.
ALLOWED_SUFFIXES = ("go.id", "ac.id", "sch.id", "desa.id")
# What the site itself links to (the clean demo site's content links nowhere else): the social
# media of the library's settings and of the share links, the map, embedded videos.
ALLOWED_DOMAINS = (
    "facebook.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "wa.me",
    "openstreetmap.org",
    "youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "vimeo.com",
)

PHRASE = "phrase"
LINK = "link"


@dataclass(frozen=True)
class Hit:
    """One thing found in a text: a gambling phrase or the domain of an outside link."""

    kind: str
    value: str

    @property
    def label(self):
        if self.kind == PHRASE:
            return _("gambling phrase “%(phrase)s”") % {"phrase": self.value}
        return _("link to an outside domain: %(domain)s") % {"domain": self.value}


def domain_list(text):
    """The domains of a text with one per line, as the allowlist setting holds them; an address
    pasted whole counts by its host, without "www." (the site's other subdomains are as trusted)."""
    domains = []
    for line in text.splitlines():
        line = line.strip().lower()
        if line:
            host = urlsplit(line if "//" in line else f"//{line}").hostname or line
            domains.append(host.removeprefix("www."))
    return domains


class Allowlist:
    """The domains links may go to: the site's own hostnames, the built-in ones, and those of
    the setting; each with its subdomains."""

    def __init__(self, extra=()):
        self.domains = {*ALLOWED_SUFFIXES, *ALLOWED_DOMAINS, *extra}

    @classmethod
    def current(cls):
        hostnames = Site.objects.values_list("hostname", flat=True)
        return cls([*hostnames, *domain_list(SpamGuardSettings.load().allowed_domains)])

    def allows(self, host):
        host = host.lower().rstrip(".")
        parts = host.split(".")
        return any(".".join(parts[start:]) in self.domains for start in range(len(parts)))


def link_hosts(text):
    for match in LINK_PATTERN.finditer(text):
        address = next(group for group in match.groups() if group)
        # Parsed as an address, so that "user@host" and ":8080" leave the host alone.
        host = (urlsplit(f"//{address}").hostname or "").rstrip(".")
        if "." in host:
            yield host


def find(text, allowlist):
    """The hits in `text`, each once, in the order they appear."""
    hits = [Hit(PHRASE, " ".join(match.group().lower().split())) for match in PHRASE_PATTERN.finditer(text)]
    hits += [Hit(LINK, host.removeprefix("www.")) for host in link_hosts(text) if not allowlist.allows(host)]
    return list(dict.fromkeys(hits))
