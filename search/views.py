from django.shortcuts import render

from portal.pagination import paginate, querystring_without
from search.service import clean_query, search_pages


def search_view(request):
    query = clean_query(request.GET.get("q", ""))
    results = paginate(request, search_pages(query, request.user), 10) if query else None
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "pagination_query": querystring_without(request, "page"),
        },
    )
