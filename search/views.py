from urllib.parse import urlencode

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from portal.languages import default_tree_url_on_site
from portal.searchable import NAME_PREFIX
from search import service
from search.caching import search_for
from search.facet_labels import replace_old_names

# URL parameter -> facet name
PARAMETERS = {
    "type": "content_type", "line": "learning_line", "track": "track", "theme": "theme",
    "org": "organisation", "year": "year", "lang": "language", "sdg": "sdg",
}
FACET_TITLES = {
    "content_type": _("Type"), "learning_line": _("Learning line"), "track": _("Track"),
    "theme": _("Theme"), "organisation": _("Organisation"), "year": _("Year"),
    "language": _("Language"), "sdg": _("SDG"),
}
VALUE_LABELS = {
    "content_type": {
        "knowledge": _("Knowledge"), "session": _("Session"),
        "working_group": _("Working group"), "learning_line": _("Learning line"),
        "news": _("News"), "impact_story": _("Impact story"), "vacancy": _("Vacancy"),
        "event": _("Event"), "organisation": _("Member organisation"), "page": _("Page"),
    },
    "track": {"practitioner": _("Practitioner"), "leadership": _("Leadership")},
    "language": {"nl": _("Dutch"), "en": _("English")},
}


def other_language_label(language):
    """The name of a result's language when it is not the page's (then the result is
    marked with its language too), else ""."""
    if not language or language == get_language():
        return ""
    return VALUE_LABELS["language"].get(language, language)


def _filters(request):
    filters = {}
    for parameter, facet in PARAMETERS.items():
        values = [value[:200] for value in request.GET.getlist(parameter) if value.strip()]
        if values:
            filters[facet] = values[:20]
    return filters


def _page_number(request):
    try:
        return max(1, int(request.GET.get("page", "1")))
    except (TypeError, ValueError):
        return 1


def _label(result, facet, value):
    """What a facet value is called: its stored label (named things, by id), the name of
    a fixed key, or the value itself (a year, an SDG number, an unknown value)."""
    label = result.labels.get(facet, {}).get(value)
    if label:
        return label
    if value.startswith(NAME_PREFIX):
        return value[len(NAME_PREFIX):]
    return value_labels(facet).get(value, value)


def value_labels(facet):
    """The fixed names of a facet's values; for content types also those of the kinds
    of non-page documents (their sources name them: search.items)."""
    labels = VALUE_LABELS.get(facet, {})
    if facet == "content_type":
        from search.items import kind_labels

        labels = {**kind_labels(), **labels}
    return labels


def _facet_groups(request, result, filters):
    """Facet options with counts and a link that toggles each value."""
    groups = []
    base = request.GET.copy()
    base.pop("page", None)
    for parameter, facet in PARAMETERS.items():
        options = []
        selected_values = set(filters.get(facet, []))
        for value, count in result.facets.get(facet, []):
            query = base.copy()
            values = query.getlist(parameter)
            if value in values:
                values.remove(value)
            else:
                values.append(value)
            query.setlist(parameter, values)
            options.append({
                "value": value,
                "label": _label(result, facet, value),
                "count": count,
                "selected": value in selected_values,
                "url": "?" + query.urlencode(),
            })
        # A selected value with no hits stays visible so it can be removed.
        for value in selected_values - {option["value"] for option in options}:
            query = base.copy()
            query.setlist(parameter, [v for v in query.getlist(parameter) if v != value])
            options.append({"value": value, "label": _label(result, facet, value),
                            "count": 0, "selected": True, "url": "?" + query.urlencode()})
        if options:
            groups.append({"facet": facet, "parameter": parameter,
                           "title": FACET_TITLES[facet], "options": options})
    return groups


def _link_with_ids(request, filters):
    """The same search with the filters' ids in place of old names."""
    query = request.GET.copy()
    for parameter, facet in PARAMETERS.items():
        if facet in filters:
            query.setlist(parameter, filters[facet])
    return "?" + query.urlencode()


def search_view(request):
    query = service.clean_query(request.GET.get("q", ""))
    sort = "date" if request.GET.get("sort") == "date" else "relevance"
    filters, renamed, unknown = replace_old_names(_filters(request), request.user)
    if renamed:
        # An old link that named an organisation, line or theme: the same search, by id.
        return HttpResponsePermanentRedirect(_link_with_ids(request, filters))
    result = None
    if query:
        result = search_for(request.user, query, filters=filters, sort=sort,
                            page=_page_number(request))
        type_labels = value_labels("content_type")
        for hit in result.hits:
            hit.type_label = type_labels.get(hit.content_type, hit.content_type)
            hit.language_label = other_language_label(hit.language)
            hit.url = default_tree_url_on_site(hit.url, get_language())
        if _page_number(request) == 1 and not filters:
            service.log_query(query, result.total)
    pagination = request.GET.copy()
    pagination.pop("page", None)
    sort_links = {}
    for option in ("relevance", "date"):
        link = request.GET.copy()
        link.pop("page", None)
        link["sort"] = option
        sort_links[option] = "?" + link.urlencode()
    return render(request, "search/search.html", {
        "query": query,
        "result": result,
        "sort": sort,
        "sort_links": sort_links,
        "facet_groups": _facet_groups(request, result, filters) if result else [],
        "active_filters": bool(filters),
        "unknown_filters": [value for values in unknown.values() for value in values],
        "pagination_query": pagination.urlencode(),
        "suggestion_url": ("?" + urlencode({"q": result.suggestion}))
        if result and result.suggestion else None,
    })


@require_GET
def autocomplete_view(request):
    """Titles matching what was typed, as JSON: [{"title", "url", "type"}]."""
    suggestions = service.autocomplete(request.GET.get("q", ""), request.user)
    response = JsonResponse({"results": [
        {"title": row["title"], "url": default_tree_url_on_site(row["url"], get_language()),
         "type": row["content_type"]}
        for row in suggestions
    ]})
    response["Cache-Control"] = "private, max-age=60"
    return response
