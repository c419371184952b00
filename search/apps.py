from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search over the pages of every type, and its database backend."""

    name = "search"

    def ready(self):
        from . import words

        words.connect_signals()
