"""Page factories that build the bilingual tree fast."""

from datetime import date, time, timedelta

import factory
import wagtail_factories

from django.utils import timezone

from wagtail.models import Locale, Page, Site

from editorial.translation import translated_copy
from gallery.models import GalleryIndexPage, GalleryPage, GalleryPhoto
from home.models import ContactPage, HomePage, StandardPage, VisitPage
from local_content.models import CollectionIndexPage, CollectionItemPage
from news.models import EventIndexPage, EventPage, NewsCategory, NewsIndexPage, NewsPage
from portal.models import LibraryProfile, LibrarySettings, OpeningPeriod
from programmes.models import Partner, ProgrammeIndexPage, ProgrammePage, VillageLibraryIndexPage, VillageLibraryPage
from visits.models import VisitRequest


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Beranda"
    slug = "beranda"
    welcome_title = "Selamat datang"
    welcome_text = "<p>Perpustakaan untuk semua warga.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Halaman {n}")
    introduction = "Pengantar halaman."
    show_in_menus = True

    class Meta:
        model = StandardPage


class VisitPageFactory(wagtail_factories.PageFactory):
    title = "Kunjungi Kami"
    slug = "kunjungi"
    latitude = "-7.158900"
    longitude = "113.483700"
    show_in_menus = True

    class Meta:
        model = VisitPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Kontak"
    slug = "kontak"
    introduction = "Kirimkan pertanyaan Anda."
    thank_you_text = "<p>Petugas kami membalas dalam dua hari kerja.</p>"
    show_in_menus = True

    class Meta:
        model = ContactPage


class LibraryProfileFactory(factory.django.DjangoModelFactory):
    name = "Perpustakaan Umum Kabupaten Uji"
    short_name = "Perpustakaan Uji"
    tagline = "Pusat belajar warga."
    address = "Jl. Merdeka No. 1\nKota Uji"
    hours_note = "Tutup pada hari libur nasional."

    class Meta:
        model = LibraryProfile


def translate(page, locale, **fields):
    """The page's translation in `locale`, made as the demo loader makes its translations
    (editorial.translation.translated_copy) and published with the given field values."""
    translation = translated_copy(page, locale, fields)
    translation.save_revision().publish()
    return translation


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")

    class Meta:
        model = NewsCategory


def make_home():
    """An Indonesian home page as the default site's root, translated into English."""
    locale_id, locale_en = Locale.objects.get(language_code="id"), Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, locale=locale_id)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    root.get_children().exclude(pk=home.pk).filter(locale=locale_id).delete()
    translate(home, locale_en, title="Home", slug="home", welcome_title="Welcome")
    return home


def make_library(home):
    """Library settings with a bilingual profile and weekday hours 07:30-15:30, Friday with a break."""
    locale_en = Locale.objects.get(language_code="en")
    profile = LibraryProfileFactory(locale=home.locale)
    profile_en = profile.copy_for_translation(locale_en)
    profile_en.name = "Test Regency Public Library"
    profile_en.short_name = "Test Library"
    profile_en.tagline = "A learning centre for everyone."
    profile_en.hours_note = "Closed on national holidays."
    profile_en.save()
    settings = LibrarySettings.for_site(Site.objects.get(is_default_site=True))
    settings.profile = profile
    settings.phone = "(0324) 322 001"
    settings.email = "info@perpustakaan.example"
    settings.facebook_url = "https://www.facebook.com/perpustakaan.uji"
    settings.save()
    periods = [(day, time(7, 30), time(15, 30)) for day in range(4)]
    periods += [(4, time(7, 30), time(11, 0)), (4, time(13, 0), time(15, 0)), (5, time(8, 0), time(13, 0))]
    OpeningPeriod.objects.bulk_create(
        OpeningPeriod(settings=settings, weekday=day, opens=opens, closes=closes) for day, opens, closes in periods
    )
    return settings


def category_in_both(indonesian, english):
    """A news category, (name, slug) in Indonesian, and its English version made as older sites and
    imports made them: a copy, without wagtail-localize's records."""
    category = NewsCategoryFactory(
        name=indonesian[0], slug=indonesian[1], locale=Locale.objects.get(language_code="id")
    )
    translation = category.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.name, translation.slug = english
    translation.save()
    return category


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Berita"
    slug = "berita"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Berita nomor {n}")
    summary = "Ringkasan berita."
    date = factory.Sequence(lambda n: date(2015, 1, 1) + timedelta(days=n))

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Acara {n}")
    summary = "Ringkasan acara."
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))

    class Meta:
        model = EventPage


class GalleryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Galeri"
    slug = "galeri"
    show_in_menus = True

    class Meta:
        model = GalleryIndexPage


class GalleryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Album {n}")
    date = factory.Sequence(lambda n: date(2014, 1, 1) + timedelta(days=n))
    place = "Pamekasan"
    description = "Foto kegiatan."

    class Meta:
        model = GalleryPage


def add_photos(album, images, captions=None):
    """Gives the album one photo per image, in order, and publishes it."""
    for position, image in enumerate(images):
        caption = captions[position] if captions else f"Foto {position + 1}"
        album.photos.add(GalleryPhoto(image=image, alt_text=f"Deskripsi {position + 1}", caption=caption))
    album.save_revision().publish()
    return album


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Mitra {n}")
    kind = "funder"
    description = "Mendukung perpustakaan."

    class Meta:
        model = Partner


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Program"
    slug = "program"
    show_in_menus = True

    class Meta:
        model = ProgrammeIndexPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Program {n}")
    summary = "Ringkasan program."
    period_start = date(2011, 10, 17)

    class Meta:
        model = ProgrammePage


class VillageLibraryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Perpustakaan Desa"
    slug = "perpustakaan-desa"

    class Meta:
        model = VillageLibraryIndexPage


class VillageLibraryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Perpustakaan Desa {n}")
    summary = "Perpustakaan desa percontohan."
    village = factory.Sequence(lambda n: f"Desa {n}")
    district = "Galis"

    class Meta:
        model = VillageLibraryPage


class CollectionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Koleksi Madura"
    slug = "koleksi-madura"
    show_in_menus = True

    class Meta:
        model = CollectionIndexPage


class CollectionItemPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Item koleksi {n}")
    description = "Koleksi lokal Madura."

    class Meta:
        model = CollectionItemPage


class VisitRequestFactory(factory.django.DjangoModelFactory):
    """A request for a Tuesday morning three weeks ahead, in Indonesian."""

    institution = factory.Sequence(lambda n: f"SD Negeri Pamekasan {n}")
    contact_name = "Ibu Nur Hasanah"
    phone = "0812 3456 7801"
    email = "nur.hasanah@sekolah.example"
    group_size = 30
    age_group = "Kelas 4"
    preferred_date = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(weeks=3, days=1 - timezone.localdate().weekday())
    )
    preferred_time = factory.LazyFunction(lambda: time(9, 0))
    language = "id"

    class Meta:
        model = VisitRequest
