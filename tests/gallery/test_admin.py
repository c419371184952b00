from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from gallery.models import GalleryPage
from tests.factories import GalleryIndexPageFactory, HomePageFactory
from tests.portal.images import sample_image


class AlbumEditingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePageFactory(parent=Page.get_first_root_node(), locale=Locale.get_default())
        Site.objects.filter(is_default_site=True).update(root_page=home)
        cls.gallery = GalleryIndexPageFactory(parent=home)
        cls.collection = Collection.get_first_root_node().add_child(name="Road show 2014")
        cls.photos = [sample_image(f"Road show {n}") for n in range(3)]
        for image in cls.photos:
            image.collection = cls.collection
            image.description = f"Warga di road show, foto {image.title[-1]}"
            image.save()

    def setUp(self):
        self.login()

    def album_form(self, **extra):
        return nested_form_data(
            {
                "title": "Road show",
                "slug": "road-show",
                "date": "2014-05-20",
                "place": "Pamekasan",
                "description": "",
                "related_pages": streamfield([]),
                "photos": inline_formset([]),
                **extra,
            }
        )

    def test_choosing_a_collection_fills_the_album_once(self):
        self.assertCanCreate(self.gallery, GalleryPage, self.album_form(fill_from_collection=self.collection.pk))
        album = GalleryPage.objects.get(slug="road-show", alias_of=None)
        photos = list(album.photos.all())
        self.assertEqual([photo.image for photo in photos], self.photos)
        self.assertEqual(photos[0].alt_text, "Warga di road show, foto 0")

    def test_album_editor_offers_multiple_choice_and_the_collection_field(self):
        response = self.client.get(f"/admin/pages/add/gallery/gallerypage/{self.gallery.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="fill_from_collection"')
        self.assertContains(response, "Road show 2014")
        self.assertContains(response, '"type": "MultipleChooserPanel"')
