from datetime import date, datetime

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.blocks import BodyBlock, RelatedPagesBlock
from portal.pages import (
    BasePage,
    IndexPage,
    LeadImageMixin,
    kept_with_page,
    linking_to,
    listing,
    page_of,
    visible,
)
from portal.seo import article_data, compact, publisher_data
from portal.text import printable

from . import feeds

NEWS_PER_PAGE = 12
# What a news card shows (components/news_card.html, the home page's slides): a list reads no more,
# which makes it a third cheaper to build than one of every field of a news item.
CARD_FIELDS = ("title", "url_path", "date", "summary", "lead_image", "lead_image_alt", "category__name")


class NewsCategory(TranslatableMixin, models.Model):
    """Kegiatan, Penghargaan, Program, Cerita Dampak, Pengumuman: one per language."""

    name = models.CharField(
        _("name"),
        max_length=80,
        help_text=_("As visitors see it on news pages and in the category filter, e.g. Awards."),
    )
    slug = models.SlugField(
        _("slug"), max_length=80, allow_unicode=True, help_text=_("Used in addresses, e.g. ?category=awards.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), TranslatableField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    def news(self):
        return visible(NewsPage.objects.all()).child_of(self).order_by("-date", "-pk")

    def categories(self):
        return NewsCategory.objects.filter(locale_id=self.locale_id)

    @path("")
    def index(self, request):
        filters = NewsFilters(request.GET, self)
        if filters.active:
            ids = list(filters.apply(self.news()).values_list("pk", flat=True))
        else:
            ids = kept_with_page(self, "news_ids", lambda: [pk for pk, _category, _tags in news_table(self)])
        news = news_cards(NewsPage.objects.all())
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "news_page": page_of(news, ids, NEWS_PER_PAGE, request.GET.get("page")),
                "archive": kept_with_page(self, "news_archive", self.archive),
            },
        )

    def archive(self):
        """(year, month, name) of each month with news, newest first, named in the page's language:
        a long-running site has hundreds, named once per process rather than on every render."""
        months = self.news().dates("date", "month", order="DESC")
        return [(month.year, month.month, date_format(month, "F Y")) for month in months]

    @path("feed/", name="rss")
    def rss(self, request):
        return feeds.NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return feeds.NewsAtomFeed(self)(request)

    @path("<str:category>/feed/", name="category_rss")
    def category_rss(self, request, category):
        return feeds.NewsRssFeed(self, self._category(category))(request)

    @path("<str:category>/feed/atom/", name="category_atom")
    def category_atom(self, request, category):
        return feeds.NewsAtomFeed(self, self._category(category))(request)

    def _category(self, slug):
        category = self.categories().filter(slug=slug).first()
        if category is None:
            raise Http404
        return category


