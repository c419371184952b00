from django import template

register = template.Library()


@register.inclusion_tag("visits/group_visit_card.html")
def group_visit_card():
    """The visit page's invitation to groups: a link to the request form, which has its own
    address so that the visit page stays in the page cache."""
    return {}
