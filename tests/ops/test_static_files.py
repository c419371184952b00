import json

from django.core.management import call_command

from portal.settings import base


def test_production_static_files_are_hashed_compressed_and_within_budget(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = base.STORAGES  # whitenoise's compressed manifest storage, as in production
    call_command("collectstatic", interactive=False, verbosity=0)

    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    css, js = manifest["portal/css/site.css"], manifest["portal/js/site.js"]
    assert css != "portal/css/site.css" and (tmp_path / css).exists()
    assert (tmp_path / f"{css}.gz").exists() and (tmp_path / f"{js}.gz").exists()
    # DESIGN.md budgets: CSS under 30 KB, JS under 15 KB (uncompressed).
    assert (tmp_path / css).stat().st_size < 30_000
    assert (tmp_path / js).stat().st_size < 15_000
