"""Uploads through the admin: content decides, not the name; sizes capped; names made plain."""

import errno
import io
import zipfile

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from security.uploads import normalised_filename

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def png_bytes(size=(20, 20)):
    buffer = io.BytesIO()
    PillowImage.effect_noise(size, 64).convert("RGB").save(buffer, "PNG")  # noise: not tiny
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_bytes(
    [("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<r/>"), ("word/document.xml", "<w/>")]
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def admin_client(client, db, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin-user", password="x"))
    return client


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "A handout",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {
            "title": "A diagram",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def documents():
    return list(get_document_model().objects.values_list("file", flat=True))


def images():
    return list(get_image_model().objects.values_list("file", flat=True))


# Documents


@pytest.mark.parametrize(
    ("name", "content", "stored"),
    [
        ("Fiche d’exercices – Épaule.PDF", PDF, "documents/fiche-dexercices-epaule.pdf"),
        ("exercises.docx", DOCX, "documents/exercises.docx"),
        ("hours.txt", "Lundi : 9 h à 17 h\n".encode(), "documents/hours.txt"),
        ("prices.csv", b"treatment,price\nprolotherapy,250\n", "documents/prices.csv"),
    ],
)
def test_a_document_whose_content_matches_is_stored_under_a_plain_name(
    admin_client, name, content, stored
):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert documents() == [stored]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("handout.pdf", HTML),  # a web page renamed .pdf
        ("handout.pdf", EXE),  # a program renamed .pdf
        ("handout.pdf", png_bytes()),
        ("handout.docx", zip_bytes([("payload.js", "x")])),  # a zip, but not a Word document
        ("handout.docx", PDF),
        ("notes.txt", EXE),  # binary content named .txt
        ("notes.txt", b"text\x00with a NUL byte"),
    ],
)
def test_a_document_whose_content_does_not_match_its_name_is_refused(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert "The content of this file is not a ." in response.content.decode()
    assert documents() == []


@pytest.mark.parametrize("name", ["diagram.svg", "page.html", "script.js", "program.exe"])
def test_other_kinds_of_document_are_refused_by_extension(admin_client, name):
    response = upload_document(admin_client, name, PDF)
    assert response.status_code == 200
    assert documents() == []


@override_settings(DOCUMENT_MAX_UPLOAD_SIZE=1000)
def test_a_document_over_the_size_limit_is_refused(admin_client):
    response = upload_document(admin_client, "big.pdf", PDF + b"0" * 2000)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert documents() == []


def test_the_multiple_uploader_checks_documents_too(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("handout.pdf", HTML)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is False
    assert documents() == []


def test_the_refusal_is_in_french_for_a_french_admin(client, french_admin):
    client.force_login(french_admin)
    response = upload_document(client, "handout.pdf", HTML)
    assert "Le contenu de ce fichier n’est pas un document .pdf" in response.content.decode()


# Images


def test_an_image_is_stored_under_a_plain_name(admin_client):
    response = upload_image(admin_client, "Épaule – schéma (2).PNG", png_bytes())
    assert response.status_code == 302, response.content.decode()[:2000]
    assert images() == ["original_images/epaule-schema-2.png"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("diagram.svg", SVG),  # SVG can carry scripts: not an allowed format
        ("diagram.png", SVG),  # nor renamed
        ("photo.jpg", HTML),
        ("photo.jpg", png_bytes()),  # a PNG named .jpg: the extension must match the content
        ("photo.png", EXE),
    ],
)
def test_an_image_that_is_not_what_its_name_says_is_refused(admin_client, name, content):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200
    assert images() == []


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_an_image_over_the_size_limit_is_refused(admin_client):
    content = png_bytes()
    assert len(content) > 1000
    response = upload_image(admin_client, "photo.png", content)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert images() == []


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100)
def test_an_image_with_too_many_pixels_is_refused(admin_client):
    response = upload_image(admin_client, "photo.png", png_bytes((20, 20)))
    assert response.status_code == 200
    assert images() == []


@pytest.mark.parametrize(
    ("original", "normalised"),
    [
        ("Fiche d’exercices – Épaule.PDF", "fiche-dexercices-epaule.pdf"),
        ("../../etc/passwd", "passwd"),
        ("   .pdf", "file.pdf"),
        ("x" * 300 + ".pdf", "x" * 80 + ".pdf"),
        ("Prolothérapie, genou (2026).docx", "prolotherapie-genou-2026.docx"),
    ],
)
def test_names_are_normalised(original, normalised):
    assert normalised_filename(original) == normalised


# A full disk


@pytest.fixture
def full_disk(monkeypatch):
    def no_space(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", no_space)


def test_a_full_disk_during_an_upload_gives_a_clear_message_and_saves_nothing(
    admin_client, full_disk, caplog
):
    response = upload_document(admin_client, "handout.pdf", PDF)
    assert response.status_code == 302
    assert response["Location"] == "/admin/documents/add/"
    page = admin_client.get(response["Location"]).content.decode()
    assert "disk is full. Nothing was changed." in page
    assert documents() == []
    assert [record.levelname for record in caplog.records if "Disk full" in record.message] == [
        "ERROR"
    ]


# The uploader's failed write rolls back its own transaction: a test transaction around it cannot.
@pytest.mark.django_db(transaction=True)
def test_a_full_disk_answers_the_multiple_uploader_in_its_own_terms(admin_client, full_disk):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("diagram.png", png_bytes())},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is False
    assert "disk is full" in response.json()["error_message"]
    assert images() == []


def test_the_full_disk_message_is_in_french_for_a_french_admin(client, french_admin, full_disk):
    client.force_login(french_admin)
    response = upload_image(client, "diagram.png", png_bytes())
    page = client.get(response["Location"]).content.decode()
    assert "le disque du serveur est plein" in page


def test_an_uploaded_image_is_served_without_nginx_documents_are_not(admin_client, client):
    """`make run` has no nginx: /media/images/ (renditions, what pages show) is served by Django
    (public, cached), as nginx serves it in production; the documents folder never is
    (documents go through Wagtail's view and its checks)."""
    from wagtail.images import get_image_model

    upload_image(admin_client, "diagram.png", png_bytes())
    rendition = get_image_model().objects.get().get_rendition("width-10")  # what pages show
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == rendition.file.read()
    assert "max-age=2592000" in response["Cache-Control"]
    assert client.get("/media/images/../documents/x.pdf").status_code in (400, 404)  # refused
    upload_document(admin_client, "handout.pdf", PDF)
    stored = documents()[0]
    assert client.get(f"/media/{stored}").status_code == 404
