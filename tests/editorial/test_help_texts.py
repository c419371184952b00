"""Every field an editor sees says what it is for, in English and in Indonesian."""

import pytest

from django.utils import translation

from tests.editorial.panels import edited_models, editor_fields


def wagtails(model, name):
    """A field Wagtail defines (a page's title, a form field's type): Wagtail words and translates it."""
    return any(
        base.__module__.startswith("wagtail.") and name in {field.name for field in base._meta.get_fields()}
        for base in model.__mro__[1:]
        if hasattr(base, "_meta")
    )


FIELDS = sorted(
    {
        (model, field.name): field
        for edited in edited_models()
        for model, field in editor_fields(edited)
        if not wagtails(model, field.name)
    }.items(),
    key=lambda item: (item[0][0]._meta.label, item[0][1]),
)


@pytest.mark.parametrize(("key", "field"), FIELDS, ids=[f"{model.__name__}.{name}" for (model, name), _f in FIELDS])
def test_field_has_help_in_both_languages(key, field):
    with translation.override("en"):
        english = str(field.help_text)
    with translation.override("id"):
        indonesian = str(field.help_text)
    assert english, "no help text"
    assert indonesian != english, "no Indonesian translation"


def test_indonesian_help_calls_snippets_potongan_as_the_admin_does():
    with translation.override("id"):
        english_word = [
            f"{model.__name__}.{name}" for (model, name), field in FIELDS if "snippet" in str(field.help_text).lower()
        ]
    assert english_word == []
