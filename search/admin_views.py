from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import gettext as _

from search.models import SearchQueryLog


def can_view_search_log(user):
    return user.is_superuser or user.has_perm("search.view_searchquerylog")


def _month(request):
    """The month asked for (``?month=2026-3``); this month when missing or not a month
    (an out-of-range year such as 99999999999999999999 overflows ``date``)."""
    raw = request.GET.get("month", "")
    try:
        year, month = (int(part) for part in raw.split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError, OverflowError):
        return date.today().replace(day=1)


def search_log(request):
    if not can_view_search_log(request.user):
        raise PermissionDenied
    month = _month(request)
    entries = SearchQueryLog.objects.filter(month=month)
    months = SearchQueryLog.objects.order_by("-month").values_list("month", flat=True).distinct()
    totals = entries.aggregate(searches=Sum("count"), zero=Sum("zero_result_count"))
    return render(request, "search/admin/search_log.html", {
        "title": _("Search log"),
        "month": month,
        "months": list(months)[:24],
        "top": entries.order_by("-count", "query")[:50],
        "zero": entries.filter(zero_result_count__gt=0).order_by("-zero_result_count",
                                                                 "query")[:50],
        "totals": totals,
    })
