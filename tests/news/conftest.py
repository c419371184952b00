import pytest

from tests.factories import EventIndexPageFactory, category_in_both, translate


@pytest.fixture
def news_index_en(news_index, locale_en):
    return news_index.get_translation(locale_en).specific


@pytest.fixture
def event_index(home, locale_en):
    index = EventIndexPageFactory(parent=home)
    translate(index, locale_en, title="Events", slug="events")
    return index


@pytest.fixture
def awards(locale_id, locale_en):
    return category_in_both(("Penghargaan", "penghargaan"), ("Awards", "awards"))
