"""The three roles of the library's staff and the review every page passes before it goes live.

- Editors write pages, images, documents and the content snippets (categories, subjects,
  districts, partners) and submit pages for review; they cannot publish, nor touch users, site
  settings or what goes live at once on every page (alert banners, opening hours, profile).
- Moderators also publish, lock and delete pages, and manage every snippet, the library settings
  and redirects.
- Administrators may do everything, users and groups included.

Running it again (on an existing site) sets the groups back to these permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Tinjau sebelum terbit (Review before publishing)"
TASK_NAME = "Tinjauan moderator (Moderator review)"

CONTENT_SNIPPETS = [("news", "newscategory"), ("local_content", "district"), ("local_content", "subject")]
CONTENT_SNIPPETS += [("programmes", "partner")]
SITE_SNIPPETS = [("portal", "alert"), ("portal", "specialschedule"), ("portal", "libraryprofile")]
MEDIA = [("wagtailimages", "image"), ("wagtaildocs", "document")]


def model_permissions(models, actions=("add", "change", "delete", "view")):
    return [(app, f"{action}_{model}") for app, model in models for action in actions]


EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    *model_permissions(MEDIA, ("add", "change", "choose", "delete")),
    *model_permissions(CONTENT_SNIPPETS),
]
MODERATOR_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    *model_permissions(SITE_SNIPPETS),
    ("portal", "change_librarysettings"),
    *model_permissions([("wagtailredirects", "redirect")]),
]
PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
PAGE_PERMISSIONS["Administrators"] = PAGE_PERMISSIONS["Moderators"]
COLLECTION_PERMISSIONS = {
    "Editors": ["add", "change", "choose"],
    "Moderators": ["add", "change", "choose", "delete"],
    "Administrators": ["add", "change", "choose", "delete"],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; a fresh database needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permissions(pairs):
        return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    model_level = {
        "Editors": permissions(EDITOR_PERMISSIONS),
        "Moderators": permissions(MODERATOR_PERMISSIONS),
        "Administrators": list(Permission.objects.all()),
    }
    for name, granted in model_level.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(granted)
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=Permission.objects.get(codename=codename)
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for app, model in MEDIA:
            for action in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}"),
                )


def create_review_workflow(apps, schema_editor):
    """One approval step by the Moderators for every page of the site, instead of Wagtail's default."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": content_type, "active": True}
    )
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    root_page = Page.objects.get(depth=1)
    replaced = [link.workflow for link in WorkflowPage.objects.filter(page=root_page).exclude(workflow=workflow)]
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    for old in replaced:
        if not WorkflowPage.objects.filter(workflow=old).exists():
            old.active = False
            old.save(update_fields=["active"])
            GroupApprovalTask.objects.filter(workflow_tasks__workflow=old).exclude(pk=task.pk).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("portal", "0004_trigram_extension"),
        ("news", "0002_index_page_introduction"),
        ("local_content", "0002_index_page_introduction"),
        ("programmes", "0002_index_page_introduction"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_review_workflow, migrations.RunPython.noop),
    ]
