"""A moderator's first sign-in in Chromium, in the Indonesian admin: the password, then enrolment
with the QR code the site draws, a code computed here from the key the page shows (as the phone's
app computes it), the recovery codes, and the dashboard; then the next sign-in with a recovery code.
A wrong code on the way is said to be wrong, where the moderator sees it."""

import base64
import time

import pytest
from django_otp.oath import totp

from tests.browser.helpers import STAFF_PASSWORD, assert_accessible, staff_member

pytestmark = [pytest.mark.browser, pytest.mark.second_step]


def test_a_moderator_enrols_at_the_first_sign_in(browser, site, db_access):
    moderator = staff_member("penyunting-2fa", "Moderators")
    context, page = password_given(browser, site, moderator)
    page.wait_for_url("**/admin/second-step/setup/**")
    assert page.locator("#main h1").inner_text() == "Siapkan verifikasi dua langkah"
    qr = page.locator(".qr-code svg")
    assert qr.is_visible() and qr.bounding_box()["width"] >= 150  # big enough for a phone's camera
    assert_accessible(page, "enrolment")
    key = base64.b32decode(page.locator("[data-secret]").inner_text().replace(" ", ""))
    code = f"{totp(key):06d}"
    send_a_wrong_code(page, "111111" if code == "000000" else "000000")
    assert page.get_by_role("status").get_by_text("Kode ini tidak benar. Pindai kode QR sekali lagi").is_visible()
    time.sleep(1.1)  # django-otp waits a second after a wrong code
    page.fill("#id_code", f"{totp(key):06d}")
    page.click("button[type=submit]")

    assert page.locator("#main h1").inner_text() == "Kode pemulihan Anda"
    assert page.locator(".recovery-codes li").count() == 10
    recovery_code = page.locator(".recovery-codes li").first.inner_text()
    assert page.get_by_text("Verifikasi dua langkah aktif untuk akun Anda.").is_visible()
    page.click("text=Sudah saya simpan, lanjutkan")
    page.wait_for_url("**/admin/")  # the dashboard, open now
    assert page.locator("#main").is_visible()
    context.close()

    # The next sign-in, on another browser: the code is asked for; without the phone, a recovery code.
    context, page = password_given(browser, site, moderator)
    page.wait_for_url("**/admin/second-step/**")
    assert page.locator("#main h1").inner_text() == "Verifikasi dua langkah"
    send_a_wrong_code(page, "000000" if code != "000000" else "111111")
    assert page.get_by_role("status").get_by_text("Kode ini tidak benar. Periksa jam di ponsel Anda").is_visible()
    assert_accessible(page, "wrong code")
    time.sleep(2.1)  # two seconds after a second wrong code
    page.fill("#id_code", recovery_code)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    assert page.get_by_text("Anda masuk dengan kode pemulihan: tersisa 9.").is_visible()
    context.close()


def password_given(browser, site, user):
    """A phone-sized browser of its own, past the sign-in's first step."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("button[type=submit]")
    return context, page


def send_a_wrong_code(page, wrong):
    page.fill("#id_code", wrong)
    with page.expect_navigation():
        page.click("button[type=submit]")
