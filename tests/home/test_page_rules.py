from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from gallery.models import GalleryIndexPage
from home.models import ContactPage, HomePage, StandardPage, VisitPage
from local_content.models import CollectionIndexPage
from news.models import EventIndexPage, NewsIndexPage
from programmes.models import ProgrammeIndexPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                VisitPage,
                ContactPage,
                NewsIndexPage,
                EventIndexPage,
                GalleryIndexPage,
                ProgrammeIndexPage,
                CollectionIndexPage,
            },
        )

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_visit_page_is_a_leaf_under_home(self):
        self.assertAllowedParentPageTypes(VisitPage, {HomePage})
        self.assertAllowedSubpageTypes(VisitPage, set())
        self.assertCanNotCreateAt(StandardPage, VisitPage)

    def test_contact_page_is_a_leaf_under_home(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())
