from django import template

from programmes import charts

register = template.Library()


@register.simple_tag
def chart_geometry(points):
    return charts.chart(points)


@register.filter
def number(value):
    """12 not 12.00, 1.5 not 1.50: figures as a person writes them."""
    normalized = value.normalize() if hasattr(value, "normalize") else value
    return format(normalized, "f") if hasattr(normalized, "as_tuple") else normalized
