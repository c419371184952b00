from playwright.sync_api import expect

from tests.browser.helpers import axe_violations


def fill_in(page):
    page.get_by_label("Name").fill("Siti Aminah")
    page.get_by_label("E-mail").fill("siti@example.com")
    page.get_by_label("Subject").select_option("Visit by a school group")
    page.get_by_label("Message", exact=True).fill("May a class of 30 pupils visit on a Saturday?")


def test_errors_are_listed_and_the_input_kept(open_page):
    page = open_page("/en/contact/")
    fill_in(page)
    page.locator("input[name=shown-at]").evaluate("input => input.value = 'altered'")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("alert")).to_contain_text("This form has expired.")
    expect(page.get_by_label("Message", exact=True)).to_have_value("May a class of 30 pupils visit on a Saturday?")
    assert axe_violations(page) == []


def test_a_visitor_sends_a_message_without_javascript(open_page):
    page = open_page("/en/contact/", java_script_enabled=False)
    fill_in(page)
    page.wait_for_timeout(3100)  # people take longer than the time check allows bots
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("status")).to_have_text("Thank you, we have received your message.")
