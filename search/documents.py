"""How a page becomes a search document: the one place that knows.

Pages describe themselves with ``portal_search_fields()``; this module adds what every
document has (title, URL, audience) and stores it.
"""

import datetime
import logging
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.models import Page, PageViewRestriction, get_page_models

from portal.cache import SEARCH_INDEX_GENERATION_KEY, cached_for_content
from portal.searchable import SearchableContent
from portal.text import plain_text
from portal.visibility import AUTHENTICATED, PUBLIC, restriction_audience, user_audience
from search.models import SearchDocument, SearchFacetValue

FACETS = ["content_type", "learning_line", "track", "theme", "organisation", "year", "language"]
# Facets whose values are ids of things people name (and rename): their labels are stored
# beside the ids (SearchFacetValue.label) and looked up for display (search.service).
LABELLED_FACETS = ["learning_line", "theme", "organisation"]
logger = logging.getLogger(__name__)


def page_key(page_id):
    return f"page:{page_id}"


def restrictions_by_path(paths=None):
    """View restrictions keyed by the tree path of their page, with their group ids.

    ``paths`` narrows it to the restrictions on those pages (a page's ancestors)."""
    queryset = PageViewRestriction.objects.annotate(page_path=F("page__path"))
    if paths is not None:
        queryset = queryset.filter(page__path__in=paths)
    group_ids = defaultdict(set)
    for restriction_id, group_id in PageViewRestriction.groups.through.objects.filter(
        pageviewrestriction__in=queryset
    ).values_list("pageviewrestriction_id", "group_id"):
        group_ids[restriction_id].add(group_id)
    by_path = defaultdict(list)
    for restriction in queryset:
        by_path[restriction.page_path].append(
            (restriction.restriction_type, group_ids.get(restriction.id, set())))
    return by_path


def _ancestor_paths(path):
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


# Nested view restrictions make compound tokens ("group:3+group:7": a user needs both);
# past these limits a page is left out of search rather than shown too widely.
MAX_COMPOUND_PARTS = 4
MAX_AUDIENCE_TOKENS = 64


def audience_tokens(page, restrictions=None):
    """Who may find the page: tokens of which a user needs one (portal.visibility's
    ``user_audience``, with compounds, see :func:`user_tokens`); None when no one may
    find it through search (a password restriction).

    Each view restriction on the page or above it is a condition the user must pass
    (``portal.visibility.restriction_audience``: the rule ``can_view`` applies), so the
    conditions are multiplied out into compound tokens. ``restrictions`` (from
    :func:`restrictions_by_path`) saves the queries when many pages are built at once."""
    paths = _ancestor_paths(page.path)
    if restrictions is None:
        restrictions = restrictions_by_path(paths)
    conditions = []
    for path in paths:
        for restriction_type, group_ids in restrictions.get(path, ()):
            condition = restriction_audience(restriction_type, group_ids)
            if not condition:
                return None
            conditions.append(condition)
    if not conditions:
        return [PUBLIC]
    tokens = combine_conditions(conditions)
    if tokens is None:
        logger.warning("Page %s: view restrictions too deeply nested for search; left out",
                       page.pk)
    return tokens


def combine_conditions(conditions):
    """Tokens for "one token of each condition" (conditions: sets of tokens), multiplied
    out into compound tokens ("group:3+group:7": a user needs both); None when it is
    too deeply nested for search."""
    if any(not condition for condition in conditions):
        return None
    if not conditions:
        return [PUBLIC]
    combinations = {frozenset()}
    for condition in conditions:
        combinations = {combination | {token} for combination in combinations
                        for token in condition}
    # Every token but "public" is held only by signed-in users: "authenticated" beside
    # another token says nothing more.
    combinations = {combination - {AUTHENTICATED} if len(combination) > 1 else combination
                    for combination in combinations}
    # A combination that holds another is implied by it.
    minimal = [combination for combination in combinations
               if not any(other < combination for other in combinations)]
    if len(minimal) > MAX_AUDIENCE_TOKENS or \
            any(len(combination) > MAX_COMPOUND_PARTS for combination in minimal):
        return None
    return sorted("+".join(sorted(combination)) for combination in minimal)


