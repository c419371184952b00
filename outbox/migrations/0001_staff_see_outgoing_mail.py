"""Moderators and Administrators see the outgoing e-mail and may send it again (contact messages
hold visitors' personal data: editors do not see them)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Moderators", "Administrators")
CODENAMES = ("view_email", "change_email")


def grant(apps, schema_editor):
    # Permissions are made after all migrations have run: make post_office's now.
    post_office = apps.get_app_config("post_office")
    post_office.models_module = True
    create_permissions(post_office, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="post_office", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="post_office", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_review_workflow"),
        ("post_office", "0014_alter_email_recipient_delivery_status_and_more"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
