"""The knowledge map: learning lines (or themes) by kind, each cell a link into the
kennisbank with those filters."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from knowledge.facets import ids_of, line_counts, theme_counts
from knowledge.filters import NO_LINE, KnowledgeFilters
from knowledge.models import Kind, KnowledgeItemThemeTag
from knowledge.selectors import LineThrough, line_options, visible_items
from portal.cache import audience_key, cached_for_content


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
    ids = ids_of(base)
    kinds = list(Kind.choices)
    index = map_page.get_parent()
    index_url = index.get_url(request=request) if index is not None else ""

    column_totals = dict(
        base.order_by().values_list("kind").annotate(count=Count("pk"))
    )
    rows = []
    if by == "line":
        lines = line_options(user)
        counts = _counts_by_kind(LineThrough, "learninglinepage__translation_key",
                                 "knowledgeitempage__kind", "knowledgeitempage_id", ids)
        row_totals = line_counts(base, KnowledgeFilters(), lines)
        for line in lines:
            rows.append(_map_row(line.title, "line", line.slug, kinds,
                                 lambda kind, key=line.translation_key: counts.get((key, kind), 0),
                                 row_totals.get(line.translation_key, 0)))
        loose = base.exclude(pk__in=LineThrough.objects.values("knowledgeitempage_id"))
        empty_label = _("No learning line")
    else:
        counts = _counts_by_kind(KnowledgeItemThemeTag, "tag_id", "content_object__kind",
                                 "content_object_id", ids)
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


def _counts_by_kind(table, row_key, kind, item, ids):
    """{(row key, kind): number of items} through a link table, for the items ``ids``."""
    rows = (table.objects.filter(**{f"{item}__in": ids}).order_by()
            .values_list(row_key, kind).annotate(count=Count(item, distinct=True)))
    return {(key, item_kind): count for key, item_kind, count in rows}


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