class NewsFilters:
    """Category, tag and year/month from the query string. Unknown or malformed values are
    ignored, so a bad link still shows news rather than an error."""

    def __init__(self, params, index_page):
        self.category = index_page.categories().filter(slug=printable(params.get("category", "")[:80])).first()
        self.tag = printable(params.get("tag", "")[:100])
        self.year = _number(params.get("year"), 1900, 2200)
        self.month = _number(params.get("month"), 1, 12) if self.year else None

    def apply(self, news):
        if self.category:
            news = news.filter(category=self.category)
        if self.tag:
            news = news.filter(tags__slug=self.tag)
        if self.month:  # a range, which the index on the date answers (EXTRACT(MONTH) reads every item)
            start = date(self.year, self.month, 1)
            end = date(self.year + self.month // 12, self.month % 12 + 1, 1)
            news = news.filter(date__gte=start, date__lt=end)
        elif self.year:
            news = news.filter(date__year=self.year)
        return news

    @property
    def active(self):
        return bool(self.category or self.tag or self.year)

    @property
    def month_date(self):
        return datetime(self.year, self.month, 1) if self.month else None


def _number(value, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


class NewsPage(LeadImageMixin, BasePage):
    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        db_index=True,  # lists and feeds order by it
        help_text=_("Shown on the page and orders the news."),
    )
    author = models.CharField(_("byline"), max_length=120, blank=True, help_text=_("Who wrote it, e.g. Tim Humas."))
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Groups the news in lists and feeds; visitors can filter by it."),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Words that link news on one theme, e.g. batik; visitors can follow a tag to the other news."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The full story: paragraphs, headings, photos, quotes, videos, documents and tables."),
    )
    related_pages = StreamField(
        RelatedPagesBlock(),
        blank=True,
        verbose_name=_("related pages"),
        help_text=_("A programme, an album or collection items this news is about."),
    )
    feature_on_home = models.BooleanField(
        _("feature on the home page"),
        default=False,
        help_text=_("Adds this news to the carousel on the home page (with its lead image)."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        *LeadImageMixin.lead_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("tags"), FieldPanel("related_pages"), FieldPanel("feature_on_home")],
            heading=_("Sorting and links"),
        ),
    ]
    translatable_fields = (
        BasePage.translatable_fields
        + LeadImageMixin.lead_translatable_fields
        + [
            SynchronizedField("date"),
            TranslatableField("author"),
            TranslatableField("body"),
            # Links to the category's translation; tags stay shared by all languages.
            TranslatableField("category"),
            SynchronizedField("tags"),
            SynchronizedField("tagged_items"),
            SynchronizedField("related_pages"),
            SynchronizedField("feature_on_home"),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    og_type = "article"
    # Its related news are other news items: kept with its parent's children (ops/dependencies.py).
    lists_siblings = True

    read_with_page = ("lead_image", "category")

    class Meta:
        verbose_name = _("news page")
        ordering = ["-date"]
        # The home page's slides: the newest few featured news, found without reading every item's date.
        indexes = [
            models.Index(fields=["date"], condition=models.Q(feature_on_home=True), name="news_featured_by_date")
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tags"] = list(self.tags.all())
        context["related_news"] = self.related_news(context["tags"])
        context["related_pages"] = RelatedPagesBlock.pages(self.related_pages)
        return context

    def structured_data(self, request):
        return [
            article_data(self, request)
            | compact(
                {
                    "@type": "NewsArticle",
                    "datePublished": self.date.isoformat(),
                    "author": {"@type": "Person", "name": self.author} if self.author else publisher_data(request),
                    "articleSection": self.category.name if self.category else None,
                }
            )
        ]

    def related_news(self, tags, limit=3):
        """Other news of its index in the same category or sharing one of `tags` (the page's),
        newest first: the first few found in the index's kept table, then read by id."""
        tags = {tag.pk for tag in tags if tag.pk}  # also works on an unsaved preview
        if not (self.category_id or tags) or not self.path:
            return []
        ids = []
        for pk, category, tag_ids in news_table(self.get_parent()):
            if pk != self.pk and ((self.category_id and category == self.category_id) or not tags.isdisjoint(tag_ids)):
                ids.append(pk)
                if len(ids) == limit:
                    break
        found = news_cards(NewsPage.objects.all()).order_by().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def news_linking_to(page, limit=6):
    """News in the page's language that link to `page` (a programme, a village library), newest first."""
    news = linking_to(page, NewsPage, page.locale)
    return list(news_cards(news).order_by("-date", "-pk")[:limit]) if news is not None else []


def news_cards(news):
    """News items (a queryset) for their cards: lead image and category in the same query."""
    return listing(news).select_related("category").only(*CARD_FIELDS)


def news_table(index):
    """(pk, category id, tag ids) of each visible news item of the index, newest first: read from
    every news item, so kept per process until the next one published."""

    def compute():
        news = visible(NewsPage.objects.all()).child_of(index).order_by("-date", "-pk")
        tags = {}
        for pk, tag in NewsPageTag.objects.filter(content_object__in=news.values("pk")).values_list(
            "content_object_id", "tag_id"
        ):
            tags.setdefault(pk, set()).add(tag)
        return [(pk, category, frozenset(tags.get(pk, ()))) for pk, category in news.values_list("pk", "category_id")]

    return kept_with_page(index, "news_table", compute)


# The events live in their own module; imported here, Django counts them among the news app's models.
from .events import EventIndexPage, EventPage, upcoming_filter  # noqa: E402, F401
