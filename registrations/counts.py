"""What a programme's page tells funders: how many people registered for its events (and had a
seat) and how many came, per year of the events, from the records themselves."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from portal.generation import read_tokens, renew_tokens
from portal.pages import kept_with_page, translations_of

from .models import Registration

# Renewed by every registration saved or deleted (a seat taken or given back, a check-in), so that
# the programmes' counts, kept per process and in the pages kept, follow the records.
TOKEN = "registrations"


def renew(**kwargs):
    """Now, and again once committed: a page rendered in between from the old count must not stay kept."""
    renew_tokens([TOKEN])
    transaction.on_commit(lambda: renew_tokens([TOKEN]))


def programme_counts(programme):
    """count() kept per process until a registration changes or the programme (or an event naming
    it) is published."""
    token = read_tokens([TOKEN])[TOKEN]
    return kept_with_page(programme, "programme_counts", lambda: count(programme), also=token)


def count(programme):
    """[{"year", "registered", "attended"}, ...], newest year first, in one query. Registrations
    belong to the event in the default language, whose setup names the programme in its own
    language: the programme is matched in every language, so both languages count the same."""
    # Counted per event start by the database and per year here: SQLite works out the year of a
    # date and time row by row in Python, four times slower than the whole query otherwise.
    per_start = (
        Registration.objects.filter(
            # By the ids of its versions, which its language links read anyway: two joins fewer.
            event__registration_setup__programme_id__in=[version.pk for version in translations_of(programme)],
            status=Registration.Status.CONFIRMED,
        )
        .values("event__start")
        .annotate(registered=Count("pk"), attended=Count("pk", filter=Q(attended=True)))
        .order_by()
    )
    years = {}
    for row in per_start:
        year = years.setdefault(timezone.localtime(row["event__start"]).year, {"registered": 0, "attended": 0})
        year["registered"] += row["registered"]
        year["attended"] += row["attended"]
    return [{"year": year, **counts} for year, counts in sorted(years.items(), reverse=True)]