def compound_tokens():
    """The compound audience tokens that documents carry (nested restrictions: few),
    remembered until the index changes: reading them scans every document."""
    def read():
        rows = SearchDocument.objects.filter(audience__contains="+").values_list(
            "audience", flat=True).distinct()
        return sorted({token for row in rows for token in row.split() if "+" in token})

    return set(cached_for_content("search-compound-tokens", (), read,
                                  generation_key=SEARCH_INDEX_GENERATION_KEY))


def user_tokens(user):
    """The audience tokens a user holds: portal.visibility's ``user_audience``, plus each
    compound token in the index all of whose parts the user holds."""
    tokens = user_audience(user)
    compounds = {token for token in compound_tokens() if set(token.split("+")) <= tokens}
    return sorted(tokens) + sorted(compounds)


def _as_datetime(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12)))


def hidden_in(page):
    """The languages in which another version of the page stands for it in search: its
    live translation in that language, or, where that language has none, the version in
    the default language. So each item is found once on each language's site, in the
    visitor's language where it exists (as portal.selectors.prefer_current_language)."""
    from portal.languages import default_language, language_codes, language_of

    own = language_of(page)
    others = {language_of(version) for version in Page.objects.filter(
        translation_key=page.translation_key, live=True).exclude(pk=page.pk).only("locale_id")}
    default = default_language()
    return [code for code in language_codes() if code != own
            and (code in others or (own != default and default in others))]


def build_document(page, restrictions=None):
    """The document data for a page, or None when the page must not be searchable."""
    page = page.specific
    describe = getattr(page, "portal_search_fields", None)
    if describe is None or not page.live:
        return None
    audience = audience_tokens(page, restrictions)
    if audience is None:
        return None
    content = describe()
    if not isinstance(content, SearchableContent):
        raise TypeError(f"{type(page).__name__}.portal_search_fields() must return "
                        "a portal.searchable.SearchableContent")
    date = _as_datetime(content.date or page.first_published_at)
    labelled = {"learning_line": content.learning_lines, "theme": content.themes,
                "organisation": content.organisations}
    facets = {
        "content_type": [content.kind or "page"],
        # Sorted: relations without an order (tags) come back in any order.
        **{facet: sorted(value.id for value in values) for facet, values in labelled.items()},
        "track": sorted(content.tracks),
        "sdg": sorted(str(number) for number in content.sdgs),
        "year": [str(date.year)] if date else [],
        "language": [content.language or page.locale.language_code],
        # Not a facet people choose: the languages whose search leaves this out.
        "hidden_in": hidden_in(page),
    }
    return {
        "key": page_key(page.id),
        "page_id": page.id,
        "title": page.title,
        "summary": plain_text(content.summary),
        "body": plain_text(content.body),
        "url": _own_url(page),
        "content_type": facets["content_type"][0],
        "language": facets["language"][0],
        "date": date,
        "year": date.year if date else None,
        "audience": audience,
        "facets": facets,
        # What people read for each id of the facets that name things (the view shows it).
        "labels": {facet: {value.id: value.label for value in values}
                   for facet, values in labelled.items() if values},
    }


def _own_url(page):
    """The page's address in its own language (each site shows it at its own address:
    search.views)."""
    from django.utils import translation

    from portal.languages import language_of

    with translation.override(language_of(page)):
        return page.get_url() or page.url or ""


DOCUMENT_FIELDS = ["page_id", "title", "summary", "body", "url", "content_type", "language",
                   "date", "year", "audience"]


def _document_row(data):
    return SearchDocument(
        key=data["key"], page_id=data["page_id"], title=data["title"][:255],
        summary=data["summary"], body=data["body"], url=data["url"][:500],
        content_type=data["content_type"], language=data["language"], date=data["date"],
        year=data["year"], audience=" " + " ".join(data["audience"]) + " ",
    )


