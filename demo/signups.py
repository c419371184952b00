"""Registrations on the demo's events (registrations.toml): the setup and questions of each event in
both languages, linked to its programme, and the people who signed up through the same seat
counting as the public form; a past event as the counts its deleted records leave."""

import uuid

from django.utils import timezone

from news.events import EventPage
from programmes.models import ProgrammePage
from registrations import seats
from registrations.models import Registration, RegistrationField, RegistrationSetup

from .datafiles import load

DATA = load("registrations")


def build(loader):
    created = 0
    for spec in DATA["events"]:
        event = EventPage.objects.get(slug=spec["event"], locale=loader.id)
        if event.registration_setup.exists():
            continue
        programme = ProgrammePage.objects.get(slug=spec["programme"], locale=loader.id)
        keys = [uuid.uuid4() for _ in range(1 + len(DATA["fields"]))]  # one per object, both languages
        for locale in (loader.id, loader.en):
            # As the editor does it: the page's own child objects, saved in a published revision.
            page = event.get_translation(locale)
            language = locale.language_code
            page.registration_setup = [
                RegistrationSetup(
                    locale=locale,
                    translation_key=keys[0],
                    seats=spec["seats"],
                    programme=programme.get_translation(locale),
                    consent=DATA["consent"][language],
                )
            ]
            page.registration_fields = [
                RegistrationField(
                    locale=locale,
                    translation_key=key,
                    sort_order=number,
                    label=field["label"][language],
                    field_type=field["type"],
                    required=field["required"],
                )
                for number, (key, field) in enumerate(zip(keys[1:], DATA["fields"], strict=True))
            ]
            page.save_revision().publish()
        created += 1
        if "people" in spec:
            add_people(event, spec["people"])
        else:
            add_counts(event, spec["registered"], spec["attended"])
    loader.log(f"Registrations: {len(DATA['events'])} events ready, {created} new")


def add_people(event, people):
    """Through seats.register, as the form does: the fifth on a four-seat workshop waits."""
    names = [field.clean_name for field in event.registration_fields.order_by("sort_order")]
    for name, phone, place, language in people:
        seats.register(event, name, "", dict(zip(names, (name, phone, place), strict=True)), language)


def add_counts(event, registered, attended):
    Registration.objects.bulk_create(
        Registration(
            event=event,
            language="id",
            status=Registration.Status.CONFIRMED,
            attended=number < attended,
            token=None,
            created_at=event.start,
            purged_at=timezone.now(),
        )
        for number in range(registered)
    )
