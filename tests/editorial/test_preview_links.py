"""Shareable preview links: an editor makes one in the admin, a funder without an account opens
it and reads the draft, and it stops working once it expires or is revoked."""

from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format

from editorial.models import PreviewLink
from editorial.preview_links import SharePreviewLinkButton
from tests.factories import ProgrammeIndexPageFactory, ProgrammePageFactory

NOTICE = ("Preview of a draft — not published yet.", "Pratinjau draf — belum diterbitkan.")


@pytest.fixture
def programme(home, library):
    """A published programme page with unpublished changes in its latest revision."""
    index = ProgrammeIndexPageFactory(parent=home)
    page = ProgrammePageFactory(
        parent=index, title="Pojok Baca Desa", slug="pojok-baca", summary="Teks yang sudah terbit."
    )
    draft = page.get_latest_revision_as_object()
    draft.title = "Pojok Baca Desa 2027"
    draft.summary = "Teks draf untuk penyandang dana."
    draft.save_revision()
    return page


def make_link(page, **age):
    return PreviewLink.objects.create(page=page, expires_at=timezone.now() + timedelta(**age))


def admin_url(page):
    return f"/admin/preview-links/page/{page.pk}/"


def test_an_editor_creates_a_link_and_sees_it_listed(admin_client, admin_user, programme):
    response = admin_client.post(admin_url(programme), {"days": "30"}, follow=True)

    link = PreviewLink.objects.get(page=programme)
    assert link.created_by == admin_user
    assert timedelta(days=29, hours=23) < link.expires_at - timezone.now() <= timedelta(days=30)
    assert len(link.token) >= 40
    assert response.redirect_chain == [(admin_url(programme), 302)]
    assert f"/preview/{link.token}/" in response.text
    assert 'value="http://localhost/preview/' in response.text  # the whole address, ready to copy
    assert len(list(response.context["messages"])) == 1
    assert response.context["form"]["days"].value() == 7  # a week unless the editor picks otherwise


def test_the_list_shows_only_active_links(admin_client, programme):
    active, expired = make_link(programme, days=1), make_link(programme, days=-1)
    response = admin_client.get(admin_url(programme))
    assert active.token in response.text
    assert expired.token not in response.text


def test_creating_a_link_clears_expired_ones(admin_client, programme):
    expired = make_link(programme, minutes=-1)
    admin_client.post(admin_url(programme), {"days": "1"})
    assert not PreviewLink.objects.filter(pk=expired.pk).exists()
    assert PreviewLink.objects.filter(page=programme).count() == 1


def test_a_visitor_without_an_account_reads_the_draft(client, programme):
    link = make_link(programme, days=7)
    response = client.get(f"/preview/{link.token}/")

    assert response.status_code == 200
    assert "Pojok Baca Desa 2027" in response.text
    assert "Teks draf untuk penyandang dana." in response.text
    assert "Teks yang sudah terbit." not in response.text
    assert 'class="preview-notice"' in response.text
    assert any(notice in response.text for notice in NOTICE)
    with translation.override("id"):
        assert date_format(timezone.localtime(link.expires_at), "DATETIME_FORMAT") in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    # The live page is unchanged and has no notice.
    live = client.get("/id/program/pojok-baca/")
    assert "Teks yang sudah terbit." in live.text
    assert 'class="preview-notice"' not in live.text


def test_the_draft_is_shown_in_its_own_language(client, programme):
    link = make_link(programme, days=7)
    response = client.get(f"/preview/{link.token}/", headers={"accept-language": "en"})
    assert '<html lang="id"' in response.text
    assert response["Content-Language"] == "id"


def test_a_page_never_published_can_be_previewed(client, home):
    index = ProgrammeIndexPageFactory(parent=home)
    page = ProgrammePageFactory(parent=index, slug="baru", live=False, title="Program yang belum terbit")
    page.save_revision()
    link = make_link(page, days=1)

    assert client.get("/id/program/baru/").status_code == 404
    response = client.get(f"/preview/{link.token}/")
    assert response.status_code == 200
    assert "Program yang belum terbit" in response.text


def assert_not_found(client, token):
    # LocaleMiddleware first tries the address under /id/, where no page answers either.
    response = client.get(f"/preview/{token}/", follow=True)
    assert response.status_code == 404
    assert "Pojok Baca Desa 2027" not in response.text


def test_an_expired_link_is_not_found(client, programme):
    assert_not_found(client, make_link(programme, seconds=-1).token)


def test_a_revoked_link_is_not_found(client, admin_client, programme):
    link = make_link(programme, days=7)
    response = admin_client.post(f"{admin_url(programme)}revoke/{link.pk}/", follow=True)
    assert response.redirect_chain == [(admin_url(programme), 302)]
    assert link.token not in response.text
    assert not PreviewLink.objects.filter(pk=link.pk).exists()
    assert_not_found(client, link.token)


def test_an_unknown_token_is_not_found(client, programme):
    make_link(programme, days=7)
    assert_not_found(client, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")


def test_links_change_only_by_post_with_csrf(programme, admin_user):
    link = make_link(programme, days=7)
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(admin_url(programme), {"days": "7"}).status_code == 403
    assert client.post(f"{admin_url(programme)}revoke/{link.pk}/").status_code == 403
    assert client.get(f"{admin_url(programme)}revoke/{link.pk}/").status_code == 405
    assert PreviewLink.objects.filter(page=programme).count() == 1


def test_a_user_who_cannot_edit_the_page_cannot_share_it(client, programme):
    user = get_user_model().objects.create_user("pengunjung", "pengunjung@example.com", "password")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)
    link = make_link(programme, days=7)

    assert client.get(admin_url(programme)).status_code == 403
    assert client.post(admin_url(programme), {"days": "7"}).status_code == 403
    assert client.post(f"{admin_url(programme)}revoke/{link.pk}/").status_code == 403
    assert not SharePreviewLinkButton(page=programme).is_shown(user)
    assert list(PreviewLink.objects.filter(page=programme)) == [link]


def test_the_edit_view_offers_the_share_button(admin_client, programme):
    response = admin_client.get(f"/admin/pages/{programme.pk}/edit/")
    assert response.status_code == 200
    assert f'href="{admin_url(programme)}"' in response.text
    assert "Share a preview link" in response.text or "Bagikan tautan pratinjau" in response.text
