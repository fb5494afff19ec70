"""Reads of the knowledge base: the filtered kennisbank with its counts, the knowledge
map, related items and the item page's extras.

Every read starts from :func:`visible_items`, which goes through the portal's visibility
helper, so a member-only item is never listed, counted, mapped or linked for someone who
may not see it. The filter functions are small and composable so tests can compare them
with a plain ORM query.
"""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, ExtractYear, Lower
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from knowledge.models import (
    BOTH_TRACKS,
    ContentLanguage,
    Kind,
    KnowledgeItemPage,
    KnowledgeItemRelation,
    KnowledgeItemThemeTag,
    KnowledgeMapPage,
    tracks_matching,
)
from learninglines.models import LearningLinePage, Track
from memberhub.models import MemberOrganisation
from portal.cache import audience_key, cached_for_content
from portal.models import SustainableDevelopmentGoal, ThemeTag
from portal.searchable import FacetValue, SearchableContent, facet_values
from portal.selectors import prefer_current_language
from portal.visibility import visible_pages

FILTER_NAMES = ("kind", "line", "track", "theme", "sdg", "organisation", "language", "year")
NO_LINE = "none"
SORTS = {
    "date": ("-publication_date", Lower("title")),
    "title": (Lower("title"), "-publication_date"),
}
DEFAULT_SORT = "date"
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_PARAM_LENGTH = 100

LineThrough = KnowledgeItemPage.learning_lines.through
SdgThrough = KnowledgeItemPage.sdgs.through
OrganisationThrough = KnowledgeItemPage.authoring_organisations.through


# --- The visible items ----------------------------------------------------------------


def visible_items(user, queryset=None):
    """Knowledge items this user may see, one version per translation (the current
    language where it exists), across the whole site."""
    queryset = KnowledgeItemPage.objects.all() if queryset is None else queryset
    return visible_pages(user, prefer_current_language(queryset))


def public_items():
    """Items anyone may see: what the feed and other public outputs use."""
    return visible_items(AnonymousUser())


# --- Filters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KnowledgeFilters:
    """Validated filter values. ``line`` is a learning line's translation key (or NO_LINE);
    ``line_slug`` is how it appears in the query string."""

    kind: str | None = None
    line: object = None
    line_slug: str | None = None
    track: str | None = None
    theme: str | None = None
    sdg: int | None = None
    organisation: str | None = None
    language: str | None = None
    year: int | None = None
    sort: str = DEFAULT_SORT

    def without(self, name):
        if name == "line":
            return replace(self, line=None, line_slug=None)
        return replace(self, **{name: None})

    @property
    def active(self):
        return any(getattr(self, name) is not None for name in FILTER_NAMES)

    def query_items(self):
        """(name, value) pairs for a query string, in a stable order."""
        items = []
        for name in FILTER_NAMES:
            value = self.line_slug if name == "line" else getattr(self, name)
            if value is not None:
                items.append((name, str(value)))
        if self.sort != DEFAULT_SORT:
            items.append(("sort", self.sort))
        return items

    def querystring(self, **overrides):
        """The query string for these filters, with ``overrides`` (None removes one)."""
        pairs = dict(self.query_items())
        for name, value in overrides.items():
            if value is None:
                pairs.pop(name, None)
            else:
                pairs[name] = str(value)
        return urlencode(pairs)


def filter_q(filters, exclude=None):
    """A Q object for the filters, leaving out the one named ``exclude``.

    Many-to-many filters are subqueries on the link tables, so the Q can go into
    aggregate ``filter=`` arguments without multiplying rows.
    """
    q = Q()
    if filters.kind is not None and exclude != "kind":
        q &= Q(kind=filters.kind)
    if filters.language is not None and exclude != "language":
        q &= Q(language=filters.language)
    if filters.track is not None and exclude != "track":
        q &= Q(track__in=tracks_matching(filters.track))
    if filters.year is not None and exclude != "year":
        q &= Q(publication_date__year=filters.year)
    if filters.line is not None and exclude != "line":
        if filters.line == NO_LINE:
            q &= ~Q(pk__in=LineThrough.objects.values("knowledgeitempage_id"))
        else:
            q &= Q(pk__in=LineThrough.objects.filter(
                learninglinepage__translation_key=filters.line
            ).values("knowledgeitempage_id"))
    if filters.theme is not None and exclude != "theme":
        q &= Q(pk__in=KnowledgeItemThemeTag.objects.filter(
            tag__slug=filters.theme
        ).values("content_object_id"))
    if filters.sdg is not None and exclude != "sdg":
        q &= Q(pk__in=SdgThrough.objects.filter(
            sustainabledevelopmentgoal__number=filters.sdg
        ).values("knowledgeitempage_id"))
    if filters.organisation is not None and exclude != "organisation":
        q &= Q(pk__in=OrganisationThrough.objects.filter(
            memberorganisation__slug=filters.organisation
        ).values("knowledgeitempage_id"))
    return q


