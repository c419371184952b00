"""The visit page: facilities, membership, the map on request, the hours as data; and the alert
banners every page shows."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from lxml import html

from django.utils import timezone

from wagtail.models import Locale

from portal.models import Alert, SpecialSchedule
from tests.factories import StandardPageFactory, VisitPageFactory, translate

JAKARTA = ZoneInfo("Asia/Jakarta")
MONDAY_NINE = datetime(2026, 11, 23, 9, 0, tzinfo=JAKARTA)


@pytest.fixture
def visit(home, library, locale_en):
    page = VisitPageFactory(
        parent=home,
        facilities=[
            ("facility", {"kind": "internet", "name": "Pojok internet", "description": "Wi-Fi gratis."}),
            ("facility", {"kind": "children", "name": "Pojok anak", "description": ""}),
        ],
        membership="<p>Bawa KTP ke meja layanan.</p>",
    )
    page.save_revision().publish()
    translate(
        page,
        locale_en,
        title="Visit us",
        slug="visit",
        facilities=[("facility", {"kind": "internet", "name": "Internet corner", "description": "Free Wi-Fi."})],
        membership="<p>Bring your identity card to the service desk.</p>",
    )
    return page


def test_visit_page_lists_facilities_and_membership_in_each_language(client, visit):
    indonesian = client.get("/id/kunjungi/").text
    assert '<h2 id="visit-facilities">Fasilitas</h2>' in indonesian
    assert "<h3>Pojok internet</h3>" in indonesian and "Wi-Fi gratis." in indonesian
    assert "Cara menjadi anggota" in indonesian and "Bawa KTP ke meja layanan." in indonesian
    english = client.get("/en/visit/").text
    assert "<h3>Internet corner</h3>" in english and "How to become a member" in english


def test_the_map_loads_only_when_the_visitor_asks_for_it(client, visit):
    document = html.fromstring(client.get("/en/visit/").content)
    assert not document.xpath("//iframe")
    assert not [src for src in document.xpath("//@src") if "openstreetmap" in src]
    [ask] = document.xpath('//a[text()="Show the map on this page"]/@href')
    document = html.fromstring(client.get("/en/visit/" + ask.split("#")[0]).content)
    [frame] = document.xpath("//iframe")
    assert frame.get("src").startswith("https://www.openstreetmap.org/export/embed.html?bbox=")
    assert "marker=-7.158900,113.483700" in frame.get("src")
    assert frame.get("title") == "Map of the library (OpenStreetMap)"


def test_the_map_stays_a_link_when_the_editor_turns_the_embed_off(client, visit):
    visit.embed_map = False
    visit.save_revision().publish()
    document = html.fromstring(client.get("/id/kunjungi/?map=1").content)
    assert not document.xpath("//iframe")
    assert document.xpath('//a[starts-with(@href, "https://www.openstreetmap.org/?mlat=-7.158900")]')


def test_opening_hours_as_json_with_special_hours(client, visit):
    closure = SpecialSchedule(name="Libur", starts_on=date(2026, 11, 24), ends_on=date(2026, 11, 24), closed=True)
    closure.save()
    with time_machine.travel(MONDAY_NINE, tick=False):
        response = client.get("/en/visit/hours/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["timezone"] == "Asia/Jakarta" and data["open_now"] is True
    assert data["closes_at"] == "2026-11-23T15:30+07:00"
    assert data["weekly"][0] == {"day": "monday", "name": "Monday", "periods": [{"opens": "07:30", "closes": "15:30"}]}
    assert data["weekly"][6]["periods"] == []
    assert data["special"] == [
        {"name": "Libur", "from": "2026-11-24", "until": "2026-11-24", "closed": True, "note": "", "periods": []}
    ]


def test_visit_page_describes_the_library_with_its_place(client, visit):
    document = html.fromstring(client.get("/id/kunjungi/").content)
    [script] = document.xpath('//script[@type="application/ld+json"]')
    assert '"@type": "GeoCoordinates"' in script.text and '"hasMap": "https://www.openstreetmap.org/' in script.text


def alert(title, **fields):
    return Alert.objects.create(title=title, locale=Locale.objects.get(language_code="id"), **fields)


def test_alert_banner_shows_on_every_page_between_its_times(client, visit):
    now = timezone.now()
    alert("Perpustakaan tutup hari Jumat", message="Ada perbaikan listrik.", level=Alert.Level.URGENT)
    alert("Sudah lewat", starts_at=now - timedelta(days=3), ends_at=now - timedelta(days=1))
    alert("Belum mulai", starts_at=now + timedelta(days=1))
    about = StandardPageFactory(parent=visit.get_parent(), title="Tentang", slug="tentang")
    for path in ("/id/", "/id/kunjungi/", about.url):
        document = html.fromstring(client.get(path).content)
        [banner] = document.xpath('//section[contains(@class, "alert")]')
        assert "alert--urgent" in banner.get("class")
        assert "Perpustakaan tutup hari Jumat" in banner.text_content()
        assert "Ada perbaikan listrik." in banner.text_content()
        assert "Penting:" in banner.text_content()  # the level, for screen readers


def test_untranslated_alert_reaches_english_visitors_in_indonesian(client, visit, locale_en):
    alert("Tutup untuk inventarisasi", link_page=visit)
    document = html.fromstring(client.get("/en/").content)
    [banner] = document.xpath('//section[contains(@class, "alert")]')
    assert banner.get("lang") == "id" and "Tutup untuk inventarisasi" in banner.text_content()
    # Its link leads to the English version of the page.
    assert banner.xpath(".//a/@href") == ["/en/visit/"]


def test_translated_alert_shows_in_each_language_and_comes_back_after_an_edit(client, visit, locale_en):
    banner = alert("Jam Ramadan berlaku", level=Alert.Level.NOTICE)
    english = banner.copy_for_translation(locale_en)
    english.title = "Ramadan hours apply"
    english.save()
    assert "Ramadan hours apply" in client.get("/en/").text
    assert "Ramadan hours apply" not in client.get("/id/").text
    key = html.fromstring(client.get("/id/").content).xpath("//@data-alert")[0]
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        banner.message = "Buka 08.00-13.00."
        banner.save()
    assert html.fromstring(client.get("/id/").content).xpath("//@data-alert")[0] != key


def test_alert_times_are_checked(visit):
    from django.core.exceptions import ValidationError

    now = timezone.now()
    banner = Alert(title="Salah", starts_at=now, ends_at=now - timedelta(hours=1), locale=visit.locale)
    with pytest.raises(ValidationError) as error:
        banner.full_clean()
    assert "ends_at" in error.value.message_dict


def test_special_schedule_dates_and_times_are_checked(visit):
    from django.core.exceptions import ValidationError

    schedule = SpecialSchedule(
        name="Salah", starts_on=date(2026, 12, 2), ends_on=date(2026, 12, 1), locale=visit.locale
    )
    with pytest.raises(ValidationError) as error:
        schedule.full_clean()
    assert "ends_on" in error.value.message_dict


def test_editors_manage_alerts_and_special_hours_in_the_admin(admin_client, visit):
    for url in ("/admin/snippets/portal/alert/", "/admin/snippets/portal/specialschedule/"):
        assert admin_client.get(url).status_code == 200, url
    response = admin_client.post(
        "/admin/snippets/portal/alert/add/",
        {
            "level": "warning",
            "title": "Listrik padam",
            "message": "",
            "link_page": "",
            "starts_at": "2026-11-20 08:00",
            "ends_at": "2026-11-19 08:00",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert not Alert.objects.filter(title="Listrik padam").exists()
