"""The staff roles made by migration, the review step every page passes, and the dashboard."""

import json
from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Site, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from editorial.management.commands import ensure_accounts
from tests.editorial.conftest import member_of
from tests.factories import StandardPageFactory


@pytest.fixture
def page(home):
    return StandardPageFactory(parent=home, title="Layanan", slug="layanan")


def edit_data(title, action):
    return nested_form_data(
        {"title": title, "slug": "layanan", "introduction": "", "body": streamfield([]), action: "1"}
    )


def test_editor_edits_but_cannot_publish_and_moderator_can(page, editor, moderator):
    editor_permissions = page.permissions_for_user(editor)
    assert editor_permissions.can_edit()
    assert not editor_permissions.can_publish()
    assert page.permissions_for_user(moderator).can_publish()


@pytest.mark.parametrize(
    ("url", "editor_status", "moderator_status"),
    [
        ("/admin/pages/", 200, 200),
        ("/admin/images/", 200, 200),
        ("/admin/documents/", 200, 200),
        ("/admin/snippets/news/newscategory/", 200, 200),
        ("/admin/snippets/portal/alert/", 302, 200),
        ("/admin/settings/portal/librarysettings/{site}/", 302, 200),
        ("/admin/redirects/", 302, 200),
        ("/admin/users/", 302, 302),
        ("/admin/groups/", 302, 302),
        ("/admin/workflows/list/", 302, 302),
    ],
)
def test_what_each_role_reaches_in_the_admin(client, home, editor, moderator, url, editor_status, moderator_status):
    """A refused admin page sends the user back to the dashboard with a message."""
    url = url.format(site=Site.objects.get(is_default_site=True).pk)
    for user, expected in ((editor, editor_status), (moderator, moderator_status)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == expected, (user.username, url)
        if expected == 302:
            assert response["Location"] == "/admin/"


def test_administrators_manage_users(client, django_user_model, home):
    client.force_login(member_of(django_user_model, "Administrators", "kepala"))
    assert client.get("/admin/users/").status_code == 200
    assert client.get("/admin/workflows/list/").status_code == 200


def test_editor_publishing_directly_only_saves_a_draft(client, page, editor):
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data("Layanan baru", "action-publish"))
    page.refresh_from_db()
    assert page.title == "Layanan"
    assert page.get_latest_revision_as_object().title == "Layanan baru"


def test_a_page_goes_from_draft_to_review_to_live(client, home, page, editor, moderator):
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit_url, edit_data("Layanan keliling", "action-submit"))

    page.refresh_from_db()
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == "in_progress"
    assert state.workflow.name == "Tinjau sebelum terbit"
    assert page.title == "Layanan"  # still the published title
    assert client.get("/id/layanan/").content.decode().count("Layanan keliling") == 0
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "Layanan keliling" in mail.outbox[0].subject

    # Everyone sees it waiting on the dashboard; the moderator has it to review.
    dashboard = client.get("/admin/").content.decode()
    assert "Layanan keliling" in dashboard[dashboard.index('id="pages-in-review-content"') :]
    client.force_login(moderator)
    dashboard = client.get("/admin/").content.decode()
    assert "Layanan keliling" in dashboard[dashboard.index('id="awaiting-review-content"') :]
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(approve, {"comment": "Bagus."}).status_code == 302

    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == "approved"
    assert page.live and page.title == "Layanan keliling"
    assert "Layanan keliling" in client.get("/id/layanan/").content.decode()


def test_a_page_sent_back_for_changes_leaves_the_review_list(client, page, editor, moderator):
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data("Layanan keliling", "action-submit"))
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    client.force_login(moderator)
    changes = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.current_task_state.pk])
    assert client.post(changes, {"comment": "Judulnya kurang jelas."}).status_code == 302
    state.refresh_from_db()
    assert state.status == "needs_changes"

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert 'id="pages-in-review-content"' not in html  # the only page in review is back with its editor
    assert "Layanan keliling" in html[html.index('id="drafts-content"') :]


def test_dashboard_lists_drafts_and_scheduled_pages(client, home, editor):
    draft = StandardPageFactory(parent=home, title="Jadwal bercerita", slug="bercerita", live=False)
    draft.save_revision()
    later = StandardPageFactory(parent=home, title="Libur akhir tahun", slug="libur")
    later.title = "Libur akhir tahun 2030"
    later.save_revision(approved_go_live_at=timezone.now() + timedelta(days=30))

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    drafts = html[html.index('id="drafts-content"') :]
    assert "Jadwal bercerita" in drafts
    scheduled = html[html.index('id="scheduled-content"') :]
    assert "Libur akhir tahun 2030" in scheduled


def test_empty_dashboard_panels_are_hidden(client, home, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    for panel in ("pages-in-review", "drafts", "scheduled"):
        assert f'id="{panel}-content"' not in html


def test_demo_accounts_are_printed_and_log_in(client, db, home, tmp_path, monkeypatch):
    monkeypatch.setattr(ensure_accounts, "PASSWORD_FILE", tmp_path / "passwords")
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out = ensure_accounts_output()
    passwords = json.loads((tmp_path / "passwords").read_text())
    assert set(passwords) == {"admin", "editor", "moderator"}
    for username, password in passwords.items():
        assert f"user {username}  password {password}" in out
        assert client.login(username=username, password=password)
    assert Group.objects.get(name="Editors").user_set.get().username == "editor"
    assert Group.objects.get(name="Moderators").user_set.get().username == "moderator"
    # A second run keeps the accounts and prints the same passwords.
    assert ensure_accounts_output() == out


def ensure_accounts_output():
    from io import StringIO

    out = StringIO()
    call_command("ensure_accounts", "--demo", stdout=out)
    return out.getvalue()


def test_the_whole_site_is_under_review(home):
    assert Page.get_first_root_node().get_workflow().name == "Tinjau sebelum terbit"
    assert home.get_workflow().active
