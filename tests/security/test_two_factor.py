"""Two-step sign-in: required for Reception, Administrators and superusers; optional for others.

The other suites sign in with force_login to test what each group may do, so the test settings
leave the gate off (TWO_FACTOR_ENFORCED); here it is on.
"""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-enough-password-for-tests"

pytestmark = pytest.mark.usefixtures("enforced")


@pytest.fixture
def enforced(settings):
    settings.TWO_FACTOR_ENFORCED = True


def staff(django_user_model, username, group=None, superuser=False):
    user = django_user_model.objects.create_user(
        username, password=PASSWORD, is_superuser=superuser
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        # Created here: the Reception group comes from the practice app, matched by name.
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def sign_in(username):
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def current_code(device, drift=0):
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{code:06d}"


def next_code(device):
    # A code is accepted once (no replay): the one used to set up cannot sign in again, so the
    # next sign-in uses the next time step's code, within the device's tolerance.
    device.refresh_from_db()
    return current_code(device, drift=1)


def enrol(client):
    """Set up an authenticator through the pages; returns (device, recovery codes)."""
    client.get("/admin/two-step/setup/")
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post("/admin/two-step/setup/", {"code": current_code(device)})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([^<]+)</code></li>", response.content.decode())
    device.refresh_from_db()
    return device, codes


@pytest.mark.parametrize("group", ["Reception", "Administrators"])
def test_members_of_the_required_groups_are_sent_to_set_it_up(db, django_user_model, group):
    staff(django_user_model, "desk", group=group)
    client = sign_in("desk")
    for path in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-step/setup/?next=")
    page = client.get("/admin/two-step/setup/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "<svg" in content  # the QR code, drawn here (no third-party request)
    assert "Cannot scan it?" in content


def test_make_runs_first_administrator_is_asked_to_enrol_and_can(db, django_user_model):
    django_user_model.objects.create_superuser("admin", password=PASSWORD)
    client = sign_in("admin")
    assert client.get("/admin/")["Location"].startswith("/admin/two-step/setup/")
    _device, codes = enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200  # verified for this session


def test_a_wrong_code_does_not_confirm_the_setup(db, django_user_model):
    staff(django_user_model, "desk", group="Reception")
    client = sign_in("desk")
    client.get("/admin/two-step/setup/")
    response = client.post("/admin/two-step/setup/", {"code": "000000"})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_after_setup_each_sign_in_asks_for_a_code(db, django_user_model):
    staff(django_user_model, "desk", group="Reception")
    device, _codes = enrol(sign_in("desk"))

    client = sign_in("desk")
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/two-step/verify/?next=/admin/pages/"
    assert client.post("/admin/two-step/verify/", {"code": "000000"}).status_code == 400
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above slowed this device down
    device.save()
    response = client.post(
        "/admin/two-step/verify/?next=/admin/pages/", {"code": next_code(device)}
    )
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_code_is_accepted_only_once(db, django_user_model):
    staff(django_user_model, "desk", group="Reception")
    device, _codes = enrol(sign_in("desk"))
    used_at_setup = {"code": current_code(device)}
    assert sign_in("desk").post("/admin/two-step/verify/", used_at_setup).status_code == 400


def test_a_recovery_code_works_once(db, django_user_model):
    staff(django_user_model, "desk", group="Administrators")
    _device, codes = enrol(sign_in("desk"))

    client = sign_in("desk")
    response = client.post("/admin/two-step/verify/", {"code": codes[0]})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.count() == 9

    again = sign_in("desk")
    assert again.post("/admin/two-step/verify/", {"code": codes[0]}).status_code == 400


def test_the_verify_page_does_not_send_elsewhere(db, django_user_model):
    staff(django_user_model, "desk", group="Reception")
    device, _codes = enrol(sign_in("desk"))
    client = sign_in("desk")
    response = client.post(
        "/admin/two-step/verify/?next=https://elsewhere.example/", {"code": next_code(device)}
    )
    assert response["Location"] == "/admin/"


def test_others_may_work_without_it(db, django_user_model):
    staff(django_user_model, "editor", group="Editors")
    client = sign_in("editor")
    assert client.get("/admin/").status_code == 200
    assert "/admin/two-step/setup/" in client.get("/admin/account/").content.decode()


def test_others_who_set_it_up_are_asked_for_it(db, django_user_model):
    staff(django_user_model, "editor", group="Editors")
    enrol(sign_in("editor"))
    client = sign_in("editor")
    assert client.get("/admin/")["Location"].startswith("/admin/two-step/verify/")


def test_setting_it_up_again_is_refused_while_unverified(db, django_user_model):
    """Someone with only the password cannot replace the real owner's authenticator."""
    staff(django_user_model, "desk", group="Reception")
    enrol(sign_in("desk"))
    client = sign_in("desk")
    response = client.get("/admin/two-step/setup/")
    assert response["Location"].startswith("/admin/two-step/verify/")
    client.post("/admin/two-step/setup/", {"code": "123456"})
    assert TOTPDevice.objects.count() == 1


def test_signing_out_is_always_possible(db, django_user_model):
    staff(django_user_model, "desk", group="Reception")
    client = sign_in("desk")
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_pages_in_french(db, django_user_model):
    from wagtail.users.models import UserProfile

    user = staff(django_user_model, "desk", group="Reception")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr-ca"
    profile.save()
    content = sign_in("desk").get("/admin/two-step/setup/").content.decode()
    assert "Configurer la connexion en deux étapes" in content


def test_an_administrator_resets_a_lost_phone_from_the_shell(db, django_user_model):
    from django.core.management import call_command

    staff(django_user_model, "desk", group="Reception")
    enrol(sign_in("desk"))
    call_command("reset_two_factor", "desk")
    assert not TOTPDevice.objects.exists() and not StaticToken.objects.exists()
    assert sign_in("desk").get("/admin/")["Location"].startswith("/admin/two-step/setup/")


def verified_administrator(django_user_model):
    staff(django_user_model, "chief", group="Administrators")
    group = Group.objects.get(name="Administrators")
    group.permissions.add(*Permission.objects.all())
    client = sign_in("chief")
    enrol(client)
    return client


def test_an_administrator_resets_a_lost_phone_in_the_admin(db, django_user_model):
    staff(django_user_model, "desk", group="Reception")
    enrol(sign_in("desk"))
    admin = verified_administrator(django_user_model)
    listing = admin.get("/admin/two-step/accounts/")
    assert listing.status_code == 200
    assert "desk" in listing.content.decode()
    desk = django_user_model.objects.get(username="desk")
    assert admin.post("/admin/two-step/accounts/", {"user": desk.pk}).status_code == 302
    assert not TOTPDevice.objects.filter(user=desk).exists()
    assert not StaticToken.objects.filter(device__user=desk).exists()
    assert sign_in("desk").get("/admin/")["Location"].startswith("/admin/two-step/setup/")


def test_others_cannot_reset_anyones_two_step_sign_in_even_with_a_forged_post(
    db, django_user_model
):
    staff(django_user_model, "desk", group="Reception")
    enrol(sign_in("desk"))
    staff(django_user_model, "editor", group="Editors")
    editor = sign_in("editor")
    assert "/admin/two-step/accounts/" not in editor.get("/admin/").content.decode()
    assert editor.get("/admin/two-step/accounts/").status_code in (302, 403)
    desk = django_user_model.objects.get(username="desk")
    editor.post("/admin/two-step/accounts/", {"user": desk.pk})
    assert TOTPDevice.objects.filter(user=desk, confirmed=True).exists()