def apply_filters(queryset, filters, exclude=None):
    return queryset.filter(filter_q(filters, exclude=exclude))


def apply_sort(queryset, sort):
    return queryset.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


# --- Vocabularies (option lists), one query each ----------------------------------------


def pick_localized(pages):
    """One page per translation: the current language's version where visible, else the
    default language's, else any. ``pages`` need their locale selected; no queries."""
    language = get_language()
    default = settings.LANGUAGE_CODE

    def rank(page):
        code = page.locale.language_code
        return 0 if code == language else 1 if code == default else 2

    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or rank(page) < rank(current):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.path)


def line_options(user, pages=None):
    """Visible learning lines, one per translation, in the current language where
    possible, in tree order. Two queries (or none when ``pages`` are given)."""
    if pages is None:
        pages = visible_pages(user, LearningLinePage.objects.select_related("locale"))
    return pick_localized(page for page in pages if page.content_type_id == _line_type().id)


def _line_type():
    return ContentType.objects.get_for_model(LearningLinePage)


def kennisbank_navigation(user, index_page):
    """The learning lines (for the line filter) and the knowledge map page (for a link)
    in one visibility-checked query. Returns (lines, map_page or None)."""
    map_type = ContentType.objects.get_for_model(KnowledgeMapPage)
    pages = list(visible_pages(user, Page.objects.filter(
        Q(content_type=_line_type())
        | Q(content_type=map_type, path__startswith=index_page.path,
            depth=index_page.depth + 1)
    ).select_related("locale")))
    map_page = next((page for page in pages if page.content_type_id == map_type.id), None)
    return line_options(user, pages), map_page


def _clean_text(value):
    if value is None:
        return None
    value = str(value).strip()
    if not value or len(value) > MAX_PARAM_LENGTH:
        return ""
    return value


def parse_filters(params, lines):
    """Validate GET parameters. Returns (filters, notices); an unknown or malformed value
    is dropped with a notice instead of failing. ``lines`` are the learning lines on offer
    (:func:`line_options`); themes, SDGs and organisations are checked by the facets."""
    notices = []
    values = {}

    def reject(name, raw):
        notices.append(_("The filter value “%(value)s” for %(filter)s is not known and was "
                         "ignored.") % {"value": str(raw)[:MAX_PARAM_LENGTH],
                                        "filter": filter_label(name)})

    for name, choices in (("kind", Kind), ("language", ContentLanguage), ("track", Track)):
        raw = _clean_text(params.get(name))
        if raw:
            if raw in choices.values:
                values[name] = raw
            else:
                reject(name, raw)

    raw = _clean_text(params.get("line"))
    if raw:
        if raw == NO_LINE:
            values["line"], values["line_slug"] = NO_LINE, NO_LINE
        else:
            match = next((line for line in lines if line.slug == raw), None)
            if match is None:
                reject("line", raw)
            else:
                values["line"], values["line_slug"] = match.translation_key, match.slug

    raw = _clean_text(params.get("year"))
    if raw:
        try:
            year = int(raw)
        except ValueError:
            year = None
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            notices.append(_("“%(value)s” is not a valid year; the year filter was ignored.")
                           % {"value": raw[:MAX_PARAM_LENGTH]})
        else:
            values["year"] = year

    raw = _clean_text(params.get("sdg"))
    if raw:
        try:
            number = int(raw)
        except ValueError:
            number = None
        if number is None or not 1 <= number <= 17:
            reject("sdg", raw)
        else:
            values["sdg"] = number

    for name in ("theme", "organisation"):
        raw = _clean_text(params.get(name))
        if raw:
            values[name] = raw

    raw = _clean_text(params.get("sort"))
    if raw:
        if raw in SORTS:
            values["sort"] = raw
        else:
            notices.append(_("Unknown sort order “%(value)s”; sorted by date instead.")
                           % {"value": raw[:MAX_PARAM_LENGTH]})

    for name in FILTER_NAMES:
        if _clean_text(params.get(name)) == "" and params.get(name, "").strip():
            reject(name, params.get(name))
    return KnowledgeFilters(**values), notices


