from unittest import mock

import pytest

from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_cache_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert client.head("/healthz").status_code == 200


def test_healthz_is_503_when_the_cache_cannot_be_written(client):
    with mock.patch.object(cache, "set", side_effect=ConnectionError("redis://:hunter2@10.0.0.5 refused")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error"}
    assert b"hunter2" not in response.content
    assert "no-store" in response["Cache-Control"]


def test_healthz_is_503_when_the_cache_loses_what_it_was_given(client):
    with mock.patch.object(cache, "get", return_value=None):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error"}


def test_healthz_is_503_when_the_database_fails(client):
    failure = OperationalError('connection to server at "10.0.0.4" failed: password "hunter2" rejected')
    with mock.patch.object(connection, "cursor", side_effect=failure):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "error", "cache": "ok"}
    assert b"hunter2" not in response.content and b"Traceback" not in response.content


def test_healthz_answers_only_get_and_head():
    client = Client(enforce_csrf_checks=True)  # as a browser or curl meets it
    assert client.post("/healthz").status_code == 405
    assert client.put("/healthz").status_code == 405
