"""A moderator's first sign-in in Chromium, in the Indonesian admin: the password, then enrolment
with the QR code the site draws, a code computed here from the key the page shows (as the phone's
app computes it), the recovery codes, and the dashboard."""

import base64

import pytest
from django_otp.oath import totp

from tests.browser.helpers import STAFF_PASSWORD, assert_accessible, staff_member

pytestmark = [pytest.mark.browser, pytest.mark.second_step]


def test_a_moderator_enrols_at_the_first_sign_in(browser, site, db_access):
    moderator = staff_member("penyunting-2fa", "Moderators")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", moderator.username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("button[type=submit]")

    page.wait_for_url("**/admin/second-step/setup/**")
    assert page.locator("#main h1").inner_text() == "Siapkan verifikasi dua langkah"
    qr = page.locator(".qr-code svg")
    assert qr.is_visible() and qr.bounding_box()["width"] >= 150  # big enough for a phone's camera
    assert_accessible(page, "enrolment")
    secret = page.locator("[data-secret]").inner_text().replace(" ", "")
    page.fill("#id_code", f"{totp(base64.b32decode(secret)):06d}")
    page.click("button[type=submit]")

    assert page.locator("#main h1").inner_text() == "Kode pemulihan Anda"
    assert page.locator(".recovery-codes li").count() == 10
    assert page.get_by_text("Verifikasi dua langkah aktif untuk akun Anda.").is_visible()
    page.click("text=Sudah saya simpan, lanjutkan")
    page.wait_for_url("**/admin/")  # the dashboard, open now
    assert page.locator("#main").is_visible()
    context.close()
