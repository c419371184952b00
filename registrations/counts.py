"""What a programme's page tells funders: how many people registered for its events (and had a
seat) and how many came, per year of the events, from the records themselves."""

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from .models import Registration


def programme_counts(programme):
    """[{"year", "registered", "attended"}, ...], newest year first, in one query. Registrations
    belong to the event in the default language, whose setup names the programme in its own
    language: the programme is matched by its translation key, so both languages count the same."""
    return list(
        Registration.objects.filter(
            event__registration_setup__programme__translation_key=programme.translation_key,
            status=Registration.Status.CONFIRMED,
        )
        .values(year=ExtractYear("event__start"))
        .annotate(registered=Count("pk"), attended=Count("pk", filter=Q(attended=True)))
        .order_by("-year")
    )
