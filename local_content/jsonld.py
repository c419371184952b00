"""schema.org JSON-LD for a collection item, so search engines understand what it is."""

from portal.seo import compact

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
    return data | compact(optional)
