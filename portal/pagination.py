"""Pagination that never fails on bad input: a bad number gives page 1, one past
the end gives the last page."""

from django.core.paginator import Paginator


def paginate(request, object_list, per_page=12, param="page", count=None):
    """A page of ``object_list`` (a bad or too high page number gives the nearest page).
    ``count``, when known (e.g. remembered), saves the COUNT query."""
    paginator = Paginator(object_list, per_page)
    if count is not None:
        paginator.count = count  # a cached_property
    raw = request.GET.get(param, "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    number = max(1, min(number, paginator.num_pages))
    return paginator.page(number)


def querystring_without(request, *names):
    """The current query string minus the given parameters, for pagination links."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
