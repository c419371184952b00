"""The page editor says what is wrong where the editor is looking, and asks for nothing twice."""

import pytest

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from tests.factories import NewsIndexPageFactory, StandardPageFactory
from tests.portal.images import sample_image


def standard_form(title, slug, action="action-publish"):
    return nested_form_data({"title": title, "slug": slug, "introduction": "", "body": streamfield([]), action: "1"})


def add_standard_page(client, parent, title, slug):
    add = reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk))
    return client.post(add, standard_form(title, slug), HTTP_ACCEPT_LANGUAGE="id")


@pytest.fixture
def indonesian_admin(admin_client, admin_user):
    UserProfile.get_for_user(admin_user)
    UserProfile.objects.filter(user=admin_user).update(preferred_language="id")
    return admin_client


def test_an_over_long_title_is_refused_with_a_message_not_cut(indonesian_admin, home):
    response = add_standard_page(indonesian_admin, home, "Judul " + "panjang " * 40, "judul-panjang")
    assert response.status_code == 200
    form = response.context["form"]
    assert "title" in form.errors
    with override("id"):
        assert "255" in form.errors["title"][0]
    # No maxlength on the input: the browser does not cut a pasted title without a word.
    assert 'maxlength="255"' not in response.text.split('name="title"')[1].split(">")[0]


def test_a_duplicate_address_is_reported_under_the_title_too(indonesian_admin, home):
    StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    response = add_standard_page(indonesian_admin, home, "Layanan baru", "layanan")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "slug" in errors and "title" in errors
    assert "layanan" in errors["title"][0] and "Promosikan" in errors["title"][0]


def test_the_lead_image_description_comes_from_the_image_when_left_empty(admin_client, home):
    image = sample_image()
    image.description = "Anak-anak membaca di ruang baca"
    image.save()
    index = NewsIndexPageFactory(parent=home)
    add = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    data = {
        "title": "Ruang baca anak",
        "slug": "ruang-baca-anak",
        "date": "2026-12-01",
        "lead_image": image.pk,
        "lead_image_alt": "",
        "summary": "Ruang baca anak dibuka.",
        "body": streamfield([]),
        "tags": "",
        "related_pages": streamfield([]),
        "action-publish": "1",
    }
    assert admin_client.post(add, nested_form_data(data)).status_code == 302
    html = admin_client.get("/id/berita/ruang-baca-anak/").text
    assert 'alt="Anak-anak membaca di ruang baca"' in html


def test_the_image_upload_form_states_the_limits_before_upload(indonesian_admin):
    html = indonesian_admin.get(reverse("wagtailimages:add_multiple")).text
    assert "40 megapiksel, sekitar 7.700 × 5.200 piksel" in html  # "7,700" would read as 7.7 in Indonesian


def test_scheduled_pages_show_the_date_they_go_live(indonesian_admin, home):
    page = StandardPageFactory(parent=home, title="Libur akhir tahun", slug="libur")
    go_live = timezone.now() + timezone.timedelta(days=16)
    page.save_revision(approved_go_live_at=go_live)
    html = indonesian_admin.get("/admin/").text
    scheduled = html[html.index('id="scheduled-content"') :]
    with override("id"):
        expected = timezone.localtime(go_live).strftime("%-d ")
    assert f'datetime="{timezone.localtime(go_live).isoformat()}"' in scheduled
    assert expected in scheduled and "yang lalu" not in scheduled.split("</table>")[0]
