"""The kennisbank's filters: the query string read and checked (a bad value is dropped
with a notice, never an error), and the filters as ORM conditions."""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from knowledge.models import (
    ContentLanguage,
    Kind,
    KnowledgeItemThemeTag,
    tracks_matching,
)
from knowledge.selectors import LineThrough, OrganisationThrough, SdgThrough
from learninglines.models.choices import Track
from memberhub.models import MemberOrganisation
from portal.models import ThemeTag

FILTER_NAMES = ("kind", "line", "track", "theme", "sdg", "organisation", "language", "year")
NO_LINE = "none"
SORTS = {
    "date": ("-publication_date", Lower("title")),
    "title": (Lower("title"), "-publication_date"),
}
DEFAULT_SORT = "date"
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_PARAM_LENGTH = 100

# --- The filters and their conditions ----------------------------------------------------


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


# Many-to-many filters: (filter name, link table, lookup of the value, the item's column).
LINKED_FILTERS = (
    ("theme", KnowledgeItemThemeTag, "tag__slug", "content_object_id"),
    ("sdg", SdgThrough, "sustainabledevelopmentgoal__number", "knowledgeitempage_id"),
    ("organisation", OrganisationThrough, "memberorganisation__slug", "knowledgeitempage_id"),
)


def _linked(table, lookup, value, column="knowledgeitempage_id"):
    """Items linked to ``value`` through ``table``: a subquery, so no rows multiply."""
    return Q(pk__in=table.objects.filter(**{lookup: value}).values(column))


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
            q &= _linked(LineThrough, "learninglinepage__translation_key", filters.line)
    for name, table, lookup, column in LINKED_FILTERS:
        value = getattr(filters, name)
        if value is not None and exclude != name:
            q &= _linked(table, lookup, value, column)
    return q


def apply_filters(queryset, filters, exclude=None):
    return queryset.filter(filter_q(filters, exclude=exclude))


def apply_sort(queryset, sort):
    return queryset.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


# --- Reading the query string -----------------------------------------------------------


def _clean_text(value):
    if value is None:
        return None
    value = str(value).strip()
    if not value or len(value) > MAX_PARAM_LENGTH:
        return ""
    return value


def _number_between(raw, low, high):
    """``raw`` as a whole number from ``low`` to ``high``, or None."""
    try:
        number = int(raw)
    except ValueError:
        return None
    return number if low <= number <= high else None


def parse_filters(params, lines):
    """Validate GET parameters. Returns (filters, notices); an unknown or malformed value
    is dropped with a notice instead of failing. ``lines`` are the learning lines on offer
    (``knowledge.selectors.line_options``); themes, SDGs and organisations are checked by
    the facets."""
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
        year = _number_between(raw, MIN_YEAR, MAX_YEAR)
        if year is None:
            notices.append(_("“%(value)s” is not a valid year; the year filter was ignored.")
                           % {"value": raw[:MAX_PARAM_LENGTH]})
        else:
            values["year"] = year

    raw = _clean_text(params.get("sdg"))
    if raw:
        number = _number_between(raw, 1, 17)
        if number is None:
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

