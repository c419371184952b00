"""Image renditions and <img> tags kept per process until the next change to the site
(portal/generation.py; an image saved or deleted is one). The same card image shows on the home
page, the listings and the related items: finding its renditions again each time (a cache read each,
the filters parsed anew, the rows prefetched with every listing) cost more than the rest of a card."""

from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

from portal.generation import kept_among

# Tags or renditions kept per generation at most: a site's images times their sizes.
MAX_KEPT = 5000


def keep(kind, key, compute):
    return kept_among(kind, key, compute, MAX_KEPT)


def image_key(image):
    """What an image's renditions depend on: a new file or focal point makes other ones."""
    return (
        image.pk,
        image.file.name,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
    )


def kept_rendition(image, spec):
    """The rendition of `image` for `spec` ("fill-1200x630|format-jpeg"), shared by the requests
    that follow: nobody may change it."""
    return keep("renditions", (*image_key(image), spec), lambda: get_rendition_or_not_found(image, Filter(spec=spec)))
