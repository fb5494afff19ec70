"""Uploads are checked by what they contain, not by what they are called.

Images: JPEG, PNG, GIF or WebP. Documents: PDF, office files (OOXML, OpenDocument, the
old binary formats) and plain text or CSV. SVG, HTML and anything else are refused,
whatever their extension, and so are files over the size limit. Used as Wagtail's image
and document form bases (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE),
so every upload path in the admin (single, multiple, chooser) goes through it.
"""

import warnings
import zipfile
from struct import error as struct_error

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

MAX_DOCUMENT_SIZE = getattr(settings, "PORTAL_MAX_DOCUMENT_SIZE", 20 * 1024 * 1024)
HEAD = 8192

IMAGE_SIGNATURES = {
    "jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    "png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "gif": lambda head: head[:6] in (b"GIF87a", b"GIF89a"),
    "webp": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
}
MARKUP_MARKERS = (b"<svg", b"<html", b"<!doctype", b"<script", b"<?xml", b"<body", b"<iframe")
# In an image these mean an image/HTML polyglot (XMP metadata may hold "<?xml": allowed).
IMAGE_MARKUP_MARKERS = (b"<html", b"<!doctype", b"<script", b"<body", b"<iframe")
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCUMENT_KINDS = {
    "pdf": "pdf", "docx": "ooxml", "xlsx": "ooxml", "pptx": "ooxml",
    "odt": "odf", "ods": "odf", "odp": "odf", "doc": "ole", "xls": "ole", "ppt": "ole",
    "csv": "text", "txt": "text",
}


class UploadRejected(Exception):
    pass


def _read_head(uploaded):
    uploaded.seek(0)
    head = uploaded.read(HEAD)
    uploaded.seek(0)
    return head


def _size(uploaded):
    size = getattr(uploaded, "size", None)
    if size is None:
        uploaded.seek(0, 2)
        size = uploaded.tell()
        uploaded.seek(0)
    return size


def image_kind(head):
    for kind, matches in IMAGE_SIGNATURES.items():
        if matches(head):
            return kind
    return None


def check_image_upload(uploaded, max_size=None):
    """Raise UploadRejected unless the file is a JPEG, PNG, GIF or WebP within the limit."""
    max_size = max_size or getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
    if _size(uploaded) > max_size:
        raise UploadRejected(_("This file is too large (at most %(size)s MB).")
                             % {"size": max_size // (1024 * 1024)})
    if image_kind(_read_head(uploaded)) is None:
        raise UploadRejected(_("Upload a JPEG, PNG, GIF or WebP image; this file is not one."))
    check_image_decodes(uploaded)


def _carries_markup(uploaded):
    """HTML or script at the start or the end of the file: an image/markup polyglot."""
    head = _read_head(uploaded).lower()
    size = _size(uploaded)
    uploaded.seek(max(0, size - HEAD))
    tail = uploaded.read(HEAD).lower()
    uploaded.seek(0)
    return any(marker in head or marker in tail for marker in IMAGE_MARKUP_MARKERS)


def max_image_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)


def check_image_decodes(uploaded):
    """Raise UploadRejected unless Pillow decodes the whole image and it has at most
    WAGTAILIMAGES_MAX_IMAGE_PIXELS pixels. The magic bytes alone let through a truncated
    file, a PNG header followed by HTML or a GIF/script polyglot, which later break every
    page (and rendition) that shows the image; the pixel count is read from the header
    before anything is decoded, so a decompression bomb is refused without being opened."""
    from PIL import Image, UnidentifiedImageError

    broken = UploadRejected(_broken_image_message())
    limit = max_image_pixels()
    if _carries_markup(uploaded):
        raise broken
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                width, height = image.size
                if width * height > limit:
                    raise UploadRejected(
                        _("This image has too many pixels (%(width)s × %(height)s); at most "
                          "%(megapixels)s megapixels.")
                        % {"width": width, "height": height, "megapixels": limit // 1_000_000})
                image.verify()  # structure and checksums (verify() closes the decoder)
            uploaded.seek(0)
            with Image.open(uploaded) as image:
                image.load()  # every pixel of the (first) frame
    except UploadRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise UploadRejected(_("This image has too many pixels; at most %(megapixels)s "
                               "megapixels.") % {"megapixels": limit // 1_000_000}) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError,
            struct_error, IndexError, TypeError) as error:
        raise broken from error
    finally:
        uploaded.seek(0)


def _zip_names(uploaded):
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()
    finally:
        uploaded.seek(0)


def check_document_upload(uploaded, max_size=None):
    """Raise UploadRejected unless the content matches an allowed document type."""
    max_size = max_size or MAX_DOCUMENT_SIZE
    if _size(uploaded) > max_size:
        raise UploadRejected(_("This file is too large (at most %(size)s MB).")
                             % {"size": max_size // (1024 * 1024)})
    name = getattr(uploaded, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = DOCUMENT_KINDS.get(extension)
    head = _read_head(uploaded)
    if kind == "pdf":
        valid = head.lstrip()[:5] == b"%PDF-"
    elif kind == "ole":
        valid = head.startswith(OLE_SIGNATURE)
    elif kind == "ooxml":
        valid = head.startswith(b"PK\x03\x04") and "[Content_Types].xml" in _zip_names(uploaded)
    elif kind == "odf":
        valid = head.startswith(b"PK\x03\x04") and "mimetype" in _zip_names(uploaded)
    elif kind == "text":
        lowered = head.lower()
        try:
            head.decode("utf-8")
            decodes = True
        except UnicodeDecodeError:
            # The head may cut a multi-byte character; accept Latin-1-like text too.
            decodes = b"\x00" not in head
        valid = decodes and b"\x00" not in head and not any(
            marker in lowered for marker in MARKUP_MARKERS)
    else:
        valid = False
    if not valid:
        raise UploadRejected(_("Upload a PDF, an office document or plain text; the content "
                               "of this file does not match that."))


def _broken_image_message():
    return _("This image is damaged or incomplete and cannot be shown. Save it again in an "
             "image editor and upload that file.")


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, except that an image Willow cannot decode while it counts
    the pixels (a truncated PNG, say) is a form error instead of an unhandled OSError."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except forms.ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - any decoder failure means a broken file
            raise forms.ValidationError(_broken_image_message(), code="invalid_image") \
                from error


class CheckedUploadMixin:
    """A new upload in the form's ``file`` field passes ``check_upload`` first; its refusal
    becomes the field's error (a file already stored is not checked again)."""

    check_upload = None  # a function that raises UploadRejected

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "read") and not getattr(uploaded, "_committed", False):
            try:
                self.check_upload(uploaded)
            except UploadRejected as error:
                raise forms.ValidationError(str(error)) from error
        return uploaded


class CheckedImageForm(CheckedUploadMixin, BaseImageForm):
    check_upload = staticmethod(check_image_upload)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        # Wagtail builds the field itself (formfield_for_dbfield); give it our checks.
        if isinstance(field, WagtailImageField) and not isinstance(field, CheckedImageField):
            field.__class__ = CheckedImageField


class CheckedDocumentForm(CheckedUploadMixin, BaseDocumentForm):
    check_upload = staticmethod(check_document_upload)
