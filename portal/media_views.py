"""Serving documents, image originals and renditions under the rule of portal/media.py.

- Documents: Wagtail's own serve view (``/documents/<id>/<file>``), guarded by the
  ``before_serve_document`` hook (portal/wagtail_hooks.py).
- Image originals: ``/images/<id>/original/<file>``, served here after the same rule.
  Original files and documents live under MEDIA_ROOT but no URL maps to them directly.
- Renditions: ``/media/images/…`` (public files; their names start with a random token
  that comes from the original's file name, so they cannot be guessed).

Every answer says ``Cache-Control: private, no-cache``: no shared cache keeps a file a
visitor may no longer see, and browsers revalidate (ETag/Last-Modified) before reuse.
"""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.static import serve as static_serve
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model

from portal.media import may_download

RENDITIONS_DIRECTORY = "images"


def refuse(request):
    """A visitor is sent to the login page (a member may see the file); anyone signed
    in who may not see it gets a 404, which says nothing about what exists."""
    if not request.user.is_authenticated:
        login = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or settings.LOGIN_URL
        return HttpResponseRedirect(f"{login}?next={quote(request.get_full_path())}")
    raise Http404


def _private(response):
    patch_cache_control(response, private=True, no_cache=True)
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (the hook asks the rule), never kept by a shared cache."""
    return _private(wagtail_serve_document(request, document_id, document_filename))


def serve_image_original(request, image_id, filename):
    image = get_object_or_404(get_image_model(), id=image_id)
    if image.filename != filename:
        raise Http404
    if not may_download(request.user, image):
        return refuse(request)
    response = FileResponse(image.file.open("rb"), filename=image.filename)
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return _private(response)


def original_url(image):
    from django.urls import reverse

    return reverse("portal_image_original", args=[image.id, image.filename])


def serve_rendition(request, path):
    """Development and single-server setups: the renditions folder only. Originals and
    documents are never reachable under MEDIA_URL (see docs/deployment.md)."""
    return static_serve(request, path, document_root=settings.MEDIA_ROOT / RENDITIONS_DIRECTORY)
