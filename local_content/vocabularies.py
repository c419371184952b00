"""The values items are described with, shared by the pages, browsing and OAI-PMH."""

from django.utils.translation import gettext_lazy as _

# DCMI Type Vocabulary, the values of dc:type.
DC_TYPES = [
    ("Text", _("Text")),
    ("StillImage", _("Image")),
    ("Sound", _("Sound")),
    ("MovingImage", _("Moving image")),
    ("PhysicalObject", _("Physical object")),
    ("Collection", _("Collection")),
    ("Dataset", _("Dataset")),
    ("Event", _("Event")),
]

# ISO 639 codes of the languages the collection holds.
LANGUAGES = [
    ("mad", _("Madurese")),
    ("id", _("Indonesian")),
    ("jv", _("Javanese")),
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("nl", _("Dutch")),
]
