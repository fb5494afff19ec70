"""The kennisbank page: its items filtered, counted, sorted and paginated."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from knowledge.facets import build_facets
from knowledge.filters import (
    FILTER_NAMES,
    KnowledgeFilters,
    apply_filters,
    apply_sort,
    check_vocabulary,
    parse_filters,
)
from knowledge.selectors import kennisbank_navigation, visible_items
from portal.cache import audience_key, cached_for_content


@dataclass
class KennisbankListing:
    map_page: object
    filters: KnowledgeFilters
    facets: list
    page: object
    total: int
    notices: list
    sort_options: list
    querystring: str
    active_filters: list


def paginate_counted(request, queryset, total, per_page):
    """Like portal.pagination.paginate (a bad page number gives page 1, one past the end
    the last page), but with the total already counted by the facet query."""
    paginator = Paginator(queryset, per_page)
    paginator.count = total  # cached_property: saves the COUNT query.
    try:
        number = int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        number = 1
    number = max(1, min(number, paginator.num_pages))
    return paginator.page(number)


def kennisbank_listing(request, index_page):
    """Everything the kennisbank page shows: filtered, counted, sorted and paginated.

    A fixed number of queries whatever the number of items.
    """
    user = request.user
    lines, map_page = kennisbank_navigation(user, index_page)
    filters, notices = parse_filters(request.GET, lines)
    filters = check_vocabulary(filters, notices)
    base = visible_items(user)
    facets, total = cached_for_content(
        "kennisbank-facets", (audience_key(user), get_language(), filters.querystring()),
        lambda: build_facets(base, filters, lines))

    items = (
        apply_sort(apply_filters(base, filters), filters.sort)
        .select_related("locale")
        .prefetch_related("authoring_organisations")
    )
    page = paginate_counted(request, items, total, index_page.listing_per_page)

    sort_labels = {"date": _("Newest first"), "title": _("Title (A–Z)")}
    facet_by_name = {facet.name: facet for facet in facets}
    active = []
    for name in FILTER_NAMES:
        facet = facet_by_name[name]
        option = facet.selected_option
        if option is not None:
            active.append({"label": facet.label, "value": option.label,
                           "remove_query": filters.querystring(**{name: None})})
    return KennisbankListing(
        map_page=map_page,
        filters=filters, facets=facets, page=page, total=total, notices=notices,
        sort_options=[{"value": key, "label": label, "selected": key == filters.sort}
                      for key, label in sort_labels.items()],
        querystring=filters.querystring(),
        active_filters=active,
    )

