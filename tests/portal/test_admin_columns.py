"""The admin's listings in the staff's language: yes-or-no fields as words, not "True" or "False"."""

from datetime import date

from wagtail.users.models import UserProfile

from portal.models import SpecialSchedule
from tests.factories import PartnerFactory
from tests.listings import cells


def test_yes_or_no_columns_read_in_the_admins_language(admin_client, admin_user, home):
    PartnerFactory(name="Dinas Perpustakaan", locale=home.locale, show_on_home=True)
    PartnerFactory(name="Komunitas Baca", locale=home.locale, show_on_home=False)
    SpecialSchedule.objects.create(
        name="Libur Idulfitri", starts_on=date(2027, 3, 20), ends_on=date(2027, 3, 24), closed=True, locale=home.locale
    )
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "id"
    profile.save()
    partners = "/admin/snippets/programmes/partner/?ordering=name"
    assert cells(admin_client, partners, "Tampilkan di beranda") == ["Ya", "Tidak"]
    assert cells(admin_client, "/admin/snippets/portal/specialschedule/", "Tutup sepanjang hari") == ["Ya"]

    profile.preferred_language = "en"
    profile.save()
    assert cells(admin_client, partners, "Show on the home page") == ["Yes", "No"]
