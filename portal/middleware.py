"""Response headers Django does not set by itself, and pages for bare error responses."""

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
