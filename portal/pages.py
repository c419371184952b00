"""What every page type shares: the base class and looking pages up in the active language."""

from wagtail.models import Locale, Page

from portal.seo import SeoMixin


class BasePage(SeoMixin, Page):
    promote_panels = Page.promote_panels + SeoMixin.seo_panels

    class Meta:
        abstract = True


def localized(pages, locale=None):
    """The given pages swapped for their live translations in `locale` (the active language by
    default) where they exist, in one query for the whole list. Keeps order; None stays None."""
    wanted = [page for page in pages if page is not None]
    if not wanted:
        return list(pages)
    locale = locale or Locale.get_active()
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in={page.translation_key for page in wanted}, locale=locale)
        .specific()
    }
    return [None if page is None else translations.get(page.translation_key, page) for page in pages]
