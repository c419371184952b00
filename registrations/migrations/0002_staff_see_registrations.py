"""Editors and Moderators see and change registrations (the lists, the export, the check-in at the
door); Moderators may also add and delete them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTED = {
    "Editors": ("view_registration", "change_registration"),
    "Moderators": ("view_registration", "change_registration", "add_registration", "delete_registration"),
}


def grant(apps, schema_editor):
    # Permissions are made after all migrations have run: make this app's now.
    config = apps.get_app_config("registrations")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTED):
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="registrations", codename__in=GRANTED[group.name])
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTED):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="registrations"))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_review_workflow"),
        ("registrations", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
