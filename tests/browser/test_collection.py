def test_facet_links_work_without_javascript(open_page):
    page = open_page("/en/madura-collection/", java_script_enabled=False)
    page.get_by_role("link", name="Sound").click()
    page.wait_for_url("**/madura-collection/?type=Sound")
    assert page.get_by_role("heading", name="3 items").is_visible()
