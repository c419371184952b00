from django.urls import path

from local_content import oai

urlpatterns = [path("oai/", oai.endpoint, name="oai")]
