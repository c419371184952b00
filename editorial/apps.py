from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """What the library's communications staff work with in the admin: roles, the review
    workflow, the dashboard, translation status and preview links for drafts."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from wagtail.admin.forms.choosers import LocaleFilterMixin

        from . import redirects, synchronized

        redirects.connect()
        synchronized.connect_signals()

        # Wagtail's choosers (categories, partners, pages...) leave their language filter unlabelled,
        # so Django shows the field's name, "Locale", in every admin language.
        unlabelled = LocaleFilterMixin.__init__

        def labelled(form, *args, **kwargs):
            unlabelled(form, *args, **kwargs)
            if "locale" in form.fields:
                form.fields["locale"].label = _("Locale")

        LocaleFilterMixin.__init__ = labelled
