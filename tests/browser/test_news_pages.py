def test_copy_link_button_appears_with_javascript(open_page):
    page = open_page("/en/news/most-innovative-library/")
    assert page.get_by_role("button", name="Copy link").is_visible()
    page = open_page("/en/news/most-innovative-library/", java_script_enabled=False)
    assert page.get_by_role("button", name="Copy link").count() == 0
    assert page.get_by_label("Link to this page").input_value().endswith("/en/news/most-innovative-library/")
