"""The library's profile, settings, opening hours and holidays (library.toml), and the home page,
the pages in the menu and the contact page (home.toml)."""

from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page, Site

from home.models import ContactPage, FormField, HomePage, StandardPage, VisitPage
from portal.models import Alert, LibraryProfile, LibrarySettings, OpeningPeriod, SpecialSchedule

from .datafiles import LANGUAGES, load, words

LIBRARY = load("library")
HOME = load("home")
PAGE_TYPES = {"standard": StandardPage, "visit": VisitPage}
PROFILE_FIELDS = ("name", "short_name", "tagline", "address", "hours_note")
PAGE_FIELDS = ("title", "slug", "introduction", "search_description")


def build_profile(loader):
    fields_id, fields_en = (words(LIBRARY["profile"], language, PROFILE_FIELDS) for language in LANGUAGES)
    profile, _english = loader.ensure_snippet(LibraryProfile, {}, fields_id, fields_en)
    return profile


def build_home(loader):
    """The Indonesian home page (created and served by the default site if missing), and whether it was created."""
    keys = ("title", "slug", "search_description")
    home = HomePage.objects.filter(locale=loader.id).first()
    created = home is None
    if created:
        page = HomePage(locale=loader.id, social_image=loader.images["building"], **words(HOME["home"], "id", keys))
        home = loader.add_page(Page.get_first_root_node(), page)
        serve_site_from(home)
    loader.translate(home, words(HOME["home"], "en", keys))
    return home, created


def serve_site_from(home):
    """Points the default site at the new home page and removes Wagtail's "Welcome" page."""
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # The site's public address (used in hreflang links, feeds and sitemaps) is the one the
    # admin is configured with; editors can change it under Settings > Sites.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = LIBRARY["profile"]["short_name"]["id"]
    site.save()
    Page.get_first_root_node().get_children().filter(content_type__model="page").delete()


def build_menu_pages(loader, home):
    """The pages of home.toml's [pages], by key."""
    return {
        key: loader.ensure_page(
            home,
            PAGE_TYPES[spec["type"]],
            *(page_fields(loader, spec, language) for language in LANGUAGES),
            show_in_menus=True,
        )
        for key, spec in HOME["pages"].items()
    }


def page_fields(loader, spec, language):
    fields = words(spec, language, PAGE_FIELDS)
    fields["body"] = loader.body(spec["body"], language)
    if spec["type"] == "visit":
        fields.update(LIBRARY["location"])
        fields["membership"] = spec["membership"][language]
        fields["facilities"] = [
            {
                "type": "facility",
                "value": {"kind": facility["kind"], **words(facility, language, ("name", "description"))},
            }
            for facility in spec["facilities"]
        ]
    return fields


def build_contact(loader, home):
    spec = HOME["contact"]
    keys = (*PAGE_FIELDS, "thank_you_text")
    page = home.get_children().filter(slug=spec["slug"]["id"]).specific().first()
    if page is None:
        page = ContactPage(locale=loader.id, show_in_menus=True, **words(spec, "id", keys))
        for field in spec["fields"]:
            page.form_fields.add(FormField(field_type=field["type"], **form_field_words(field, "id")))
        page = loader.add_page(home, page)

    def translate_fields(translation):
        # The copied fields keep their names, so answers in both languages are stored alike.
        fields = list(translation.form_fields.all())
        for field, source in zip(fields, spec["fields"], strict=True):
            english = form_field_words(source, "en")
            field.label, field.choices = english["label"], english["choices"]
        translation.form_fields = fields

    loader.translate(page, words(spec, "en", keys), translate_fields)
    return page


def form_field_words(field, language):
    return {"label": field["label"][language], "choices": "\n".join(field.get("choices", {}).get(language, []))}


def fill_home(loader, home, pages):
    spec = HOME["home"]
    for language in LANGUAGES:
        page = home if language == "id" else home.get_translation(loader.en)
        page.welcome_title = spec["welcome_title"][language]
        page.welcome_text = spec["welcome_text"][language]
        page.featured = [
            {
                "type": "slide",
                "value": {
                    "image": loader.image_value(loader.images[slide["image"]], language),
                    **words(slide, language, ("title", "caption")),
                    "page": pages[slide["page"]].get_translation(page.locale).pk,
                },
            }
            for slide in spec["slides"]
        ]
        page.save_revision().publish()
    loader.log("Home page: carousel and welcome text filled")


def build_settings(loader, home, profile):
    site = Site.objects.get(root_page=home)
    library_settings = LibrarySettings.for_site(site)
    if library_settings.profile_id is None:
        library_settings.profile = profile
        library_settings.logo = None
        library_settings.save()
    if not library_settings.opening_hours.exists():
        OpeningPeriod.objects.bulk_create(
            OpeningPeriod(settings=library_settings, sort_order=n, **period)
            for n, period in enumerate(LIBRARY["opening_hours"])
        )
    loader.log("Site settings: ready")


def build_holidays(loader, visit_page):
    """The next national holidays as closed days, and a banner announcing them until they pass."""
    today = timezone.localdate()
    last_day = today
    for holiday in LIBRARY["holidays"]:
        day = date(today.year, holiday["month"], holiday["day"])
        if day < today:
            day = day.replace(year=today.year + 1)
        last_day = max(last_day, day)
        fields_id, fields_en = (words(holiday, language, ("name", "note")) for language in LANGUAGES)
        loader.ensure_snippet(
            SpecialSchedule,
            {"name": fields_id["name"], "starts_on__gte": today},
            {**fields_id, "starts_on": day, "ends_on": day, "closed": True},
            fields_en,
        )
    ends_at = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=timezone.get_current_timezone())
    alert_id, alert_en = (words(LIBRARY["alert"], language, ("title", "message")) for language in LANGUAGES)
    loader.ensure_snippet(
        Alert,
        {"title": alert_id["title"], "ends_at__gt": timezone.now()},
        {**alert_id, "level": Alert.Level.NOTICE, "link_page": visit_page, "ends_at": ends_at},
        alert_en,
    )
    loader.log("Special opening hours and alert banner: ready")
