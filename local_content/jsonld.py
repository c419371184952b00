"""schema.org JSON-LD for a collection item, so search engines understand what it is."""

import json

from django.utils.safestring import mark_safe

SCHEMA_TYPES = {
    "Text": "Book",
    "StillImage": "ImageObject",
    "Sound": "AudioObject",
    "MovingImage": "VideoObject",
    "Dataset": "Dataset",
    "Event": "Event",
}


def item_jsonld(item, request, subjects):
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(item.dc_type, "CreativeWork"),
        "name": item.title,
        "url": item.get_full_url(request),
        "inLanguage": item.language,
        "isPartOf": {"@type": "Collection", "name": item.get_parent().title},
    }
    optional = {
        "description": item.description,
        "creator": [{"@type": "Person", "name": name} for name in item.creator_list],
        "contributor": [{"@type": "Person", "name": name} for name in item.contributor_list],
        "publisher": {"@type": "Organization", "name": item.publisher} if item.publisher else None,
        "dateCreated": item.date_text,
        "about": [subject.name for subject in subjects],
        "identifier": item.identifier,
        "encodingFormat": item.format,
        "spatialCoverage": item.coverage.name if item.coverage else None,
        "license": item.rights,
    }
    data.update({key: value for key, value in optional.items() if value})
    # Escape "<" so a title cannot close the <script> element it is embedded in.
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
