"""Response headers Django does not set by itself, pages for bare error responses, and
the refusal of input the database cannot store."""

import re

from django.conf import settings
from django.template.loader import render_to_string

# The public site loads nothing from another host and runs no inline script.
# The Wagtail admin needs inline scripts and styles of its own, so it is left out.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt_prefixes = tuple(getattr(settings, "CSP_EXEMPT_PREFIXES", ("/admin/",)))

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.exempt_prefixes):
            response.headers.setdefault("Content-Security-Policy", PUBLIC_CSP)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response


class MethodNotAllowedPageMiddleware:
    """A form address opened in the browser (GET on a POST-only view) gets a page that
    explains what to do, still with status 405 and the Allow header, instead of an empty
    body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content \
                and not request.path.startswith("/admin/") and request.method == "GET":
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response


# NUL and the UTF-16 surrogates: PostgreSQL text (and UTF-8) cannot hold them.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class RejectUnstorableInputMiddleware:
    """A request with a character the database cannot store (a NUL byte, or a lone UTF-16
    surrogate) in its path, a GET or POST parameter (name or value), an uploaded file's
    name or a cookie gets a 400 page in the language of the address, before any view,
    session or cache looks at it. PostgreSQL refuses such text with a DataError (a 500),
    and no form field or filter has a use for it.

    Placed early (after WhiteNoise, before the page cache and the session): it needs
    neither the database nor the user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_unstorable(request):
            return self._bad_request(request)
        return self.get_response(request)

    @staticmethod
    def _unstorable(text):
        return isinstance(text, str) and UNSTORABLE.search(text) is not None

    def _has_unstorable(self, request):
        if self._unstorable(request.path_info):
            return True
        sources = [request.GET, request.COOKIES]
        if request.method == "POST" and request.content_type in (
                "application/x-www-form-urlencoded", "multipart/form-data"):
            sources.append(request.POST)  # Django parses it for CSRF and the view anyway
            sources.append({name: getattr(upload, "name", "")
                            for name, upload in request.FILES.items()})
        for source in sources:
            items = source.lists() if hasattr(source, "lists") else source.items()
            for name, values in items:
                values = values if isinstance(values, list) else [values]
                if self._unstorable(name) or any(self._unstorable(v) for v in values):
                    return True
        return False

    @staticmethod
    def _bad_request(request):
        from django.http import HttpResponseBadRequest
        from django.utils import translation

        language = translation.get_language_from_path(request.path_info) or \
            settings.LANGUAGE_CODE
        with translation.override(language):
            response = HttpResponseBadRequest(render_to_string("400.html"))
        response.headers["Content-Security-Policy"] = PUBLIC_CSP
        response.headers["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY")
        response.headers["Cache-Control"] = "no-store"
        return response