def filter_label(name):
    return {
        "kind": _("Kind"),
        "line": _("Learning line"),
        "track": _("Track"),
        "theme": _("Theme"),
        "sdg": _("SDG"),
        "organisation": _("Organisation"),
        "language": _("Language"),
        "year": _("Year"),
    }[name]


# --- Facet counts -----------------------------------------------------------------------


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected_option(self):
        return next((option for option in self.options if option.selected), None)


def _ids(queryset):
    return queryset.order_by().values("pk")


def scalar_counts(base, filters):
    """Counts for kind, language, track and 'no learning line', plus the total, in one
    aggregate query. Each facet's counts apply every other active filter (so an option's
    count is what choosing it would give)."""
    aggregates = {"total": Count("pk", filter=filter_q(filters))}
    for value in Kind.values:
        aggregates[f"kind__{value}"] = Count(
            "pk", filter=Q(kind=value) & filter_q(filters, exclude="kind"))
    for value in ContentLanguage.values:
        aggregates[f"language__{value}"] = Count(
            "pk", filter=Q(language=value) & filter_q(filters, exclude="language"))
    for value in Track.values:
        aggregates[f"track__{value}"] = Count(
            "pk", filter=Q(track__in=tracks_matching(value))
            & filter_q(filters, exclude="track"))
    aggregates[f"line__{NO_LINE}"] = Count(
        "pk", filter=~Q(pk__in=LineThrough.objects.values("knowledgeitempage_id"))
        & filter_q(filters, exclude="line"))
    return base.order_by().aggregate(**aggregates)


def year_counts(base, filters):
    """{year: count} with every filter but the year applied. One query."""
    rows = (
        apply_filters(base, filters, exclude="year")
        .order_by()
        .annotate(year=ExtractYear("publication_date"))
        .values("year")
        .annotate(count=Count("pk"))
    )
    return {row["year"]: row["count"] for row in rows}


def line_counts(base, filters, lines):
    """{translation_key: count} for the learning lines, every filter but the line applied.
    One query (counted per line translation, so an item linked to either language version
    of a line counts once)."""
    ids = _ids(apply_filters(base, filters, exclude="line"))
    rows = (
        LineThrough.objects.filter(knowledgeitempage_id__in=ids)
        .order_by()
        .values("learninglinepage__translation_key")
        .annotate(count=Count("knowledgeitempage_id", distinct=True))
    )
    return {row["learninglinepage__translation_key"]: row["count"] for row in rows}


def theme_counts(base, filters):
    """Every theme with its count (every filter but the theme applied). One query."""
    ids = _ids(apply_filters(base, filters, exclude="theme"))
    return list(
        ThemeTag.objects.annotate(
            count=Count("knowledge_items", filter=Q(knowledge_items__content_object_id__in=ids))
        ).order_by("name")
    )


def sdg_counts(base, filters):
    ids = _ids(apply_filters(base, filters, exclude="sdg"))
    return list(
        SustainableDevelopmentGoal.objects.annotate(
            count=Count("knowledge_items", filter=Q(knowledge_items__in=ids))
        ).order_by("number")
    )


def organisation_counts(base, filters):
    """Organisations that made at least one matching item (or the selected one)."""
    ids = _ids(apply_filters(base, filters, exclude="organisation"))
    queryset = MemberOrganisation.objects.annotate(
        count=Count("knowledge_items", filter=Q(knowledge_items__in=ids))
    )
    condition = Q(count__gt=0)
    if filters.organisation:
        condition |= Q(slug=filters.organisation)
    return list(queryset.filter(condition).order_by("name").only("id", "name", "slug"))


