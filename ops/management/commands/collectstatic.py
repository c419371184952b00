"""Django's collectstatic, then the pages nginx shows for what it answers itself, in both languages
(ops/errors.py proxy_pages; deploy/nginx.conf serves them from STATIC_ROOT/errors/)."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.management.commands import collectstatic

from ops.errors import proxy_pages


class Command(collectstatic.Command):
    def handle(self, **options):
        summary = super().handle(**options)
        if not options["dry_run"]:
            folder = Path(settings.STATIC_ROOT) / "errors"
            folder.mkdir(parents=True, exist_ok=True)
            for name, page in proxy_pages():
                (folder / name).write_text(page, encoding="utf-8")
        return summary