def _facet_rows(document_id, data):
    labels = data.get("labels", {})
    return [
        SearchFacetValue(document_id=document_id, facet=facet, value=str(value)[:255],
                         label=labels.get(facet, {}).get(value, "")[:255])
        for facet, values in data["facets"].items()
        for value in dict.fromkeys(values)
        if value not in (None, "")
    ]


def store_document(data):
    """Create or update the SearchDocument row (and its facet values) for ``data``."""
    row = _document_row(data)
    document, _created = SearchDocument.objects.update_or_create(
        key=data["key"], defaults={field: getattr(row, field) for field in DOCUMENT_FIELDS},
    )
    SearchFacetValue.objects.filter(document=document).delete()
    SearchFacetValue.objects.bulk_create(_facet_rows(document.id, data))
    return document


def store_documents(batch):
    """Store many documents at once (rebuilds): a few queries per batch, not per page.

    Rows are written without model signals; the caller brings the search index up to
    date afterwards (search.service.rebuild)."""
    if not batch:
        return
    with transaction.atomic():
        SearchDocument.objects.bulk_create(
            [_document_row(data) for data in batch], update_conflicts=True,
            unique_fields=["key"], update_fields=DOCUMENT_FIELDS + ["updated_at"],
        )
        ids = dict(SearchDocument.objects.filter(key__in=[data["key"] for data in batch])
                   .values_list("key", "id"))
        SearchFacetValue.objects.filter(document_id__in=ids.values()).delete()
        SearchFacetValue.objects.bulk_create(
            [row for data in batch for row in _facet_rows(ids[data["key"]], data)])


def searchable_models():
    """Page types that describe themselves for search."""
    return [model for model in get_page_models() if hasattr(model, "portal_search_fields")]


def _related_to_load(model):
    """Relations a page type's portal_search_fields() may read, loaded per batch: its
    many-to-many fields (themes, organisations …), its own foreign keys and its child
    objects (ParentalKey), and the locale."""
    names = {"locale"}
    names.update(field.name for field in model._meta.many_to_many)
    names.update(
        field.name for field in model._meta.concrete_fields
        if field.many_to_one and field.model is not Page
        and not field.name.endswith("_ptr")
    )
    names.update(
        relation.get_accessor_name() for relation in model._meta.related_objects
        if isinstance(relation.field, ParentalKey) and relation.field.related_model is not Page
    )
    return sorted(names)


def iter_documents(batch_size=500, progress=None):
    """Document data for every searchable live page, built in batches with their relations
    loaded up front. Yields lists of document data."""
    restrictions = restrictions_by_path()
    models = searchable_models()
    ids_by_model = {
        model: list(model.objects.live()
                    .filter(content_type=ContentType.objects.get_for_model(model))
                    .order_by("path").values_list("id", flat=True))
        for model in models
    }
    total = sum(len(ids) for ids in ids_by_model.values())
    done = 0
    for model, ids in ids_by_model.items():
        related = _related_to_load(model)
        for start in range(0, len(ids), batch_size):
            pages = list(model.objects.filter(id__in=ids[start:start + batch_size])
                         .prefetch_related(*related).order_by("path"))
            _load_parents(pages)
            batch = [data for data in (build_document(page, restrictions) for page in pages)
                     if data is not None]
            done += len(pages)
            if progress:
                progress(done, total)
            yield batch


def _load_parents(pages):
    """Parents in one query, kept where treebeard's get_parent() looks for them."""
    step = Page.steplen
    parent_paths = {page.path[:-step] for page in pages if len(page.path) > step}
    parents = {parent.path: parent for parent in Page.objects.filter(path__in=parent_paths)}
    for page in pages:
        parent = parents.get(page.path[:-step])
        if parent is not None:
            page._cached_parent_obj = parent
