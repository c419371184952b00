from django import template

from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import routablepageurl

from news.models import NewsIndexPage
from portal.context import cached, cached_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def news_feed_url(context):
    """The RSS feed of the news section in the active language, or '' when there is none."""
    request = context["request"]

    def compute():
        index = NewsIndexPage.objects.live().filter(locale=cached_locale(request)).first()
        return routablepageurl(context, index, "rss") if index else ""

    return cached(request, "news_feed_url", compute)
