"""A new page whose address another request takes while it is being saved: the editor gets the form
back with the reason, not a server error, and the other page stays as it was."""

from django.db import connection
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.factories import StandardPageFactory


def test_an_address_taken_during_the_save_gives_the_form_back(client, home, editor):
    StandardPageFactory(parent=home, title="Layanan", slug="layanan")
    checked, taken = [], []

    def another_editor_saves_first(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        # The form has just found the address free; the other editor's page lands before the save.
        if not checked and '"slug" =' in sql:
            checked.append(sql)
            taken.append(StandardPageFactory(parent=Page.objects.get(pk=home.pk), title="Jam buka", slug="jam-buka"))
        return result

    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    data = {"title": "Jam buka", "slug": "jam-buka", "introduction": "", "body": streamfield([])}
    with connection.execute_wrapper(another_editor_saves_first):
        response = client.post(url, nested_form_data({**data, "action-submit": "1"}))

    assert taken, "the form never checked the address"
    assert response.status_code == 200
    content = response.content.decode()
    assert "Halaman tidak dapat dibuat karena ada kesalahan validasi." in content
    assert "Slug &#x27;jam-buka&#x27; sudah digunakan di dalam halaman induk di &#x27;/id/&#x27;." in content
    assert 'name="title" value="Jam buka"' in content  # what the editor wrote is still in the form
    assert [page.pk for page in Page.objects.child_of(home).filter(slug="jam-buka")] == [taken[0].pk]
