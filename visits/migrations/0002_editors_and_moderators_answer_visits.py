"""Editors and Moderators see and answer the group visit requests; Moderators also delete them
(editorial/migrations/0002 sets up the groups; Administrators have every permission)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Editors": ["view_visitrequest", "change_visitrequest"],
    "Moderators": ["view_visitrequest", "change_visitrequest", "delete_visitrequest"],
    "Administrators": ["view_visitrequest", "change_visitrequest", "delete_visitrequest"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; a fresh database needs them now.
    app_config = apps.get_app_config("visits")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.add(*Permission.objects.filter(content_type__app_label="visits", codename__in=GRANTS[group.name]))


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0001_initial"),
        ("editorial", "0002_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
