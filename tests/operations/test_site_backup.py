"""make backup / make restore: a seeded site is archived, wiped, restored into an empty data
folder, and every page, translation, resource, user and file is back.

Runs the real commands in a fresh data folder (SQLite, production settings), as `make backup`
and `make restore` do.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CREATE_EXTRA = """
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
user = get_user_model().objects.create_user("reception-desk", password="restored-password-123")
document = get_document_model()(title="Exercise handout")
document.file.save("handout.pdf", ContentFile(b"%PDF-1.4 exercise handout"), save=True)
"""

COUNT = """
import json
from django.contrib.auth import authenticate, get_user_model
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail_localize.models import Translation
from directory.models import Resource
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
}))
"""


def manage(data_dir, *arguments, check=True):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "MEDIA_ROOT"}  # this test is about the SQLite folder
    }
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


def snapshot(data_dir):
    return json.loads(manage(data_dir, "shell", "-c", COUNT).stdout.strip().splitlines()[-1])


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

    output = manage(seeded_site, "backup_site").stdout
    archive = Path(output.split("written to ", 1)[1].strip().rstrip("."))
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
