"""Programmes, partners and village libraries (programmes.toml), with figures taken only from the
library's reports."""

from decimal import Decimal

from programmes.models import Partner, ProgrammeIndexPage, ProgrammePage, VillageLibraryIndexPage, VillageLibraryPage

from .datafiles import LANGUAGES, load, words
from .news import index_fields

PROGRAMMES = load("programmes")
VILLAGE_FACTS = ("village", "district", "year_joined", "computers", "internet", "latitude", "longitude")


def build(loader, home, news):
    """`news`: the Indonesian news pages by slug, which milestones link to."""
    partners = build_partners(loader)
    index = loader.ensure_page(home, ProgrammeIndexPage, *index_fields(PROGRAMMES["index"]), show_in_menus=True)
    village_programme = None
    for item in PROGRAMMES["programmes"]:
        page = loader.ensure_page(
            index,
            ProgrammePage,
            *(programme_fields(loader, item, language, partners, news) for language in LANGUAGES),
            period_start=item["start"],
            period_end=item.get("end"),
            lead_image=loader.images[item["image"]],
        )
        if item.get("villages"):
            village_programme = page
        linked = {milestone.get("news") for milestone in item["milestones"]}
        link_news_to(loader, page, [news_page for slug, news_page in news.items() if slug in linked])
    village_index = loader.ensure_page(index, VillageLibraryIndexPage, *index_fields(PROGRAMMES["village_index"]))
    image = loader.images["village"]
    for village in PROGRAMMES["villages"]:
        loader.ensure_page(
            village_index,
            VillageLibraryPage,
            *(
                {**words(village, language, ("title", "slug", "summary")), "lead_image_alt": image.alt[language]}
                for language in LANGUAGES
            ),
            programme=village_programme,
            lead_image=image,
            **{fact: village[fact] for fact in VILLAGE_FACTS},
        )


def build_partners(loader):
    """Partners by key, each as {language: partner}."""
    found = {}
    for key, spec in PROGRAMMES["partners"].items():
        fields = {"name": spec["name"], "kind": spec["kind"], "website": spec["website"]}
        partner, translation = loader.ensure_snippet(
            Partner,
            {"name": spec["name"]},
            {**fields, "description": spec["description"]["id"]},
            {"description": spec["description"]["en"]},
        )
        found[key] = {"id": partner, "en": translation}
    return found


def programme_fields(loader, item, language, partners, news):
    return {
        **words(item, language, ("title", "slug", "summary")),
        "lead_image_alt": loader.images[item["image"]].alt[language],
        "goals": blocks("goal", item["goals"][language]),
        "target_groups": blocks("group", item["groups"][language]),
        "places": blocks("place", item["places"][language]),
        "partners": blocks("partner", [partners[key][language].pk for key in item["partners"]]),
        "figures": [figure(spec, language) for spec in item["figures"]],
        "charts": [chart(spec, language) for spec in item["charts"]],
        "milestones": [milestone(spec, language, news) for spec in item["milestones"]],
        "body": loader.paragraphs(item["body"][language]),
    }


def blocks(kind, values):
    return [{"type": kind, "value": value} for value in values]


def figure(spec, language):
    label, unit, source = (spec[key][language] for key in ("label", "unit", "source"))
    value = {"label": label, "value": Decimal(spec["value"]), "unit": unit, "year": spec["year"], "source": source}
    return {"type": "figure", "value": value}


def chart(spec, language):
    points = [{"label": point["label"][language], "value": Decimal(point["value"])} for point in spec["points"]]
    title, description, unit = (spec[key][language] for key in ("title", "description", "unit"))
    value = {"title": title, "description": description, "kind": spec["kind"], "unit": unit, "points": points}
    return {"type": "chart", "value": value}


def milestone(spec, language, news):
    page = news.get(spec.get("news"))
    value = {"date": spec["date"], **words(spec, language, ("title", "text")), "page": page.pk if page else None}
    return {"type": "milestone", "value": value}


def link_news_to(loader, programme, news_pages):
    """Lists the programme among the related pages of these news items (both languages), once."""
    for news_page in news_pages:
        for version in (news_page, news_page.get_translation(loader.en)):
            version = version.specific
            if any(block.value.pk == programme.pk for block in version.related_pages):
                continue
            version.related_pages.append(("page", programme))
            version.save_revision().publish()
