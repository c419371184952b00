"""Automatic redirects come only from addresses visitors could have used: a new page's autosaves
and drafts leave none, a published page whose address changes keeps its old links working."""

from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage
from tests.factories import StandardPageFactory


def form(slug, action=None):
    data = {"title": "Jam buka", "slug": slug, "introduction": "", "body": streamfield([])}
    return nested_form_data({**data, action: "1"} if action else data)


def redirects():
    return sorted((redirect.old_path, redirect.redirect_page.slug) for redirect in Redirect.objects.all())


def test_a_draft_leaves_no_redirect_and_a_live_page_does(client, home, moderator, django_capture_on_commit_callbacks):
    client.force_login(moderator)
    autosave = {"HTTP_ACCEPT": "application/json"}
    with django_capture_on_commit_callbacks(execute=True):
        # The autosaves of a title being typed: the page is made, then its address follows the title.
        add = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
        assert client.post(add, form("jam"), **autosave).json()["success"]
        page = StandardPage.objects.get(slug="jam", locale__language_code="id")
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert client.post(edit, form("jam-bu"), **autosave).json()["success"]
        assert client.post(edit, form("jam-buka", "action-publish")).status_code == 302
    page.refresh_from_db()
    assert page.live and page.url == "/id/jam-buka/"
    assert redirects() == []

    # Once it is live, a new address keeps the old one working.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit, form("jam-layanan", "action-publish")).status_code == 302
    assert redirects() == [("/id/jam-buka", "jam-layanan")]
    client.logout()
    response = client.get("/id/jam-buka/")
    assert response.status_code == 301 and response["Location"].endswith("/id/jam-layanan/")


def test_moving_a_live_page_keeps_its_old_address_and_a_draft_leaves_none(home, django_capture_on_commit_callbacks):
    services = StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    live = StandardPageFactory(parent=home, title="Jam buka", slug="jam-buka")
    draft = StandardPageFactory(parent=home, title="Jadwal", slug="jadwal", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        live.move(services, pos="last-child")
        draft.move(services, pos="last-child")
    assert redirects() == [("/id/jam-buka", "jam-buka")]
