"""Builds the demo site in both languages. Idempotent: what exists already is left as it is,
so running it again never duplicates a page nor overwrites an editor's changes."""

from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from editorial.translation import TranslationCreator
from home.models import HomePage, StandardPage, VisitPage
from portal.models import Alert, LibraryProfile, LibrarySettings, OpeningPeriod, SpecialSchedule

from . import content, images

PAGE_TYPES = {"standard": StandardPage, "visit": VisitPage}


class DemoBuilder:
    def __init__(self, log):
        self.log = log
        self.id = Locale.objects.get(language_code="id")
        self.en = Locale.objects.get(language_code="en")
        self.images = {}

    def build(self):
        from gallery import demo as gallery_demo
        from home import demo as home_demo
        from local_content import demo as collection_demo
        from news import demo as news_demo
        from programmes import demo as programmes_demo

        self.build_images(content.IMAGES)
        self.build_images(news_demo.IMAGES)
        profile = self.build_profile()
        home, home_created = self.build_home()
        pages = {key: self.build_page(home, key, spec) for key, spec in content.PAGES.items()}
        news_pages = news_demo.build(self, home)
        gallery_demo.build(self, home, news_pages)
        programmes_demo.build(self, home, news_pages)
        collection_demo.build(self, home)
        home_demo.build(self, home)
        if home_created:
            self.fill_home(home, pages)
        self.build_settings(home, profile)
        self.build_holidays(pages["visit"])

    # Images ---------------------------------------------------------------------------

    def build_images(self, specs):
        Image = get_image_model()
        for key, spec in specs.items():
            image = Image.objects.filter(title=spec["title"]).first()
            if image is None:
                data = images.to_jpeg(getattr(images, spec["draw"])())
                image = Image(title=spec["title"], description=spec["alt"]["id"])
                image.file = ImageFile(images.named_bytes(data, f"demo-{key}.jpg"), name=f"demo-{key}.jpg")
                image.save()
                self.log(f"  image created: {spec['title']}")
            image.alt = spec["alt"]
            self.images[key] = image
        self.log(f"Images: {len(specs)} ready")

    # Library profile and settings ------------------------------------------------------

    def build_profile(self):
        profile, _english = self.ensure_snippet(LibraryProfile, {}, content.PROFILE["id"], content.PROFILE["en"])
        return profile

    def ensure_snippet(self, model, lookup, fields_id, fields_en):
        """The Indonesian snippet matching `lookup` (created with `fields_id` if missing) and its
        English translation (created with `fields_en` if missing), as a pair."""
        snippet = model.objects.filter(locale=self.id, **lookup).first()
        if snippet is None:
            snippet = model.objects.create(locale=self.id, **fields_id)
            self.log(f"{model._meta.verbose_name} (id): {snippet} created")
        translation = snippet.get_translation_or_none(self.en)
        if translation is None:
            translation = self.english_copy(snippet)
            for field, value in fields_en.items():
                setattr(translation, field, value)
            translation.save()
        return snippet, translation

    def build_settings(self, home, profile):
        site = Site.objects.get(root_page=home)
        library_settings = LibrarySettings.for_site(site)
        if library_settings.profile_id is None:
            library_settings.profile = profile
            library_settings.logo = None
            library_settings.save()
        if not library_settings.opening_hours.exists():
            OpeningPeriod.objects.bulk_create(
                OpeningPeriod(settings=library_settings, weekday=day, opens=opens, closes=closes, sort_order=n)
                for n, (day, opens, closes) in enumerate(content.OPENING_HOURS)
            )
        self.log("Site settings: ready")

    def build_holidays(self, visit_page):
        """The next national holidays as closed days, and a banner announcing them until they pass."""
        today = timezone.localdate()
        last_day = today
        for (month, day), words_id, words_en in content.HOLIDAYS:
            holiday = date(today.year, month, day)
            if holiday < today:
                holiday = holiday.replace(year=today.year + 1)
            last_day = max(last_day, holiday)
            self.ensure_snippet(
                SpecialSchedule,
                {"name": words_id["name"], "starts_on__gte": today},
                {**words_id, "starts_on": holiday, "ends_on": holiday, "closed": True},
                words_en,
            )
        ends_at = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=timezone.get_current_timezone())
        self.ensure_snippet(
            Alert,
            {"title": content.YEAR_END_ALERT["id"]["title"], "ends_at__gt": timezone.now()},
            {**content.YEAR_END_ALERT["id"], "level": Alert.Level.NOTICE, "link_page": visit_page, "ends_at": ends_at},
            content.YEAR_END_ALERT["en"],
        )
        self.log("Special opening hours and alert banner: ready")

    # Pages ---------------------------------------------------------------------------

    def build_home(self):
        home = HomePage.objects.filter(locale=self.id).first()
        created = home is None
        if created:
            root = Page.get_first_root_node()
            spec = content.HOME["id"]
            home = root.add_child(
                instance=HomePage(
                    title=spec["title"],
                    slug=spec["slug"],
                    locale=self.id,
                    search_description=spec["search_description"],
                    social_image=self.images["building"],
                )
            )
            home.save_revision().publish()
            self.serve_site_from(home)
            self.log("Home page (id): created")
        self.translate(home, {key: content.HOME["en"][key] for key in ("title", "slug", "search_description")})
        return home, created

    def serve_site_from(self, home):
        """Points the default site at the new home page and removes Wagtail's "Welcome" page."""
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        # The site's public address (used in hreflang links, feeds and sitemaps) is the one the
        # admin is configured with; editors can change it under Settings > Sites.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.root_page = home
        site.site_name = content.PROFILE["id"]["short_name"]
        site.save()
        Page.get_first_root_node().get_children().filter(content_type__model="page").delete()

    def fill_home(self, home, pages):
        for locale, page in ((self.id, home), (self.en, home.get_translation(self.en))):
            spec = content.HOME[locale.language_code]
            page.welcome_title = spec["welcome_title"]
            page.welcome_text = spec["welcome_text"]
            page.featured = [
                {
                    "type": "slide",
                    "value": {
                        "image": self.image_value(source["image"], locale),
                        "title": slide["title"],
                        "caption": slide["caption"],
                        "page": pages[source["page"]].get_translation(locale).pk,
                    },
                }
                for source, slide in zip(content.HOME["id"]["slides"], spec["slides"], strict=True)
            ]
            page.save_revision().publish()
        self.log("Home page: carousel and welcome text filled")

    def build_page(self, home, key, spec):
        return self.ensure_page(
            home,
            PAGE_TYPES[spec["type"]],
            self._page_fields(spec, self.id),
            self._page_fields(spec, self.en),
            show_in_menus=True,
        )

    def ensure_page(self, parent, page_class, fields_id, fields_en, tags=(), **shared):
        """The Indonesian page with this slug under `parent`, created if missing, and its English
        translation. `shared` fields are the same in both languages."""
        page = parent.get_children().filter(slug=fields_id["slug"]).specific().first()
        if page is None:
            page = page_class(locale=self.id, **shared, **fields_id)
            for tag in tags:
                page.tags.add(tag)
            page = parent.add_child(instance=page)
            page.save_revision().publish()
            self.log(f"Page {fields_id['title']} (id): created")
        self.translate(page, fields_en)
        return page

    def translate(self, page, fields):
        """Creates the English translation of a page with the given fields, unless it exists."""
        if page.get_translation_or_none(self.en) is not None:
            return
        translation = self.english_copy(page)
        for field, value in fields.items():
            setattr(translation, field, value)
        translation.save_revision().publish()
        self.log(f"Page {fields['title']} (en): created")

    def english_copy(self, source):
        """The English copy of a page or snippet, made as the admin's "Translate" makes it (with
        wagtail-localize's records, so that a later sync leaves what is translated alone), for
        the caller to fill with the English words."""
        TranslationCreator(None, [self.en]).create_translations(source, include_related_objects=False)
        return source.get_translation(self.en)

    def body(self, blocks, locale):
        return [self._block(block, locale) for block in blocks]

    def _page_fields(self, spec, locale):
        words = spec[locale.language_code]
        fields = {key: words[key] for key in ("title", "slug", "introduction", "search_description")}
        fields["body"] = self.body(words["body"], locale)
        if spec["type"] == "visit":
            fields.update(content.LIBRARY_LOCATION)
            fields["membership"] = words["membership"]
            fields["facilities"] = [
                {"type": "facility", "value": {"kind": kind, "name": name, "description": description}}
                for kind, name, description in words["facilities"]
            ]
        return fields

    def _block(self, block, locale):
        kind, *args = block
        if kind == "heading":
            return {"type": "heading", "value": {"text": args[0], "level": "h2"}}
        if kind == "paragraph":
            return {"type": "paragraph", "value": args[0]}
        if kind == "image":
            return {
                "type": "image",
                "value": {
                    "image": self.image_value(args[0], locale),
                    "caption": args[1],
                    "credit": "",
                },
            }
        if kind == "quote":
            return {"type": "quote", "value": {"quote": args[0], "attribution": args[1]}}
        if kind == "table":
            return {
                "type": "table",
                "value": {
                    "data": args[0],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "",
                },
            }
        raise ValueError(f"Unknown demo block: {kind}")

    def image_value(self, key, locale):
        return {
            "image": self.images[key].pk,
            "alt_text": self.images[key].alt[locale.language_code],
            "decorative": False,
        }
