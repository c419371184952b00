"""Blocks of a programme showcase: impact figures, charts, milestones and reports."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class FigureBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("What is counted"), max_length=120, help_text=_("E.g. pilot villages"))
    value = blocks.DecimalBlock(label=_("Number"), decimal_places=2)
    unit = blocks.CharBlock(label=_("Unit"), required=False, max_length=30, help_text=_("E.g. Mbps, people"))
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1900, max_value=2200)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "table"
        label = _("Impact figure")
        description = _("One number that shows what the programme changed, with its year and source.")
        template = "programmes/blocks/figure_block.html"
        preview_value = {"label": "desa percontohan", "value": "5", "unit": "", "year": 2014, "source": "Perpusda"}


class ChartPointBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=40, help_text=_("E.g. a year: 2013"))
    value = blocks.DecimalBlock(label=_("Value"), decimal_places=2)

    class Meta:
        icon = "pick"
        label = _("Point")


class ChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    description = blocks.CharBlock(
        label=_("What the chart shows"),
        max_length=300,
        help_text=_("One sentence read out to people who cannot see the chart."),
    )
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=[("bar", _("Bars")), ("line", _("Line"))], default="bar")
    unit = blocks.CharBlock(label=_("Unit"), required=False, max_length=30)
    points = blocks.ListBlock(ChartPointBlock(), label=_("Values"), min_num=1, max_num=24)

    class Meta:
        icon = "chart"
        label = _("Chart")
        description = _("A bar or line chart drawn from a few values, with a sentence for screen readers.")
        template = "programmes/blocks/chart_block.html"
        preview_value = {
            "title": "Kapasitas internet",
            "description": "Kapasitas internet naik dari 1 Mb menjadi 60 Mb.",
            "kind": "bar",
            "unit": "Mb",
            "points": [{"label": "2013", "value": "1"}, {"label": "2014", "value": "60"}],
        }


class MilestoneBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Read more"), required=False, help_text=_("A news item or an album."))

    class Meta:
        icon = "date"
        label = _("Milestone")
        description = _("A dated step of the programme on its timeline.")
        template = "programmes/blocks/milestone_block.html"
        preview_value = {"date": "2014-12-29", "title": "Lima desa menerima komputer", "text": ""}


def milestone_value(data):
    """A milestone as its template reads it, from the data its StreamField stores; the page left as
    its id, for the page to read every milestone's page at once."""
    dates = MilestoneBlock.base_blocks["date"]
    return {
        "date": dates.to_python(data.get("date")),
        "title": data.get("title", ""),
        "text": data.get("text", ""),
        "page": data.get("page"),
    }
