"""Images that start with the right magic bytes but are not images a browser can show."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def png_bytes(size=(64, 64)):
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(out, "PNG")
    return out.getvalue()


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(width=20000, height=20000):
    """A PNG whose (valid) header claims 400 megapixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + _chunk(b"IEND", b""))


def gif_with_appended_html():
    from PIL import Image

    out = io.BytesIO()
    Image.new("P", (8, 8)).save(out, "GIF")
    return out.getvalue() + b"<html><body><script>alert(document.domain)</script></body></html>"


CORRUPT_IMAGES = {
    "gif-polyglot.gif": b"GIF89a/*\x00\x00\x00\x00\x00*/=alert(document.domain);//"
                        + b"\x00" * 64 + b";",
    "gif-plus-html.gif": None,  # built lazily (needs Pillow)
    "truncated.png": None,
    "png-then-html.png": b"\x89PNG\r\n\x1a\n<html><body><script>alert(1)</script></body></html>",
    "400-megapixels.png": None,
}


def corrupt_images():
    images = dict(CORRUPT_IMAGES)
    images["gif-plus-html.gif"] = gif_with_appended_html()
    images["truncated.png"] = png_bytes()[:3000]
    images["400-megapixels.png"] = huge_png()
    return images


def upload(name, content):
    kind = "image/gif" if name.endswith(".gif") else "image/png"
    return SimpleUploadedFile(name, content, content_type=kind)
