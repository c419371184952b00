from django.urls import path

from editorial import preview_links

# One address for every language: the page's own language is used to show the draft.
urlpatterns = [path("preview/<slug:token>/", preview_links.serve, name="preview_link")]
