"""The kennisbank's facets: every filter's options with how many items choosing each
would give. A fixed number of queries, whatever the number of items."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from knowledge.filters import NO_LINE, apply_filters, filter_label, filter_q
from knowledge.models import ContentLanguage, Kind, tracks_matching
from knowledge.selectors import LineThrough
from learninglines.models.choices import Track
from memberhub.models import MemberOrganisation
from portal.models import SustainableDevelopmentGoal, ThemeTag


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


def ids_of(queryset):
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
    ids = ids_of(apply_filters(base, filters, exclude="line"))
    rows = (
        LineThrough.objects.filter(knowledgeitempage_id__in=ids)
        .order_by()
        .values("learninglinepage__translation_key")
        .annotate(count=Count("knowledgeitempage_id", distinct=True))
    )
    return {row["learninglinepage__translation_key"]: row["count"] for row in rows}


def _with_counts(model, base, filters, name, lookup="knowledge_items__in"):
    """``model``'s rows annotated with ``count``: how many items are linked to each
    (through ``knowledge_items``) with every filter but ``name`` applied."""
    ids = ids_of(apply_filters(base, filters, exclude=name))
    return model.objects.annotate(count=Count("knowledge_items", filter=Q(**{lookup: ids})))


def theme_counts(base, filters):
    """Every theme with its count (every filter but the theme applied). One query."""
    return list(_with_counts(ThemeTag, base, filters, "theme",
                             lookup="knowledge_items__content_object_id__in").order_by("name"))


def sdg_counts(base, filters):
    return list(_with_counts(SustainableDevelopmentGoal, base, filters, "sdg")
                .order_by("number"))


def organisation_counts(base, filters):
    """Organisations that made at least one matching item (or the selected one)."""
    queryset = _with_counts(MemberOrganisation, base, filters, "organisation")
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