def build_facets(base, filters, lines):
    """The facets of the kennisbank form with their counts. Seven queries, whatever the
    number of items."""
    scalars = scalar_counts(base, filters)
    facets = []

    facets.append(Facet("kind", filter_label("kind"), [
        Option(value, label, scalars[f"kind__{value}"], filters.kind == value)
        for value, label in Kind.choices
    ]))

    per_line = line_counts(base, filters, lines)
    line_facet = Facet("line", filter_label("line"), [
        Option(line.slug, line.title, per_line.get(line.translation_key, 0),
               filters.line == line.translation_key)
        for line in lines
    ])
    line_facet.options.append(Option(NO_LINE, _("No learning line"),
                                     scalars[f"line__{NO_LINE}"], filters.line == NO_LINE))
    facets.append(line_facet)

    facets.append(Facet("track", filter_label("track"), [
        Option(value, label, scalars[f"track__{value}"], filters.track == value)
        for value, label in Track.choices
    ]))

    facets.append(Facet("theme", filter_label("theme"), [
        Option(tag.slug, tag.label, tag.count, filters.theme == tag.slug)
        for tag in theme_counts(base, filters)
        if tag.count or filters.theme == tag.slug
    ]))

    facets.append(Facet("sdg", filter_label("sdg"), [
        Option(str(goal.number), f"{goal.number}. {goal.label}", goal.count,
               filters.sdg == goal.number)
        for goal in sdg_counts(base, filters)
        if goal.count or filters.sdg == goal.number
    ]))

    facets.append(Facet("organisation", filter_label("organisation"), [
        Option(organisation.slug, organisation.name, organisation.count,
               filters.organisation == organisation.slug)
        for organisation in organisation_counts(base, filters)
    ]))

    facets.append(Facet("language", filter_label("language"), [
        Option(value, label, scalars[f"language__{value}"], filters.language == value)
        for value, label in ContentLanguage.choices
    ]))

    years = year_counts(base, filters)
    if filters.year is not None:
        years.setdefault(filters.year, 0)
    facets.append(Facet("year", filter_label("year"), [
        Option(str(year), str(year), count, filters.year == year)
        for year, count in sorted(years.items(), reverse=True)
    ]))
    return facets, scalars["total"]


def check_vocabulary(filters, notices):
    """Drop a theme or organisation that does not exist, with a notice. At most two small
    queries, only when those filters are given."""
    checks = {
        "theme": lambda value: ThemeTag.objects.filter(slug=value).exists(),
        "organisation": lambda value: MemberOrganisation.objects.filter(slug=value).exists(),
    }
    for name, exists in checks.items():
        value = getattr(filters, name)
        if value is not None and not exists(value):
            notices.append(_("The filter value “%(value)s” for %(filter)s is not known and "
                             "was ignored.") % {"value": value, "filter": filter_label(name)})
            filters = filters.without(name)
    return filters


# --- The kennisbank page ----------------------------------------------------------------


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


# --- The knowledge map ------------------------------------------------------------------


@dataclass
class MapRow:
    label: str
    query: str
    cells: list
    total: int


def knowledge_map(request, map_page):
    """The matrix of learning lines (or themes, with ?rows=theme) by kind.

    Returns a dict with rows, columns, totals and the kennisbank URL each cell links to.
    A fixed number of queries, remembered until content changes.
    """
    user = request.user
    by = "theme" if request.GET.get("rows") == "theme" else "line"
    return cached_for_content(
        "knowledge-map", (audience_key(user), get_language(), by, map_page.pk),
        lambda: _knowledge_map(request, map_page, user, by))


