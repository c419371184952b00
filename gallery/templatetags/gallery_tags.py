from django import template

from gallery.models import albums_linking_to
from portal.i18n import active_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def related_albums(context, page):
    """Albums that list this page (a news item, a programme) among their related pages."""
    return albums_linking_to(page, active_locale())
