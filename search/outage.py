"""A known outage of the search engine, remembered for a short while (in the cache, so
every process of the portal knows it).

A paused or overloaded node accepts connections and never replies: without this, every
search would wait for the client's timeout before the database backend answers, and every
publish would wait for it before its update is queued. Once an engine request has failed
because the engine cannot be reached, searches go to the database backend at once and
updates are queued at once, for ``PORTAL_SEARCH_OUTAGE_SECONDS`` (30 by default); then the
engine is tried again. A successful /healthz probe or catch-up ends the outage sooner.
"""

import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("search.service")


def _key(backend):
    return f"search:engine-down:{backend.name}:{backend.url}"


def _seconds():
    return getattr(settings, "PORTAL_SEARCH_OUTAGE_SECONDS", 30)


def known_down(backend):
    return bool(cache.get(_key(backend)))


def note_failure(backend, error):
    """Remember the outage when ``error`` means the engine cannot be reached (not when it
    refused one request). Logged once per outage window."""
    if not backend.is_unavailable(error):
        return
    if cache.add(_key(backend), True, _seconds()):
        logger.warning(
            "Search engine %s unavailable (%s): searches are answered by the database "
            "backend and index updates are queued for the next %s s",
            backend.name, type(error).__name__, _seconds())


def note_success(backend):
    if cache.get(_key(backend)):
        cache.delete(_key(backend))
        logger.warning("Search engine %s is answering again", backend.name)
