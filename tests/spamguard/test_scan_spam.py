"""`scan_spam`, for cron: what it prints and its exit code."""

from django.core.management import execute_from_command_line


def scan_spam():
    """The exit code, as cron sees it."""
    try:
        execute_from_command_line(["manage.py", "scan_spam"])
    except SystemExit as exit:
        return exit.code
    return 0


def test_exits_0_on_a_clean_site(home, capsys):
    assert scan_spam() == 0
    assert "No spam found." in capsys.readouterr().out


def test_prints_each_finding_and_exits_1(spam_page, capsys):
    assert scan_spam() == 1
    out, err = capsys.readouterr()
    # In the site's language, Indonesian: "Halaman standar “Info layanan” | Pengantar | ..."
    [line] = out.splitlines()
    assert line.startswith("Halaman standar “Info layanan” | Pengantar | ")
    assert line.endswith(f"“slot gacor” | /admin/pages/{spam_page.pk}/edit/")
    assert "1 finding(s) of possible spam." in err
