"""Counting requests in a time window, for limits on forms anyone may send (the cache
counts; a cache that is down counts nothing, so the form keeps working)."""

import hashlib

from axes.helpers import get_client_ip_address
from django.core.cache import cache

from portal.cache import cache_safely


def _key(prefix, value):
    return f"{prefix}:{hashlib.sha256(str(value).encode()).hexdigest()[:32]}"


def count_hit(prefix, value, window):
    """One more request for ``value`` (an address, a client, …) under ``prefix`` in the
    current window of ``window`` seconds; the total so far (0 without a working cache)."""
    key = _key(prefix, value)

    def increment():
        cache.add(key, 0, window)
        return cache.incr(key)

    return cache_safely(increment, 0)


def hits_so_far(prefix, value):
    """How many requests ``count_hit`` counted for ``value`` in the current window."""
    return cache_safely(lambda: cache.get(_key(prefix, value)), 0) or 0


def client_address(request):
    """The client's address as the login throttling sees it (django-axes)."""
    return get_client_ip_address(request) or "unknown"
