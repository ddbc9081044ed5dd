"""A whole-site backup: the database (operations.services) and the media, in one archive.

``site-<date>-<time>.tar.gz`` holds ``manifest.json`` (format, date, database vendor),
``database.backup`` (SQLite online backup, or pg_dump's custom format) and ``media/``. The secret
key is not in it: a restored site gets a new one (everyone signs in again; passwords are kept).
"""

import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from operations.services import BackupFailed, backup_database, restore_database

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.backup"
MEDIA = "media"


def default_archive_path():
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"site-{stamp}.tar.gz"


def backup_site(destination=None):
    """Write the archive (under a temporary name until complete); return its path."""
    if not connection.introspection.table_names():
        raise BackupFailed("Nothing to back up: the database is empty (run make run first).")
    destination = Path(destination or default_archive_path())
    destination.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    partial = destination.with_name(destination.name + ".partial")
    with tempfile.TemporaryDirectory() as work:
        database = backup_database(Path(work) / DATABASE)
        manifest = Path(work) / MANIFEST
        manifest.write_text(
            json.dumps(
                {
                    "format": FORMAT,
                    "created": timezone.now().isoformat(),
                    "database": connection.vendor,
                }
            )
        )
        try:
            with tarfile.open(partial, "w:gz") as archive:
                archive.add(manifest, MANIFEST)
                archive.add(database, DATABASE)
                if media_root.is_dir():
                    archive.add(media_root, MEDIA)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise BackupFailed(f"Could not write {destination}: {error}") from error
    partial.replace(destination)
    return destination


def data_folder_is_empty():
    """No table in the database and no file under MEDIA_ROOT."""
    media_root = Path(settings.MEDIA_ROOT)
    has_media = media_root.is_dir() and any(path.is_file() for path in media_root.rglob("*"))
    return not has_media and not connection.introspection.table_names()


def restore_site(archive_path, replace=False):
    """Put the archive's database and media back. Refuses a data folder in use unless replace."""
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupFailed(f"No backup archive at {archive_path}.")
    if not replace and not data_folder_is_empty():
        raise BackupFailed(
            "The data folder already holds a site. Restore into an empty one (DATA_DIR=...), or "
            "replace what is there with --replace (make restore FILE=... REPLACE=1)."
        )
    try:
        archive = tarfile.open(archive_path, "r:gz")  # noqa: SIM115 - closed by the with below
    except (tarfile.TarError, OSError) as error:
        raise BackupFailed(f"{archive_path} is not a site backup ({error}).") from error
    with archive, tempfile.TemporaryDirectory() as work:
        try:
            manifest = json.load(archive.extractfile(MANIFEST))
        except (KeyError, ValueError, TypeError) as error:
            raise BackupFailed(f"{archive_path} has no readable {MANIFEST}.") from error
        if manifest.get("format") != FORMAT:
            raise BackupFailed(f"{archive_path} is in a format this site cannot read.")
        if manifest.get("database") != connection.vendor:
            raise BackupFailed(
                f"{archive_path} holds a {manifest.get('database')} database; "
                f"this site uses {connection.vendor}."
            )
        # The "data" filter refuses absolute paths, "..", links out of the folder and devices.
        archive.extractall(work, filter="data")
        restore_database(Path(work) / DATABASE)
        restore_media(Path(work) / MEDIA)
    return manifest


def restore_media(source):
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists():
        shutil.rmtree(media_root)
    if source.is_dir():
        shutil.copytree(source, media_root)
    else:
        media_root.mkdir(parents=True, exist_ok=True)
