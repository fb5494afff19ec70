"""The portal search service: one interface over the configured backend.

The foundation searches Wagtail's own database index, filtered through the
visibility helper; the search issue adds documents, facets and Elasticsearch.
"""

import logging

from django.conf import settings
from wagtail.models import Page

from portal.visibility import visible_pages

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_pages(query, user):
    """Live pages the user may see that match the query, best match first."""
    query = clean_query(query)
    if not query:
        return []
    pages = visible_pages(user, Page.objects.filter(depth__gt=1))
    return pages.specific().search(query, operator="and")


def backend_status():
    name = getattr(settings, "PORTAL_SEARCH_BACKEND", "database")
    if name == "elasticsearch":
        from elasticsearch import Elasticsearch

        url = settings.ELASTICSEARCH_URL
        if not url:
            return {"backend": name, "ok": False, "detail": "ELASTICSEARCH_URL is not set"}
        try:
            ok = bool(Elasticsearch(url, request_timeout=2).ping())
        except Exception:  # any transport failure means: not available
            logger.warning("Elasticsearch at %s is not reachable", url, exc_info=True)
            ok = False
        return {"backend": name, "ok": ok}
    return {"backend": "database", "ok": True}
