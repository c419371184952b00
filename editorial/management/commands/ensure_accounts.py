import json
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from wagtail.users.models import UserProfile

PASSWORD_FILE = Path(settings.BASE_DIR) / ".passwords"


class Command(BaseCommand):
    help = (
        "Creates the administrator account (and with --demo an editor and a moderator to try the "
        "review step) if missing, and prints how to log in. ADMIN_USERNAME and ADMIN_PASSWORD choose "
        "the administrator's login; other passwords are generated once and kept in .passwords "
        "(ignored by git)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also the demo editor and moderator.")

    def handle(self, *args, demo=False, **options):
        saved = json.loads(PASSWORD_FILE.read_text()) if PASSWORD_FILE.exists() else {}
        accounts = [("Administrators", os.environ.get("ADMIN_USERNAME") or "admin", os.environ.get("ADMIN_PASSWORD"))]
        if demo:
            accounts += [("Editors", "editor", None), ("Moderators", "moderator", None)]
        self.stdout.write(self.style.SUCCESS(f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/"))
        for group, username, password in accounts:
            password = self.ensure(group, username, password, saved)
            self.stdout.write(self.style.SUCCESS(f"  {group}: user {username}  password {password}"))
        self.stdout.write(
            "  Two-step sign-in: Administrators and Moderators set it up at their first sign-in. Install an\n"
            "  authenticator app on a phone (Google Authenticator, Aegis, 2FAS), scan the QR code the page\n"
            "  shows and type its six-digit code; keep the ten recovery codes it gives. Editors may turn it\n"
            "  on under Account > Two-step verification."
        )
        PASSWORD_FILE.write_text(json.dumps(saved, indent=1) + "\n")
        PASSWORD_FILE.chmod(0o600)

    def ensure(self, group, username, password, saved):
        """Creates the account in `group` if it is missing; returns the password to print."""
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            if not password:
                password = saved[username] = secrets.token_urlsafe(12)
            email = f"{username}@perpustakaan.example"
            if group == "Administrators":
                user = User.objects.create_superuser(username=username, email=email, password=password)
            else:
                user = User.objects.create_user(username=username, email=email, password=password)
            user.groups.add(Group.objects.get(name=group))
            # Communications staff work in Indonesian, so the admin starts in Indonesian.
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "id"
            profile.save()
            return password
        if password:
            user.set_password(password)
            user.save(update_fields=["password"])
            return password
        return saved.get(username, "(unchanged)")
