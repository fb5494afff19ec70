import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Liveness for load balancers: 200 when the database answers, 503 when it does not.
    ``status`` in the body is "ok", "degraded" (the search engine is unreachable: searches
    are answered by the database backend) or "error" (the database is unreachable)."""
    database_ok = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        database_ok = False

    from search.service import backend_status

    search = backend_status()
    if not database_ok:
        overall = "error"
    else:
        overall = "ok" if search.get("status") == "ok" else "degraded"
    body = {
        "status": overall,
        "database": "ok" if database_ok else "unavailable",
        "search": search,
    }
    return JsonResponse(body, status=200 if database_ok else 503)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that touch the database: the database may be what failed.
    from django.template import loader

    template = loader.get_template("500.html")
    from django.http import HttpResponseServerError

    return HttpResponseServerError(template.render({}))
