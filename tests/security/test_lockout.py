"""Sign-in lockout: wrong passwords lock a username and an address; administrators unlock."""

import logging

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client, override_settings
from wagtail.users.models import UserProfile

PASSWORD = "a-long-enough-password-for-tests"
LOGIN = "/admin/login/"
LOCKED_EN = "Too many failed sign-in attempts"
LOCKED_FR = "Trop de tentatives de connexion"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("reception-desk", password=PASSWORD)


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_superuser("colleague", password=PASSWORD)


def sign_in(username, password, address="203.0.113.5", client=None, **headers):
    client = client or Client()
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def fail(times, username="reception-desk", address="203.0.113.5", **headers):
    return [sign_in(username, "wrong", address, **headers) for _ in range(times)]


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_twelve_wrong_passwords_lock_the_account_with_a_message(staff, caplog):
    with caplog.at_level(logging.WARNING, logger="security"):
        responses = fail(12)
    first, last = responses[0], responses[-1]
    assert first.status_code == 200  # an ordinary "wrong password" before the limit
    assert LOCKED_EN not in first.content.decode()
    assert last.status_code == 429
    page = last.content.decode()
    assert LOCKED_EN in page
    assert 'name="password"' in page  # Wagtail's own sign-in page, not a bare error
    assert any("locked out" in record.getMessage() for record in caplog.records)
    assert "reception-desk" in caplog.text

    # The right password is refused too while the lock holds.
    response = sign_in("reception-desk", PASSWORD)
    assert response.status_code == 429
    assert LOCKED_EN in response.content.decode()


def test_the_lock_holds_per_username_and_per_address(staff, colleague):
    fail(5)  # the limit (LOGIN_FAILURE_LIMIT, default 5)
    # The same username from elsewhere: locked (per username).
    assert sign_in("reception-desk", PASSWORD, address="198.51.100.7").status_code == 429
    # Another username from the same address: locked (per address).
    assert sign_in("colleague", PASSWORD, address="203.0.113.5").status_code == 429
    # Another username from another address: unaffected.
    assert signed_in(sign_in("colleague", PASSWORD, address="198.51.100.7"))


def test_fewer_failures_than_the_limit_then_success_starts_afresh(staff):
    fail(4)
    assert signed_in(sign_in("reception-desk", PASSWORD))
    fail(4)
    assert signed_in(sign_in("reception-desk", PASSWORD))


def test_the_message_is_in_french_for_a_french_browser(staff):
    responses = fail(6, HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")
    assert LOCKED_FR in responses[-1].content.decode()


@pytest.mark.parametrize(
    ("proxies", "forwarded", "counted_as"),
    [
        (0, "192.0.2.1", "203.0.113.5"),  # no proxy: the header is the client's own word
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "10.9.9.9, 192.0.2.1", "192.0.2.1"),  # the forged left entry is ignored
        (2, "10.9.9.9, 192.0.2.1, 198.51.100.2", "192.0.2.1"),
        (1, "not-an-address", "203.0.113.5"),
    ],
)
def test_behind_a_trusted_proxy_the_forwarded_address_counts(db, proxies, forwarded, counted_as):
    from axes.models import AccessAttempt

    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        sign_in("someone", "wrong", HTTP_X_FORWARDED_FOR=forwarded)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [counted_as]


def test_spoofed_forwarded_addresses_do_not_escape_the_lock_without_a_proxy(staff):
    for number in range(6):
        sign_in("reception-desk", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert sign_in("colleague", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


# Unlocking


def administrator(django_user_model, username="admin-user"):
    user = django_user_model.objects.create_user(username, password=PASSWORD)
    group, _created = Group.objects.get_or_create(name="Administrators")
    group.permissions.add(*Permission.objects.all())
    user.groups.add(group)
    return user


def test_an_administrator_unlocks_a_username_and_it_signs_in_again(db, staff, django_user_model):
    fail(6)
    client = Client()
    client.force_login(administrator(django_user_model))
    listing = client.get("/admin/lockouts/")
    assert listing.status_code == 200
    assert "reception-desk" in listing.content.decode()
    response = client.post("/admin/lockouts/", {"username": "reception-desk"})
    assert response.status_code == 302
    assert signed_in(sign_in("reception-desk", PASSWORD, address="198.51.100.7"))


def test_an_administrator_unlocks_an_address(db, staff, colleague, django_user_model):
    fail(6)
    client = Client()
    client.force_login(administrator(django_user_model))
    client.post("/admin/lockouts/", {"ip_address": "203.0.113.5"})
    assert signed_in(sign_in("colleague", PASSWORD))


def test_the_lockouts_page_is_in_the_settings_menu_for_administrators_only(db, django_user_model):
    client = Client()
    client.force_login(administrator(django_user_model))
    assert "/admin/lockouts/" in client.get("/admin/").content.decode()

    editor = django_user_model.objects.create_user("editor", password=PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert "/admin/lockouts/" not in client.get("/admin/").content.decode()


def test_others_cannot_see_or_unlock_even_with_a_forged_post(db, staff, django_user_model):
    fail(6)
    editor = django_user_model.objects.create_user("editor", password=PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(editor)
    assert client.get("/admin/lockouts/").status_code in (302, 403)
    client.post("/admin/lockouts/", {"username": "reception-desk"})
    assert sign_in("reception-desk", PASSWORD, address="198.51.100.7").status_code == 429


def test_the_lockouts_page_in_french(db, staff, django_user_model):
    fail(6)
    user = administrator(django_user_model)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr-ca"
    profile.save()
    client = Client()
    client.force_login(user)
    page = client.get("/admin/lockouts/").content.decode()
    assert "Connexions bloquées" in page
    assert "Déverrouiller" in page
