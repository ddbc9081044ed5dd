"""Uploads judged by their content, not their name; stored under a plain ASCII name.

Images: Wagtail's own image field already opens each file with Willow, refuses a format that does
not match the extension (an HTML page or SVG named .png), and applies WAGTAILIMAGES_MAX_UPLOAD_SIZE
and WAGTAILIMAGES_MAX_IMAGE_PIXELS; SVG is not an allowed extension (it can carry scripts).
Documents get the same here: the content must be what the extension says (``filetype``, pure
Python and already installed by Wagtail, reads the signature), within DOCUMENT_MAX_UPLOAD_SIZE.
"""

import zipfile
from pathlib import PurePath

import filetype
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

# What the content of a document with each extension must be: filetype's MIME type, or None for
# plain text. OOXML and OpenDocument files are zip archives; the member that names the format is
# checked when filetype's quick look at the first entries is not enough.
DOCUMENT_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": None,
    "csv": None,
}
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
HEAD_BYTES = 8192
MAX_NAME_LENGTH = 80


def normalised_filename(name):
    """'Fiche d’exercices – Épaule (v2).PDF' -> 'fiche-dexercices-epaule-v2.pdf'."""
    path = PurePath(name)
    stem = slugify(path.stem)[:MAX_NAME_LENGTH].strip("-") or "file"
    suffix = path.suffix.lower()
    return f"{stem}{suffix}" if suffix[1:].isalnum() else stem


def read_head(uploaded):
    uploaded.seek(0)
    head = uploaded.read(HEAD_BYTES)
    uploaded.seek(0)
    return head


def is_zip_document(uploaded, extension):
    expected = DOCUMENT_CONTENT_TYPES[extension]
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if extension in OOXML_FOLDERS:
                return "[Content_Types].xml" in names and any(
                    name.startswith(OOXML_FOLDERS[extension]) for name in names
                )
            return "mimetype" in names and archive.read("mimetype").decode() == expected
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, OSError):
        return False
    finally:
        uploaded.seek(0)


def content_matches(uploaded, extension):
    expected = DOCUMENT_CONTENT_TYPES.get(extension, False)
    if expected is False:
        return False
    head = read_head(uploaded)
    kind = filetype.guess(head)
    if expected is None:  # plain text: no binary format, no NUL byte
        return kind is None and b"\x00" not in head
    if kind is not None and kind.mime == expected:
        return True
    if extension in OOXML_FOLDERS or extension in {"odt", "ods"}:
        return is_zip_document(uploaded, extension)
    return False


class SafeImageForm(BaseImageForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            uploaded.name = normalised_filename(uploaded.name)
        return uploaded


class SafeDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not isinstance(uploaded, UploadedFile):
            return uploaded  # editing a document without replacing its file
        if uploaded.size > settings.DOCUMENT_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("This file is too big (%(size)s). The largest allowed is %(limit)s.")
                % {
                    "size": filesizeformat(uploaded.size),
                    "limit": filesizeformat(settings.DOCUMENT_MAX_UPLOAD_SIZE),
                }
            )
        extension = PurePath(uploaded.name).suffix.lower().lstrip(".")
        if not content_matches(uploaded, extension):
            raise forms.ValidationError(
                _(
                    "The content of this file is not a .%(extension)s document. Save it again "
                    "from the program that made it, with that format, and upload it again."
                )
                % {"extension": extension}
            )
        uploaded.name = normalised_filename(uploaded.name)
        return uploaded