def _knowledge_map(request, map_page, user, by):
    base = visible_items(user)
    ids = _ids(base)
    kinds = list(Kind.choices)
    index = map_page.get_parent()
    index_url = index.get_url(request=request) if index is not None else ""

    column_totals = dict(
        base.order_by().values_list("kind").annotate(count=Count("pk"))
    )
    rows = []
    if by == "line":
        lines = line_options(user)
        counts = {}
        for key, kind, count in (
            LineThrough.objects.filter(knowledgeitempage_id__in=ids)
            .order_by()
            .values_list("learninglinepage__translation_key", "knowledgeitempage__kind")
            .annotate(count=Count("knowledgeitempage_id", distinct=True))
        ):
            counts[(key, kind)] = count
        row_totals = line_counts(base, KnowledgeFilters(), lines)
        for line in lines:
            rows.append(_map_row(line.title, "line", line.slug, kinds,
                                 lambda kind, key=line.translation_key: counts.get((key, kind), 0),
                                 row_totals.get(line.translation_key, 0)))
        loose = base.exclude(pk__in=LineThrough.objects.values("knowledgeitempage_id"))
        empty_label = _("No learning line")
    else:
        counts = {}
        for tag_id, kind, count in (
            KnowledgeItemThemeTag.objects.filter(content_object_id__in=ids)
            .order_by()
            .values_list("tag_id", "content_object__kind")
            .annotate(count=Count("content_object_id", distinct=True))
        ):
            counts[(tag_id, kind)] = count
        for tag in theme_counts(base, KnowledgeFilters()):
            rows.append(_map_row(tag.label, "theme", tag.slug, kinds,
                                 lambda kind, tag_id=tag.id: counts.get((tag_id, kind), 0),
                                 tag.count))
        loose = base.exclude(pk__in=KnowledgeItemThemeTag.objects.values("content_object_id"))
        empty_label = _("No theme")

    loose_counts = dict(loose.order_by().values_list("kind").annotate(count=Count("pk")))
    # The 'none' row only links to the kennisbank for learning lines (it has a filter).
    rows.append(_map_row(empty_label, "line" if by == "line" else None, NO_LINE, kinds,
                         lambda kind: loose_counts.get(kind, 0), sum(loose_counts.values())))

    columns = [{"value": value, "label": label, "total": column_totals.get(value, 0)}
               for value, label in kinds]
    return {
        "by": by,
        "rows": rows,
        "columns": columns,
        "total": sum(column_totals.values()),
        "index_url": index_url,
    }


def _map_row(label, param, value, kinds, count_for, total):
    """One row of the map; ``param`` is the kennisbank filter the row stands for (None
    when there is no such filter, e.g. 'no theme')."""
    cells = []
    for kind, kind_label in kinds:
        query = urlencode({param: value, "kind": kind}) if param else ""
        cells.append({"kind": kind, "kind_label": kind_label, "count": count_for(kind),
                      "query": query})
    row_query = urlencode({param: value}) if param else ""
    return MapRow(label=label, query=row_query, cells=cells, total=total)


# --- The item page ----------------------------------------------------------------------


def related_items(page, user, limit=6):
    """Items related to this one: the editor's choice first (in their order), then items
    sharing learning lines and themes (most shared first, newest first). Visible only,
    in the current language where a translation exists. Two queries, remembered until
    content changes."""
    return cached_for_content(
        "related-items", (audience_key(user), get_language(), page.pk, limit),
        lambda: _related_items(page, user, limit))


def _related_items(page, user, limit):
    manual = KnowledgeItemRelation.objects.filter(page=page)
    lines = LineThrough.objects.filter(knowledgeitempage_id=page.pk).values(
        "learninglinepage__translation_key")
    themes = KnowledgeItemThemeTag.objects.filter(content_object_id=page.pk).values("tag_id")
    # Related by translation: manual choices and shared lines may point at another
    # language version, so match on translation_key.
    manual_keys = manual.values("item__translation_key")
    line_matches = LineThrough.objects.filter(
        knowledgeitempage_id=OuterRef("pk"), learninglinepage__translation_key__in=lines
    ).order_by().values("knowledgeitempage_id").annotate(n=Count("*")).values("n")
    theme_matches = KnowledgeItemThemeTag.objects.filter(
        content_object_id=OuterRef("pk"), tag_id__in=themes
    ).order_by().values("content_object_id").annotate(n=Count("*")).values("n")
    manual_order = manual.filter(item__translation_key=OuterRef("translation_key")).values(
        "sort_order")[:1]
    candidates = (
        visible_items(user)
        .exclude(translation_key=page.translation_key)
        .filter(
            Q(translation_key__in=manual_keys)
            | Q(pk__in=LineThrough.objects.filter(
                learninglinepage__translation_key__in=lines).values("knowledgeitempage_id"))
            | Q(pk__in=KnowledgeItemThemeTag.objects.filter(tag_id__in=themes).values(
                "content_object_id"))
        )
        .annotate(
            manual_position=Coalesce(Subquery(manual_order, output_field=IntegerField()),
                                     Value(10_000)),
            shared=Coalesce(Subquery(line_matches, output_field=IntegerField()), Value(0))
            + Coalesce(Subquery(theme_matches, output_field=IntegerField()), Value(0)),
        )
        .order_by("manual_position", F("shared").desc(), "-publication_date", "title")
        .only("id", "title", "url_path", "path", "depth", "locale_id", "kind",
              "publication_date", "summary", "translation_key", "members_only")
    )
    return list(candidates[:limit])


