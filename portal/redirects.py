"""Where a form may send the browser afterwards (its ``next`` field)."""

from django.utils.http import url_has_allowed_host_and_scheme


def local_next(request, default, field="next"):
    """The form's ``next`` when it is a path on this site (``/…``), else ``default``.

    Anything else (another host, ``//host``, or a bare word like ``foo``, which
    ``redirect()`` would try to reverse as a view name) gives ``default``."""
    target = request.POST.get(field, "") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default
