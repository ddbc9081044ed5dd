"""deploy/ agrees with the settings and with make run's Procfile."""

import re

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR


def test_nginx_and_django_refuse_uploads_at_the_same_size():
    nginx = (ROOT / "deploy/nginx/clinic.conf").read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", nginx).group(1))
    assert megabytes * 1024 * 1024 == settings.REQUEST_MAX_BODY_SIZE
    assert settings.REQUEST_MAX_BODY_SIZE > settings.DOCUMENT_MAX_UPLOAD_SIZE  # a document fits


@pytest.mark.django_db
def test_django_answers_413_to_a_body_over_the_limit(client):
    response = client.generic(
        "POST",
        "/admin/documents/multiple/add/",
        b"",
        CONTENT_LENGTH=str(settings.REQUEST_MAX_BODY_SIZE + 1),
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code == 413
    assert "at most 21 MB" in response.content.decode()


def test_nginx_sets_the_forwarded_headers_itself():
    nginx = (ROOT / "deploy/nginx/clinic.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert "server 127.0.0.1:8000;" in nginx  # gunicorn on loopback: only nginx reaches it


def test_the_systemd_units_run_what_make_run_runs():
    procfile = dict(
        line.split(": ", 1)
        for line in (ROOT / "Procfile").read_text().splitlines()
        if line and not line.startswith("#")
    )
    web = (ROOT / "deploy/systemd/clinic-web.service").read_text()
    worker = (ROOT / "deploy/systemd/clinic-worker.service").read_text()
    assert "clinic.wsgi:application" in procfile["web"] and "clinic.wsgi:application" in web
    assert "--workers 2 --threads 4" in procfile["web"] and "--workers 2 --threads 4" in web
    assert procfile["worker"].removeprefix("python ") in worker
    assert "run_schedule" in procfile["scheduler"]
    job = (ROOT / "deploy/systemd/clinic-job@.service").read_text()
    assert "manage.py run_job %i" in job