def localized_learning_lines(page, user):
    """The item's learning lines, visible ones only, in the current language where a
    translation exists. Two queries."""
    keys = LineThrough.objects.filter(knowledgeitempage_id=page.pk).values(
        "learninglinepage__translation_key")
    return pick_localized(visible_pages(
        user, LearningLinePage.objects.filter(translation_key__in=keys).select_related("locale")
    ))


def item_page_context(page, request):
    """What the item template needs beside the page itself. A fixed number of queries."""
    user = request.user
    context = {
        "attachments": list(page.attachments.select_related("document").order_by("sort_order")),
        "organisations": list(page.authoring_organisations.order_by("name")),
        "learning_lines": localized_learning_lines(page, user),
        "themes": list(page.themes.order_by("name")),
        "sdgs": list(page.sdgs.order_by("number")),
        "related": related_items(page, user),
        "kennisbank_url": _kennisbank_url(page, request),
        "page_full_url": page.get_full_url(request=request),
        "og_image_url": "",
    }
    if page.cover_image_id and page.cover_image is not None:
        rendition = page.cover_image.get_rendition("fill-1200x630")
        context["og_image_url"] = request.build_absolute_uri(rendition.url)
    context["structured_data"] = json_ld(page, request, context)
    if context["og_image_url"]:
        context["structured_data"]["image"] = context["og_image_url"]
    return context


def _kennisbank_url(page, request):
    """The URL of the item's kennisbank section, derived from its own URL (no query)."""
    url = page.get_url(request=request) or ""
    return url.rstrip("/").rsplit("/", 1)[0] + "/" if url else ""


def json_ld(page, request, context):
    """schema.org metadata of an item (CreativeWork and its subtypes)."""
    schema_type = {
        Kind.VIDEO: "VideoObject",
        Kind.REPORT: "Report",
        Kind.TOOL: "CreativeWork",
        Kind.POLITICAL_MONITOR: "Article",
    }.get(page.kind, "CreativeWork")
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "headline": page.title[:110],
        "description": page.summary,
        "inLanguage": page.language,
        "datePublished": page.publication_date.isoformat(),
        "url": page.get_full_url(request=request),
        "genre": page.get_kind_display(),
        "isAccessibleForFree": True,
    }
    if page.requires_membership:
        data["isAccessibleForFree"] = False
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    authors = [{"@type": "Organization", "name": org.name,
                **({"url": org.website} if org.website else {})}
               for org in context.get("organisations", [])]
    authors += [{"@type": "Organization", "name": name.strip()}
                for name in page.other_authors.split(",") if name.strip()]
    if authors:
        data["author"] = authors
    keywords = [tag.label for tag in context.get("themes", [])]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    about = [{"@type": "Thing", "name": str(goal)} for goal in context.get("sdgs", [])]
    if about:
        data["about"] = about
    return data


def search_fields_for(page):
    """The portal search's view of an item (portal.searchable, docs/search.md)."""
    body_parts = [strip_tags(text) for text in
                  page.body.stream_block.get_searchable_content(page.body)]
    for child in page.body:
        if child.block_type == "document" and child.value.get("document"):
            body_parts.append(child.value.get("title") or child.value["document"].title)
    # .all() everywhere, so a rebuild's prefetched relations are used (no query per item).
    for attachment in page.attachments.all():
        body_parts.append(attachment.link_text)
    for link in page.external_links:
        body_parts.append(link.value.get("title", ""))
    if page.track == BOTH_TRACKS:
        tracks = list(Track.values)
    elif page.track:
        tracks = [page.track]
    else:
        tracks = []
    return SearchableContent(
        kind="knowledge", summary=page.summary,
        body="\n".join(part for part in body_parts if part),
        learning_lines=facet_values(page.learning_lines.all(), "title"), tracks=tracks,
        themes=facet_values(page.themes.all()), sdgs=[sdg.number for sdg in page.sdgs.all()],
        organisations=facet_values(page.authoring_organisations.all())
        + tuple(FacetValue.named(name) for name in page.other_authors.split(",") if name.strip()),
        language=page.language, date=page.publication_date,
    )
