"""The review workflow and its task named in Indonesian only: "Tinjau sebelum terbit (Review before
publishing)" filled every action menu ("Ajukan ke Tinjau sebelum terbit (Review before
publishing)") and "Tinjauan moderator (Moderator review)" every workflow status, in an admin
that is in Indonesian. Names a site has changed itself are left as they are."""

from django.db import migrations

RENAMES = {
    "Workflow": ("Tinjau sebelum terbit (Review before publishing)", "Tinjau sebelum terbit"),
    "Task": ("Tinjauan moderator (Moderator review)", "Tinjauan moderator"),
}


def rename(apps, schema_editor, backwards=False):
    for model, names in RENAMES.items():
        old, new = reversed(names) if backwards else names
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_english_tree_follows_indonesian")]

    operations = [
        migrations.RunPython(rename, lambda apps, schema_editor: rename(apps, schema_editor, backwards=True))
    ]
