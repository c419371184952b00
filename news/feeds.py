"""RSS 2.0 and Atom feeds of the latest news of one language, all or one category."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

from portal.images import kept_rendition
from portal.models import LibrarySettings

FEED_ITEMS = 20
FEED_IMAGE = "fill-1200x630|format-jpeg"


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page, category=None):
        super().__init__()
        self.index_page = index_page
        self.category = category

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        profile = LibrarySettings.for_request(self.request).profile
        parts = [self.index_page.title, self.category.name if self.category else None, profile and profile.name]
        return " · ".join(str(part) for part in parts if part)

    def link(self):
        return self.index_page.get_full_url(self.request)

    def description(self):
        return self.index_page.introduction or self.title()

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        news = self.index_page.news().select_related("lead_image", "category")
        if self.category:
            news = news.filter(category=self.category)
        return news[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        # The publication date is a day: stamp it at 08:00 Jakarta time, when the office opens.
        return timezone.make_aware(datetime.combine(item.date, time(8)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.category.name] if item.category else []

    def item_enclosures(self, item):
        if not item.lead_image:
            return []
        rendition = kept_rendition(item.lead_image, FEED_IMAGE)
        if not rendition.width:  # its file is missing: the item without its picture, not an error
            return []
        return [Enclosure(self.request.build_absolute_uri(rendition.url), str(rendition.file.size), "image/jpeg")]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
