def test_footer_shows_the_library_settings_in_indonesian(client, library):
    html = client.get("/id/").text
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Perpustakaan Umum Kabupaten Uji" in footer
    assert "Jl. Merdeka No. 1<br>Kota Uji" in footer
    assert 'href="tel:0324322001"' in footer
    assert 'href="mailto:info@perpustakaan.example"' in footer
    assert 'href="https://www.facebook.com/perpustakaan.uji"' in footer
    assert "Tutup pada hari libur nasional." in footer
    assert "Senin" in footer and "Minggu" in footer


def test_footer_shows_the_english_profile_on_english_pages(client, library):
    html = client.get("/en/").text
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Test Regency Public Library" in footer
    assert "Closed on national holidays." in footer
    assert "Monday" in footer and "Sunday" in footer


def test_social_links_only_for_networks_that_are_filled_in(client, library):
    html = client.get("/en/").text
    assert "social--facebook" in html
    assert "social--youtube" not in html
    assert "social--email" in html


def test_changed_settings_show_on_the_next_page_view(client, library):
    library.phone = "(0324) 999 888"
    library.save()
    assert "(0324) 999 888" in client.get("/id/").text
