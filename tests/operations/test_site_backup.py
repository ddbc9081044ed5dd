"""make backup / make restore: a seeded site is archived, wiped, restored into an empty data
folder, and every page, translation, resource, user, appointment request and file is back.

Runs the real commands in a fresh data folder (production settings), as `make backup` and
`make restore` do: on SQLite always, and on PostgreSQL (pg_dump, pg_restore) when the suite runs
there, in two throwaway databases beside the test database.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

CREATE_EXTRA = """
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
user = get_user_model().objects.create_user("reception-desk", password="restored-password-123")
document = get_document_model()(title="Exercise handout")
document.file.save("handout.pdf", ContentFile(b"%PDF-1.4 exercise handout"), save=True)
from practice.models import AppointmentRequest
AppointmentRequest.objects.create(
    name="Backup Patient", contact_method="phone", phone="514 555-0199", reason="Knee pain",
    preferred_language="fr-ca", form_language="en-ca", consent_version="2026-12-03",
)
"""

COUNT = """
import json
from django.contrib.auth import authenticate, get_user_model
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail_localize.models import Translation
from directory.models import Resource
from practice.models import AppointmentRequest
document = get_document_model().objects.filter(title="Exercise handout").first()
request = RequestFactory().post("/admin/login/")
pages = Page.objects.filter(depth__gt=1)
signs_in = authenticate(request, username="reception-desk", password="restored-password-123")
print(json.dumps({
    "pages": sorted(pages.values_list("url_path", "locale__language_code", "live")),
    "translations": Translation.objects.count(),
    "resources": sorted(Resource.objects.values_list("title", "locale__language_code")),
    "users": sorted(get_user_model().objects.values_list("username", flat=True)),
    "password_works": signs_in is not None,
    "document": document.file.read().decode() if document else None,
    "requests": sorted(AppointmentRequest.objects.values_list("name", "phone", "reason")),
}))
"""


def manage(data_dir, *arguments, check=True, database_url=None):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "MEDIA_ROOT"}  # the data folder's own database...
    }
    if database_url:  # ... unless the round trip is on PostgreSQL
        env["DATABASE_URL"] = database_url
    env.update(
        DJANGO_SETTINGS_MODULE="clinic.settings.production",
        DJANGO_SECRET_KEY="backup-test-secret-key-" + "q8Zr" * 12,
        CLINIC_DATA_DIR=str(data_dir),
    )
    result = subprocess.run(  # noqa: S603 - this interpreter and our manage.py
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def snapshot(data_dir, database_url=None):
    result = manage(data_dir, "shell", "-c", COUNT, database_url=database_url)
    return json.loads(result.stdout.strip().splitlines()[-1])


def archive_named_in(output):
    return Path(output.split("written to ", 1)[1].strip().rstrip("."))


@pytest.fixture(scope="module")
def seeded_site(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("site")
    manage(data_dir, "migrate", "--noinput", "-v", "0")
    manage(data_dir, "setup_site", "--no-admin")
    manage(data_dir, "shell", "-c", CREATE_EXTRA)
    return data_dir


@pytest.mark.skipif("DATABASE_URL" in os.environ, reason="the SQLite data folder's round trip")
def test_backup_wipe_restore_brings_everything_back(seeded_site, tmp_path):
    before = snapshot(seeded_site)
    assert before["pages"] and before["translations"] and before["resources"]
    assert {locale for _path, locale, _live in before["pages"]} == {"en-ca", "fr-ca"}
    assert before["password_works"] and before["document"] == "%PDF-1.4 exercise handout"
    assert before["requests"] == [["Backup Patient", "514 555-0199", "Knee pain"]]

    archive = archive_named_in(manage(seeded_site, "backup_site").stdout)
    assert archive.parent == seeded_site / "backups"
    assert archive.name.startswith("site-") and archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as contents:
        names = contents.getnames()
    assert {"manifest.json", "database.backup"} <= set(names)
    assert any(name.startswith("media/documents/") for name in names)
    assert not any("secret_key" in name for name in names)

    kept = tmp_path / archive.name
    shutil.copy(archive, kept)
    shutil.rmtree(seeded_site)  # the data folder is gone
    empty = tmp_path / "new-data"
    empty.mkdir()

    manage(empty, "restore_site", str(kept))
    assert snapshot(empty) == before

    # Now the folder holds a site: restoring over it needs --replace.
    refused = manage(empty, "restore_site", str(kept), check=False)
    assert refused.returncode != 0
    assert "already holds a site" in refused.stderr
    manage(empty, "restore_site", str(kept), "--replace")


@pytest.fixture
def postgres_databases(django_db_blocker):
    """Two empty databases on the suite's PostgreSQL server, dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("the pg_dump round trip needs the suite to run on PostgreSQL")
    url = urlsplit(os.environ["DATABASE_URL"])
    names = ["clinic_backup_source", "clinic_backup_restored"]

    def drop_all(cursor):
        for name in names:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        drop_all(cursor)
        for name in names:
            cursor.execute(f'CREATE DATABASE "{name}"')
    yield [urlunsplit(url._replace(path=f"/{name}")) for name in names]
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        drop_all(cursor)


def test_pg_dump_backup_restores_into_an_empty_database(postgres_databases, tmp_path):
    source_url, restored_url = postgres_databases
    source_data = tmp_path / "site"
    source_data.mkdir()
    manage(source_data, "migrate", "--noinput", "-v", "0", database_url=source_url)
    manage(source_data, "setup_site", "--no-admin", database_url=source_url)
    manage(source_data, "shell", "-c", CREATE_EXTRA, database_url=source_url)
    before = snapshot(source_data, source_url)
    assert before["requests"] and before["document"] == "%PDF-1.4 exercise handout"

    archive = archive_named_in(manage(source_data, "backup_site", database_url=source_url).stdout)
    kept = tmp_path / archive.name
    shutil.copy(archive, kept)
    shutil.rmtree(source_data)  # the media are gone with the folder...
    empty = tmp_path / "new-data"
    empty.mkdir()
    # ... and the site comes back into another, empty database.
    manage(empty, "restore_site", str(kept), database_url=restored_url)
    assert snapshot(empty, restored_url) == before


def test_restore_refuses_what_is_not_a_site_backup(tmp_path):
    (tmp_path / "not-a-backup.tar.gz").write_bytes(b"nothing useful")
    result = manage(tmp_path, "restore_site", str(tmp_path / "not-a-backup.tar.gz"), check=False)
    assert result.returncode != 0
    assert "is not a site backup" in result.stderr


def test_restore_refuses_an_archive_that_escapes_the_folder(tmp_path):
    evil = tmp_path / "evil.tar.gz"
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": 1, "created": "now", "database": "sqlite"}))
    with tarfile.open(evil, "w:gz") as archive:
        archive.add(manifest, "manifest.json")
        archive.add(manifest, "../outside.txt")
    result = manage(tmp_path / "data", "restore_site", str(evil), check=False)
    assert result.returncode != 0
    assert not (tmp_path / "outside.txt").exists()
