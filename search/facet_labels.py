"""The names of facet values: facets are keyed by stable ids (a primary key, a fixed
key), and their labels are read from the stored documents, which every backend's facets
share. Reads only."""

from django.db.models import Max

from portal.cache import SEARCH_INDEX_GENERATION_KEY, cached_for_content
from portal.searchable import NAME_PREFIX
from search.backends.database import audience_q
from search.documents import LABELLED_FACETS, user_tokens
from search.models import SearchDocument, SearchFacetValue


def _visible_facet_values(tokens):
    return SearchFacetValue.objects.filter(
        document__in=SearchDocument.objects.filter(audience_q(tokens)).values("id"))


def facet_labels(ids_by_facet, tokens=None):
    """{facet: {id: label}} for these ids of named things, from the stored documents
    (one query; every backend's facets carry the same ids): only from those the user may
    see when ``tokens`` are given (ids that are not in the user's facet counts). After a
    rename every document is updated (search.signal_handlers), so the labels agree again."""
    ids_by_facet = {facet: set(ids) for facet, ids in ids_by_facet.items() if ids}
    if not ids_by_facet:
        return {}
    if tokens is None:  # the same for everyone: remembered until the index changes
        parts = sorted((facet, sorted(ids)) for facet, ids in ids_by_facet.items())
        return cached_for_content("search-facet-labels", parts,
                                  lambda: _read_labels(ids_by_facet, SearchFacetValue.objects),
                                  generation_key=SEARCH_INDEX_GENERATION_KEY)
    return _read_labels(ids_by_facet, _visible_facet_values(tokens))


def _read_labels(ids_by_facet, values):
    rows = (values
            .filter(facet__in=ids_by_facet,
                    value__in=set().union(*ids_by_facet.values()))
            .exclude(label="").values_list("facet", "value").annotate(name=Max("label"))
            .order_by())
    labels = {}
    for facet, value, label in rows:
        if value in ids_by_facet[facet]:
            labels.setdefault(facet, {})[value] = label
    return labels


def ids_for_names(facet, names, tokens):
    """{name: [ids]} of the named things called so in the documents the user may see: old
    links (/zoeken/?org=<name>) from before facets were keyed by id."""
    names = set(names)
    if facet not in LABELLED_FACETS or not names:
        return {}
    found = {}
    rows = (_visible_facet_values(tokens).filter(facet=facet, label__in=names)
            .values_list("label", "value").distinct().order_by())
    for label, value in rows:
        found.setdefault(label, []).append(value)
    return {name: sorted(ids) for name, ids in found.items()}


def looks_like_id(value):
    return value.isdigit() or value.startswith(NAME_PREFIX)


def replace_old_names(filters, user):
    """Filters of old links named things by name (/zoeken/?org=Stichting%20Waterbron);
    they are keyed by id now. Returns the filters with each name that the user's
    documents know replaced by its ids, whether any was replaced, and the values that are
    neither an id nor a known name ({facet: [value]}: the page says so)."""
    replaced, changed, unknown = {}, False, {}
    tokens = None
    for facet, values in filters.items():
        names = [value for value in values
                 if facet in LABELLED_FACETS and not looks_like_id(value)]
        if not names:
            replaced[facet] = values
            continue
        tokens = tokens if tokens is not None else user_tokens(user)
        found = ids_for_names(facet, names, tokens)
        new_values = []
        for value in values:
            if value in found:
                new_values += found[value]
                changed = True
            else:
                new_values.append(value)
                if value in names:
                    unknown.setdefault(facet, []).append(value)
        replaced[facet] = list(dict.fromkeys(new_values))
    return replaced, changed, unknown
