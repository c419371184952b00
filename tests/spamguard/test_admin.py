"""What staff see: the report and dashboard panel for moderators, and the check on every save."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from news.models import NewsCategory
from spamguard.models import SpamGuardSettings
from spamguard.scan import LINK, PHRASE, Hit
from tests.editorial.conftest import member_of
from tests.factories import NewsCategoryFactory, StandardPageFactory

REPORT = "/admin/reports/spam-check/"
PANEL = 'id="spam-check-content"'


def speaking(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def label(hit, language):
    with translation.override(language):
        return escape(str(hit.label))


def test_moderators_see_the_report(client, seeded, moderator):
    client.force_login(speaking(moderator, "en"))
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Spam check" in html
    for text in ("Info layanan", "Introduction", "Jadwal kegiatan", "Link alternatif resmi", "Mitra baru"):
        assert text in html
    assert label(Hit(LINK, "bandar88.xyz"), "en") in html
    assert label(Hit(PHRASE, "slot gacor"), "en") in html


def test_the_report_of_a_clean_site_says_so(client, home, moderator):
    client.force_login(speaking(moderator, "en"))
    html = client.get(REPORT).content.decode()
    assert "No gambling spam and no links to sites off the allowlist were found." in html


def test_editors_have_no_report_nor_panel(client, seeded, editor):
    client.force_login(editor)
    response = client.get(REPORT)
    # Wagtail's answer to a refused admin page: back to the dashboard, with a message.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    dashboard = client.get("/admin/").content.decode()
    assert REPORT not in dashboard
    assert PANEL not in dashboard


def test_the_dashboard_panel_shows_only_when_something_is_found(client, home, moderator):
    client.force_login(speaking(moderator, "en"))
    dashboard = client.get("/admin/").content.decode()
    assert PANEL not in dashboard
    assert REPORT in dashboard  # the Reports menu

    # A leaf page's publish leaves the site's generation as it is: the scan is made again all the same.
    section = StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    page = StandardPageFactory(parent=section, title="Pengumuman", slug="pengumuman")
    client.get("/admin/")
    page.introduction = "Bonus deposit pulsa tanpa potongan."
    page.save_revision().publish()
    dashboard = client.get("/admin/").content.decode()
    panel = dashboard[dashboard.index('id="spam-check') :]
    assert "Possible spam on the published site" in panel
    assert "The spam check found 1 gambling phrase or link to a site off the allowlist" in panel
    assert "Pengumuman" in panel and label(Hit(PHRASE, "deposit pulsa"), "en") in panel


@pytest.fixture
def page(home):
    return StandardPageFactory(parent=home, title="Layanan", slug="layanan", introduction="Layanan keliling.")


def page_data(action, introduction="Layanan keliling.", paragraph="<p>Setiap Senin.</p>"):
    return nested_form_data(
        {
            "title": "Layanan",
            "slug": "layanan",
            "introduction": introduction,
            "body": streamfield([("paragraph", rich_text(paragraph))]),
            action: "1",
        }
    )


def edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_editor_is_warned_in_the_admin_language(client, page, editor, language):
    client.force_login(speaking(editor, language))
    spam = '<p>Info <a href="https://hoki-jp.top/">di sini</a>.</p>'
    html = edit(client, page, page_data("action-submit", paragraph=spam)).content.decode()
    assert f'<html lang="{language}"' in html
    assert label(Hit(LINK, "hoki-jp.top"), language) in html
    with translation.override(language):
        warning = translation.gettext(
            "Please check “%(title)s”: it now contains %(found)s. Gambling spam and links to sites not on the "
            "allowlist must not go live."
        )
    expected = warning.rsplit("%(found)s. ", 1)[1]
    assert expected in html


def test_no_warning_for_what_the_live_page_already_had(client, page, editor):
    page.introduction = "Jadwal togel."  # published by someone else
    page.save_revision().publish()
    client.force_login(speaking(editor, "en"))
    html = edit(client, page, page_data("action-submit", introduction="Jadwal togel.")).content.decode()
    assert "gambling phrase" not in html


@pytest.fixture
def publisher(django_user_model):
    """An editor given the right to publish pages by hand, who is no moderator."""
    user = speaking(member_of(django_user_model, "Editors", "penerbit"), "en")
    group = Group.objects.create(name="Penerbit")
    permission = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(), permission=permission)
    user.groups.add(group)
    return user


def test_a_publish_by_someone_not_a_moderator_stays_a_draft(client, page, publisher):
    client.force_login(publisher)
    edit(client, page, page_data("action-publish", introduction="Layanan baru."))
    page.refresh_from_db()
    assert page.introduction == "Layanan baru."  # clean content: published

    html = edit(client, page, page_data("action-publish", introduction="Layanan baru, slot gacor.")).content.decode()
    page.refresh_from_db()
    assert page.introduction == "Layanan baru."
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().introduction == "Layanan baru, slot gacor."
    assert "Layanan baru, slot gacor" not in client.get("/id/layanan/").content.decode()
    assert escape("“Layanan” was saved as a draft, not published: it contains") in html
    assert "A moderator must check and publish it." in html


def test_a_new_page_published_with_spam_is_created_as_a_draft(client, home, publisher):
    client.force_login(publisher)
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    data = page_data("action-publish", introduction="Agen judi terpercaya.")
    html = client.post(url, data, follow=True).content.decode()
    page = Page.objects.get(slug="layanan", locale=home.locale)
    assert not page.live
    assert "A moderator must check and publish it." in html


@pytest.fixture(params=["moderator", "superuser"])
def publishing_role(request, moderator, admin_user):
    return {"moderator": moderator, "superuser": admin_user}[request.param]


def test_moderators_and_administrators_publish_with_a_warning(client, page, publishing_role):
    client.force_login(speaking(publishing_role, "en"))
    html = edit(client, page, page_data("action-publish", introduction="Layanan baru, slot gacor.")).content.decode()
    page.refresh_from_db()
    assert page.live and page.introduction == "Layanan baru, slot gacor."
    assert "Please check “Layanan”: it now contains" in html.replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert label(Hit(PHRASE, "slot gacor"), "en") in html


def test_an_editors_snippet_with_spam_waits_for_a_moderator(client, home, editor, moderator):
    category = NewsCategoryFactory(name="Kegiatan", slug="kegiatan", locale=home.locale)
    url = reverse(NewsCategory.snippet_viewset.get_url_name("edit"), args=[category.pk])
    data = {"name": "Kegiatan link alternatif", "slug": "kegiatan"}
    client.force_login(speaking(editor, "en"))
    html = client.post(url, data, follow=True).content.decode()
    category.refresh_from_db()
    assert category.name == "Kegiatan"
    assert "Not saved: it contains" in html and "ask a moderator to save it" in html

    client.force_login(speaking(moderator, "en"))
    html = client.post(url, data, follow=True).content.decode()
    category.refresh_from_db()
    assert category.name == "Kegiatan link alternatif"
    assert label(Hit(PHRASE, "link alternatif"), "en") in html


def test_moderators_keep_the_allowlist(client, seeded, editor, moderator):
    url = f"/admin/settings/spamguard/spamguardsettings/{SpamGuardSettings.load().pk}/"
    client.force_login(editor)
    assert client.get(url)["Location"] == "/admin/"
    client.force_login(speaking(moderator, "en"))
    assert "one domain per line" in client.get(url).content.decode()
    client.post(url, {"allowed_domains": "promo-kilat.net\nbandar88.xyz"})
    html = client.get(REPORT).content.decode()
    assert "Mitra baru" not in html and "bandar88.xyz" not in html
    assert "Info layanan" in html
