"""The staff activity report: who signed in, failed, was locked out or published, from which
address, for administrators only; and its CSV export in both admin languages."""

import csv
import io
from datetime import datetime

import pytest

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.actions import LOCKED_OUT, OTP_ENROLLED, SIGN_IN_FAILED, SIGNED_IN
from tests.accounts.conftest import PASSWORD, sign_in, staff
from tests.factories import StandardPageFactory
from tests.queries import count_queries

REPORT = reverse("accounts_staff_activity")


def report_rows(client, **params):
    response = client.get(REPORT, params)
    assert response.status_code == 200
    return response.context["object_list"]


def test_the_report_lists_sign_ins_with_the_address(client, administrator, django_user_model):
    librarian = staff(django_user_model, "pustakawan", "Editors")
    assert sign_in(client, "pustakawan", address="198.51.100.4").status_code == 302
    client.logout()
    sign_in(client, "kepala")
    rows = report_rows(client)
    assert [(row.action, row.user.username, row.data["address"]) for row in rows] == [
        (SIGNED_IN, "kepala", "203.0.113.7"),
        (SIGNED_IN, "pustakawan", "198.51.100.4"),
    ]
    assert rows[1].label == "pustakawan" and rows[1].object_id == str(librarian.pk)
    page = client.get(REPORT).text
    assert "198.51.100.4" in page
    with translation.override("id"):  # the administrator's admin language
        assert gettext("Staff activity") in page and gettext("Signed in") in page


def test_behind_nginx_the_visitors_address_is_kept(client, administrator, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    client.post(
        reverse("wagtailadmin_login"),
        {"username": "kepala", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="203.0.113.99",
    )
    assert ModelLogEntry.objects.get(action=SIGNED_IN).data["address"] == "203.0.113.99"


def test_wrong_passwords_and_the_lockout_are_listed(client, administrator, axes, settings):
    for _ in range(settings.AXES_USER_FAILURE_LIMIT):
        sign_in(client, "kepala", "salah", address="203.0.113.66")
    sign_in(client, "tidak-ada", "salah", address="203.0.113.66")  # no such user: not kept
    entries = ModelLogEntry.objects.filter(action__startswith="accounts.")
    assert sorted(entries.values_list("action", flat=True)) == sorted([SIGN_IN_FAILED] * 5 + [LOCKED_OUT])
    assert {(entry.user, entry.data["address"], entry.data["username"]) for entry in entries} == {
        (administrator, "203.0.113.66", "kepala")
    }
    # The lock lifted (as an administrator would), the administrator reads it all in the report.
    settings.AXES_ENABLED = False
    client.force_login(administrator)
    assert [row.action for row in report_rows(client, action=[LOCKED_OUT])] == [LOCKED_OUT]
    assert len(report_rows(client, action=[SIGN_IN_FAILED], user=[administrator.pk])) == 5


def test_a_publish_carries_the_address(client, administrator, home):
    page = StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    client.force_login(administrator)
    data = nested_form_data(
        {"title": "Layanan", "slug": "layanan", "introduction": "", "body": streamfield([]), "action-publish": "1"}
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, REMOTE_ADDR="203.0.113.21")
    entry = PageLogEntry.objects.get(page=page, action="wagtail.publish")
    assert entry.data["address"] == "203.0.113.21"
    assert [(row.action, row.label) for row in report_rows(client)][0] == ("wagtail.publish", "Layanan")


def test_the_two_factor_events_are_named(client, administrator):
    log(instance=administrator, action=OTP_ENROLLED, user=administrator)
    client.force_login(administrator)
    with translation.override("id"):  # the administrator's admin language
        assert gettext("Second factor set up") in client.get(REPORT).text


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_may_not_see_it(client, django_user_model, group):
    client.force_login(staff(django_user_model, "petugas", group))
    # Wagtail's answer to a refused admin page: back to the dashboard with a message.
    for params in ({}, {"export": "csv"}):
        response = client.get(REPORT, params)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert REPORT not in client.get(reverse("wagtailadmin_home")).text


def test_the_administrators_group_may(client, django_user_model):
    client.force_login(staff(django_user_model, "pengelola", "Administrators"))
    assert client.get(REPORT).status_code == 200
    assert REPORT in client.get(reverse("wagtailadmin_home")).text


def test_the_query_count_does_not_grow_with_rows(client, administrator, django_user_model, home):
    names = (f"staf{n}" for n in range(10))

    def queries_after(count):
        for _ in range(count):
            user = staff(django_user_model, next(names), "Editors")
            sign_in(client, user.username)
            StandardPageFactory(parent=home).save_revision().publish(user=administrator)
        client.force_login(administrator)
        return count_queries(client, REPORT)

    assert queries_after(3) == queries_after(3)


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ["Date/Time", "User", "Action", "Name", "IP address"]),
        ("id", ["Tanggal/Waktu", "Pengguna", "Tindakan", "Nama", "Alamat IP"]),
    ],
)
def test_the_csv_export_names_the_events(client, django_user_model, language, headings):
    staff(django_user_model, "kepala", "Administrators", language=language)
    sign_in(client, "kepala", "salah", address="203.0.113.8")
    sign_in(client, "kepala", address="203.0.113.9")
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == headings
    with translation.override(language):
        expected = [gettext("Signed in"), gettext("Sign-in failed")]
    assert [(row[1], row[2], row[3], row[4]) for row in rows[1:]] == [
        ("Siti Aminah", expected[0], "kepala", "203.0.113.9"),
        ("Siti Aminah", expected[1], "kepala", "203.0.113.8"),
    ]
    times = [datetime.strptime(row[0], "%Y-%m-%d %H:%M:%S") for row in rows[1:]]
    assert times == sorted(times, reverse=True)


def test_the_xlsx_export_is_offered(client, administrator):
    sign_in(client, "kepala")
    response = client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="staff-activity-')
