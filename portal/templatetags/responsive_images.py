"""{% responsive_image %}: Wagtail's {% srcset_image %} with one source per width; and
{% rendition image "width-1600" "format-webp" as large %}, Wagtail's {% image … as large %}.

Wagtail does not enlarge an image, so a photo narrower than the widest rendition asked for gives
several sources of the same width, which browsers may pick badly and the HTML checker refuses.

Both are kept per process until the next change to the site (portal/images.py)."""

from django import template

from wagtail.images.models import ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode, image

from portal.images import image_key, keep, kept_rendition

register = template.Library()


@register.simple_tag
def rendition(image, *specs):
    """The rendition of `image` for `specs` (nothing for no image); its `url`, `width`, `height`."""
    if not image:
        return None
    return kept_rendition(image, "|".join(specs))


class ResponsiveImageNode(SrcsetImageNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        key = (
            *image_key(image),
            tuple(self.filter_specs),
            tuple(attrs.items()),
            None if "alt" in attrs else image.default_alt_text,
        )
        return keep("responsive_images", key, lambda: self.img_tag(image, attrs))

    def img_tag(self, image, attrs):
        renditions, widths = {}, set()
        for spec, rendition in get_renditions_or_not_found(image, self.get_filters()).items():
            if rendition.width not in widths:
                widths.add(rendition.width)
                renditions[spec] = rendition
        if len(renditions) == 1:  # a single source: no srcset, so `sizes` is not allowed either
            attrs.pop("sizes", None)
        return ResponsiveImage(renditions, attrs).__html__()


@register.tag
def responsive_image(parser, token):
    """Same arguments as {% srcset_image %}, without `as`."""
    token.contents = token.contents.replace("responsive_image", "srcset_image", 1)
    node = image(parser, token)
    return ResponsiveImageNode(node.image_expr, node.filter_specs, attrs=node.attrs)
