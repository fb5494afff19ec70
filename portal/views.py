import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail import hooks

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Liveness for load balancers: 200 when the database answers, 503 when it does not.

    Other apps add their parts through the Wagtail hook ``register_health_check``: a
    function without arguments that returns ``{name: {"status": "ok" | ..., ...}}``, quickly
    and without raising (search adds ``"search"``). ``status`` in the body is "ok",
    "degraded" (a part is not ok, e.g. the search engine is unreachable: searches are
    answered by the database backend) or "error" (the database is unreachable)."""
    database_ok = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        database_ok = False

    parts = {}
    for check in hooks.get_hooks("register_health_check"):
        parts.update(check())
    if not database_ok:
        overall = "error"
    elif all(part.get("status") == "ok" for part in parts.values()):
        overall = "ok"
    else:
        overall = "degraded"
    body = {"status": overall, "database": "ok" if database_ok else "unavailable", **parts}
    return JsonResponse(body, status=200 if database_ok else 503)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that touch the database: the database may be what failed.
    from django.template import loader

    template = loader.get_template("500.html")
    from django.http import HttpResponseServerError

    return HttpResponseServerError(template.render({}))
