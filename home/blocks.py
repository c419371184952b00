"""Blocks of the visit page: what the library offers on site."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class FacilityBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("reading", _("Reading room")),
            ("internet", _("Internet corner")),
            ("children", _("Children's corner")),
            ("accessibility", _("Accessibility")),
            ("study", _("Study or meeting room")),
            ("other", _("Other")),
        ],
        default="reading",
        help_text=_("Chooses the small picture shown next to the name."),
    )
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=400)

    class Meta:
        icon = "list-ul"
        label = _("Facility")
        description = _("Something the library offers on site: a reading room, an internet corner, access.")
        template = "blocks/facility_block.html"
        preview_value = {
            "kind": "children",
            "name": "Pojok anak",
            "description": "Buku bergambar dan dongeng setiap Sabtu pagi.",
        }
