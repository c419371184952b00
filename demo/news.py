"""News, stories and events (news.toml, events.toml), written anew in both languages from the
library's own reports."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from news.models import EventIndexPage, EventPage, NewsCategory, NewsIndexPage, NewsPage

from .datafiles import LANGUAGES, load, words

NEWS = load("news")
EVENTS = load("events")
INDEX_FIELDS = ("title", "slug", "introduction")


def build(loader, home):
    """Builds news and events; returns the Indonesian news pages by slug for other sections to link to."""
    categories = build_categories(loader)
    news_index = loader.ensure_page(home, NewsIndexPage, *index_fields(NEWS["index"]), show_in_menus=True)
    pages = {}
    for item in NEWS["news"]:
        pages[item["slug"]["id"]] = loader.ensure_page(
            news_index,
            NewsPage,
            *(news_fields(loader, item, language, categories) for language in LANGUAGES),
            tags=item["tags"],
            date=item.get("date") or timezone.localdate(),
            lead_image=loader.images[item["image"]],
            feature_on_home=item.get("feature", False),
        )
    event_index = loader.ensure_page(home, EventIndexPage, *index_fields(EVENTS["index"]), show_in_menus=True)
    for item in EVENTS["events"]:
        loader.ensure_page(
            event_index,
            EventPage,
            *(event_fields(loader, item, language) for language in LANGUAGES),
            lead_image=loader.images[item["image"]],
            all_day=item.get("all_day", False),
            **event_times(item),
        )
    return pages


def index_fields(spec):
    """The Indonesian and English fields of a section's index page."""
    return [words(spec, language, INDEX_FIELDS) for language in LANGUAGES]


def build_categories(loader):
    """Categories by key, each as {language: category}."""
    found = {}
    for key, spec in NEWS["categories"].items():
        fields_id, fields_en = (words(spec, language, ("name", "slug")) for language in LANGUAGES)
        category, translation = loader.ensure_snippet(NewsCategory, {"slug": fields_id["slug"]}, fields_id, fields_en)
        found[key] = {"id": category, "en": translation}
    return found


def news_fields(loader, item, language, categories):
    return {
        **words(item, language, ("title", "slug", "summary")),
        "lead_image_alt": loader.images[item["image"]].alt[language],
        "lead_image_caption": item["caption"][language],
        "category": categories[item["category"]][language],
        "body": loader.paragraphs(item["body"][language]),
    }


def event_fields(loader, item, language):
    return {
        "venue": "",
        **words(item, language, ("title", "slug", "summary", "venue", "organiser")),
        "lead_image_alt": loader.images[item["image"]].alt[language],
        "body": loader.paragraphs(item["body"][language]),
    }


def event_times(item):
    day = item.get("date") or timezone.localdate() + timedelta(days=item["days"])
    end_day = timezone.localdate() + timedelta(days=item["end_days"]) if "end_days" in item else day
    if item.get("all_day"):
        return {"start": _at(day, time.min), "end": None}
    return {"start": _at(day, item["start"]), "end": _at(end_day, item["end"])}


def _at(day, clock):
    return timezone.make_aware(datetime.combine(day, clock))
