"""Passwords of at least 12 characters; staff sessions end after a while without activity."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.utils import translation

from security.middleware import LAST_SEEN_KEY

PASSWORD = "a-long-enough-password-for-tests"


def test_a_password_needs_twelve_characters():
    with translation.override("en"), pytest.raises(ValidationError, match="at least 12 char"):
        validate_password("Xq7!vRt2#kL")  # 11
    validate_password("Xq7!vRt2#kLp")  # 12


def test_the_admin_refuses_a_short_password_for_a_new_user(db, django_user_model):
    admin = django_user_model.objects.create_superuser("admin-user", password=PASSWORD)
    client = Client()
    client.force_login(admin)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "new-editor",
            "email": "new-editor@example.test",
            "first_name": "New",
            "last_name": "Editor",
            "password1": "Xq7!vRt2#kL",
            "password2": "Xq7!vRt2#kL",
        },
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not django_user_model.objects.filter(username="new-editor").exists()


@pytest.fixture
def staff_client(db, django_user_model):
    django_user_model.objects.create_superuser("admin-user", password=PASSWORD)
    client = Client()
    response = client.post("/admin/login/", {"username": "admin-user", "password": PASSWORD})
    assert response.status_code == 302
    return client


def last_seen(client):
    return client.session.get(LAST_SEEN_KEY)


def set_last_seen(client, minutes_ago):
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - minutes_ago * 60
    session.save()


def test_a_session_idle_past_the_limit_is_signed_out(staff_client):
    assert staff_client.get("/admin/").status_code == 200
    set_last_seen(staff_client, 31)
    response = staff_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    # Signed out for good, not just for one request.
    assert staff_client.get("/admin/").status_code == 302


def test_the_sign_in_page_then_says_why(staff_client):
    staff_client.get("/admin/")
    set_last_seen(staff_client, 31)
    response = staff_client.get("/admin/", follow=True)
    assert "signed out after 30 minutes without activity" in response.content.decode()


def test_activity_keeps_the_session(staff_client):
    staff_client.get("/admin/")
    set_last_seen(staff_client, 29)
    assert staff_client.get("/admin/").status_code == 200
    assert time.time() - last_seen(staff_client) < 5  # renewed by that request


def test_signing_in_starts_the_clock(staff_client):
    assert time.time() - last_seen(staff_client) < 5


def test_activity_is_recorded_at_most_once_a_minute(staff_client):
    staff_client.get("/admin/")
    recorded = last_seen(staff_client)
    staff_client.get("/admin/")
    assert last_seen(staff_client) == recorded


def test_an_edit_pages_automatic_pings_are_not_activity(staff_client):
    staff_client.get("/admin/")
    set_last_seen(staff_client, 10)
    before = last_seen(staff_client)
    staff_client.post("/admin/editing-sessions/ping/wagtailcore/page/1/1/")
    assert last_seen(staff_client) == before


@override_settings(STAFF_SESSION_IDLE_MINUTES=5)
def test_the_limit_comes_from_the_settings(staff_client):
    staff_client.get("/admin/")
    set_last_seen(staff_client, 6)
    assert staff_client.get("/admin/").status_code == 302
