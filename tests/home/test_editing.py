from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import ContactPageFactory, HomePageFactory, StandardPageFactory, VisitPageFactory
from tests.portal.images import sample_image

CONTACT_NAME_FIELD = {
    "label": "Nama",
    "help_text": "",
    "required": True,
    "field_type": "singleline",
    "choices": "",
    "default_value": "",
}


class EditingTests(WagtailPageTestCase):
    """Every page type opens in the editor, previews and renders, with every body block filled."""

    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, locale=Locale.get_default())
        Site.objects.filter(is_default_site=True).update(root_page=cls.home)
        image = sample_image()
        document = get_document_model().objects.create(
            title="Laporan tahunan", file=ContentFile(b"%PDF-1.4 laporan", name="laporan.pdf")
        )
        image_value = {"image": image.pk, "alt_text": "Ruang baca yang terang", "decorative": False}
        cls.home.featured = [
            {"type": "slide", "value": {"image": image_value, "title": "Selamat datang", "caption": "", "page": None}}
        ]
        cls.home.save_revision().publish()
        cls.standard = StandardPageFactory(
            parent=cls.home,
            title="Layanan",
            slug="layanan",
            body=[
                {"type": "heading", "value": {"text": "Ruang baca", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Buka untuk umum.</p>"},
                {"type": "image", "value": {"image": image_value, "caption": "Lantai satu", "credit": "Staf"}},
                {"type": "quote", "value": {"quote": "Membaca membuka dunia.", "attribution": "Pustakawan"}},
                {"type": "document", "value": {"document": document.pk, "title": ""}},
                {
                    "type": "table",
                    "value": {
                        "data": [["Hari", "Jam"], ["Senin", "07.30-15.30"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                    },
                },
            ],
        )
        cls.visit = VisitPageFactory(parent=cls.home)
        cls.contact = ContactPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_every_page_type_opens_in_the_editor(self):
        for page in (self.home, self.standard, self.visit, self.contact):
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            self.assertEqual(response.status_code, 200, page.title)

    def test_every_page_type_previews_and_renders(self):
        common = {"slug": "x", "search_description": "", "seo_title": ""}
        forms = {
            self.home: {
                "title": "Beranda",
                "featured": streamfield([]),
                "welcome_title": "Halo",
                "welcome_text": rich_text("<p>Halo</p>"),
            },
            self.standard: {"title": "Layanan", "introduction": "", "body": streamfield([])},
            self.visit: {
                "title": "Kunjungi",
                "introduction": "",
                "latitude": "",
                "longitude": "",
                "embed_map": True,
                "facilities": streamfield([]),
                "membership": rich_text(""),
                "body": streamfield([]),
            },
            self.contact: {
                "title": "Kontak",
                "introduction": "",
                "thank_you_text": rich_text(""),
                "form_fields": inline_formset([CONTACT_NAME_FIELD]),
            },
        }
        for page, data in forms.items():
            with self.subTest(page=page.title):
                self.assertPageIsPreviewable(page, post_data=nested_form_data({**common, **data}))
                self.assertPageIsRenderable(page)

    def test_editor_saves_a_standard_page_with_body_blocks(self):
        data = nested_form_data(
            {
                "title": "Layanan baru",
                "slug": "layanan",
                "introduction": "Pengantar baru.",
                "body": streamfield([("heading", {"text": "Ruang anak", "level": "h2"})]),
            }
        )
        self.assertPageIsEditable(self.standard, post_data=data)

    def test_body_blocks_render_what_the_editor_wrote(self):
        html = self.client.get("/id/layanan/").content.decode()
        self.assertIn('<h2 class="stream-heading">Ruang baca</h2>', html)
        self.assertIn('alt="Ruang baca yang terang"', html)
        self.assertIn("format-webp", html)
        self.assertIn('loading="lazy"', html)
        self.assertIn('<figcaption>Lantai satu <span class="credit">Staf</span></figcaption>', html)
        self.assertIn("Membaca membuka dunia.", html)
        self.assertIn('>Laporan tahunan</a> <span class="small">(PDF', html)
        self.assertRegex(html, r"<td\s*>\s*Senin\s*</td>")

    def test_first_slide_loads_eagerly_with_sizes_and_alt_text(self):
        html = self.client.get("/id/").content.decode()
        self.assertIn('alt="Ruang baca yang terang"', html)
        self.assertIn('loading="eager"', html)
        self.assertIn('sizes="100vw"', html)
        self.assertIn('width="480"', html)

    def test_editor_can_create_pages_where_the_tree_allows(self):
        self.assertCanCreate(
            self.home,
            StandardPageFactory._meta.model,
            nested_form_data(
                {"title": "Keanggotaan", "slug": "keanggotaan", "introduction": "", "body": streamfield([])}
            ),
        )

    def test_editor_creates_a_contact_page_with_its_fields(self):
        self.contact.delete()
        data = {
            "title": "Kontak",
            "slug": "kontak",
            "introduction": "",
            "thank_you_text": rich_text("<p>Terima kasih.</p>"),
            "form_fields": inline_formset(
                [CONTACT_NAME_FIELD, {**CONTACT_NAME_FIELD, "label": "E-mail", "field_type": "email"}]
            ),
        }
        self.assertCanCreate(self.home, ContactPageFactory._meta.model, nested_form_data(data))
        page = ContactPageFactory._meta.model.objects.get(slug="kontak", alias_of=None)
        self.assertEqual([field.clean_name for field in page.form_fields.all()], ["nama", "e_mail"])
        self.assertEqual({field.locale_id for field in page.form_fields.all()}, {page.locale_id})
