import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from wagtail.users.models import UserProfile

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = (
        "Creates the administrator account if it is missing and prints how to log in. "
        "ADMIN_USERNAME and ADMIN_PASSWORD choose the login; without them a password is generated "
        "once and kept in .admin-password (ignored by git)."
    )

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME") or "admin"
        password = os.environ.get("ADMIN_PASSWORD")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            if not password:
                password = secrets.token_urlsafe(12)
                PASSWORD_FILE.write_text(password + "\n")
                PASSWORD_FILE.chmod(0o600)
            user = User.objects.create_superuser(username=username, email="", password=password)
            # Communications staff work in Indonesian, so the admin starts in Indonesian.
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "id"
            profile.save()
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
        elif PASSWORD_FILE.exists():
            password = PASSWORD_FILE.read_text().strip() + " (generated at first setup)"
        else:
            password = "(unchanged; set ADMIN_PASSWORD to reset it)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  user: {username}  password: {password}"
            )
        )
