from django.db import models
from django.utils.translation import gettext_lazy as _


class Word(models.Model):
    """A word of the site's pages, in lower case: what a misspelt word of a search is compared with
    on PostgreSQL (search/words.py). Filled from the search index, never edited."""

    word = models.CharField(_("word"), max_length=200, primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
