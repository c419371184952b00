"""A few group visit requests (visits.toml): booked, waiting and with another time proposed."""

from datetime import timedelta

from django.utils import timezone

from visits.models import VisitRequest

from .datafiles import load

VISITS = load("visits")["visits"]
FIELDS = ("institution", "contact_name", "phone", "email", "group_size", "age_group", "notes", "language")


def weekday_in(weeks, weekday):
    today = timezone.localdate()
    return today + timedelta(weeks=weeks, days=weekday - today.weekday())


def build(loader):
    created = 0
    for spec in VISITS:
        day = weekday_in(spec["weeks"], spec["weekday"])
        fields = {key: spec.get(key, "") for key in FIELDS}
        answer = {"status": spec["status"], "answer": spec.get("answer", "")}
        if spec["status"] != VisitRequest.Status.REQUESTED:
            answer["answered"] = timezone.now()
        # The time proposed by the staff, else the one asked for.
        answer["date"], answer["time"] = day, spec.get("propose_time", spec["time"])
        _visit, new = VisitRequest.objects.get_or_create(
            institution=spec["institution"],
            defaults={**fields, **answer, "preferred_date": day, "preferred_time": spec["time"]},
        )
        created += new
    loader.log(f"Group visits: {len(VISITS)} ready, {created} new")
