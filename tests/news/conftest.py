import pytest

from tests.factories import EventIndexPageFactory, NewsCategoryFactory, NewsIndexPageFactory, translate


@pytest.fixture
def news_index(home, locale_en):
    index = NewsIndexPageFactory(parent=home, introduction="Kabar perpustakaan.")
    translate(index, locale_en, title="News", slug="news", introduction="Library news.")
    return index


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
    category = NewsCategoryFactory(name="Penghargaan", slug="penghargaan", locale=locale_id)
    english = category.copy_for_translation(locale_en)
    english.name, english.slug = "Awards", "awards"
    english.save()
    return category
