"""Mozilla Observatory's checks on a public page and on the admin's sign-in page.

The HTTPS values are read from the settings as they load with HTTPS=1 (in a fresh interpreter, so
base.py's own HTTPS block is what is tested), then applied to this test run.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-enough-password-for-tests"
HTTPS_NAMES = [
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
]
READ_SETTINGS = (
    "import json, sys; sys.path.insert(0, 'site'); from clinic.settings import test as s; "
    f"print(json.dumps({{name: getattr(s, name, None) for name in {HTTPS_NAMES!r}}}))"
)


@pytest.fixture(scope="module")
def https_settings():
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", READ_SETTINGS],
        cwd=ROOT,
        env={**os.environ, "HTTPS": "1", "DJANGO_SETTINGS_MODULE": "clinic.settings.test"},
        capture_output=True,
        text=True,
        check=True,
    )
    values = json.loads(result.stdout)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def https(https_settings):
    with override_settings(**https_settings):
        yield Client()


def assert_common_headers(response):
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in {"no-referrer", "same-origin", "strict-origin"}
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors" in csp
    assert "object-src 'none'" in csp
    assert "base-uri 'self'" in csp


def test_a_public_page_passes(https, home_pages):
    response = https.get("/en-ca/", secure=True)
    assert response.status_code == 200
    assert_common_headers(response)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert not response.cookies  # a reader gets no cookie at all


def test_the_admin_sign_in_page_passes_with_secure_cookies(https, db, django_user_model):
    response = https.get("/admin/login/", secure=True)
    assert response.status_code == 200
    assert_common_headers(response)
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    django_user_model.objects.create_superuser("admin-user", password=PASSWORD)
    response = https.post(
        "/admin/login/",
        {"username": "admin-user", "password": PASSWORD},
        secure=True,
        headers={"Referer": "https://testserver/admin/login/"},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_plain_http_is_redirected_to_https(https, home_pages):
    response = https.get("/en-ca/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_without_https_no_hsts_is_sent(home_pages):
    # make run serves plain HTTP on 127.0.0.1: HSTS there would pin the browser to HTTPS.
    response = Client().get("/en-ca/")
    assert "Strict-Transport-Security" not in response


def test_the_admin_keeps_its_inline_scripts_and_the_policy_on_every_page(db, django_user_model):
    admin = django_user_model.objects.create_superuser("admin-user", password=PASSWORD)
    client = Client()
    client.force_login(admin)
    for path in ("/admin/", "/admin/pages/", "/admin/images/", "/admin/lockouts/"):
        response = client.get(path)
        assert response.status_code == 200, path
        csp = response["Content-Security-Policy"]
        # No script-src/style-src/default-src: the admin's inline scripts and styles still run.
        assert "script-src" not in csp and "default-src" not in csp and "style-src" not in csp
        assert "frame-ancestors 'self'" in csp  # its preview panel is a same-origin frame
        assert "camera=()" in response["Permissions-Policy"]


def test_static_files_carry_the_permissions_policy(client):
    response = client.get("/static/css/tokens.css")
    assert response.status_code == 200
    assert "camera=()" in response["Permissions-Policy"]


def test_the_health_check_answers_over_plain_http_under_https(https, db):
    # A load balancer's check may come over plain HTTP: it is not redirected.
    response = https.get("/health/")
    assert response.status_code == 200
    assert https.get("/en-ca/").status_code == 301  # everything else is
