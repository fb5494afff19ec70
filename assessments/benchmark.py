"""The sector benchmark: per dimension the median and quartiles of the organisations'
latest completed round of the same version.

Rules that keep other organisations' results out of reach:
- shown only when at least MINIMUM organisations count in it, and per dimension only when
  at least MINIMUM of them have a score for it (no segment below five);
- the same figures for every viewer (each organisation counts, the viewer's own too), so
  comparing two organisations' views gives nothing; only median and quartiles, rounded
  to whole numbers, and the number of organisations as a band, never a mean, minimum or
  maximum;
- organisations that opted out are not counted, and do not see the benchmark.
"""

from dataclasses import dataclass
from statistics import median, quantiles

from assessments.models import DimensionResult, OrganisationScanSettings
from assessments.selectors import latest_completed_rounds

MINIMUM = 5


@dataclass
class Figures:
    q1: int
    median: int
    q3: int
    organisations: int


def opted_out(organisation_id):
    return OrganisationScanSettings.objects.filter(
        organisation_id=organisation_id, benchmark_opt_out=True).exists()


def counted_rounds(version):
    return latest_completed_rounds(version).filter(organisation__active=True).exclude(
        organisation__scan_settings__benchmark_opt_out=True)


def figures(scores):
    scores = sorted(score for score in scores if score is not None)
    if len(scores) < MINIMUM:
        return None
    q1, _middle, q3 = quantiles(scores, n=4, method="inclusive")
    return Figures(round(q1), round(median(scores)), round(q3), len(scores))


def organisations_band(count):
    """The number of organisations as a band (5-9, 10-19, 20-49, 50+), never exact."""
    for low, high in ((5, 9), (10, 19), (20, 49)):
        if low <= count <= high:
            return f"{low}–{high}"
    return "50+" if count >= 50 else ""


def sector_benchmark(version):
    """{"organisations": band, "total": Figures|None, "dimensions": {key: Figures|None}}
    or None below MINIMUM organisations (two queries)."""
    rounds = list(counted_rounds(version).values_list("pk", "total_score"))
    if len(rounds) < MINIMUM:
        return None
    per_dimension = {}
    for key, score in DimensionResult.objects.filter(
            round_id__in=[pk for pk, _total in rounds]).values_list("dimension_key", "score"):
        per_dimension.setdefault(key, []).append(score)
    return {
        "organisations": organisations_band(len(rounds)),
        "total": figures([total for _pk, total in rounds]),
        "dimensions": {key: figures(scores) for key, scores in per_dimension.items()},
    }


def benchmark_for(round_):
    """The benchmark a member of ``round_``'s organisation sees beside it, or None (too
    few organisations, or the organisation opted out)."""
    if opted_out(round_.organisation_id):
        return None
    return sector_benchmark(round_.version)


def sector_overview(scan):
    """For editors: per version and year, how many organisations closed a round and the
    distribution per dimension (the same rule: nothing below MINIMUM), plus the latest
    result of each organisation that agreed to share it. A fixed number of queries."""
    from assessments.models import Dimension, Round

    rounds = list(Round.objects.filter(scan=scan, completed_at__isnull=False)
                  .select_related("version", "organisation").order_by("completed_at"))
    latest = {}  # (version, year, organisation) -> the year's last round of that org
    for round_ in rounds:
        latest[(round_.version_id, round_.completed_at.year, round_.organisation_id)] = round_
    results = {}
    for result in DimensionResult.objects.filter(round__in=[r.pk for r in latest.values()]):
        results.setdefault(result.round_id, {})[result.dimension_key] = result.score
    dimensions = {}
    for dimension in Dimension.objects.filter(version__scan=scan).order_by("sort_order"):
        dimensions.setdefault(dimension.version_id, []).append(dimension)
    opted = set(OrganisationScanSettings.objects.filter(benchmark_opt_out=True)
                .values_list("organisation_id", flat=True))
    shared = set(OrganisationScanSettings.objects.filter(share_with_editors=True)
                 .values_list("organisation_id", flat=True))
    groups = {}
    for (_version, year, organisation_id), round_ in latest.items():
        if organisation_id in opted:
            continue
        groups.setdefault((round_.version, year), []).append(round_)
    table = []
    for (version, year), members in sorted(groups.items(),
                                           key=lambda item: (item[0][0].number, item[0][1])):
        table.append({
            "version": version, "year": year, "organisations": len(members),
            "total": figures([r.total_score for r in members]),
            "dimensions": [(dimension, figures([results.get(r.pk, {}).get(dimension.key)
                                                for r in members]))
                           for dimension in dimensions.get(version.pk, [])]})
    agreed = {}
    for round_ in rounds:
        if round_.organisation_id in shared:
            agreed[round_.organisation_id] = round_
    return {"rows": table, "shared": sorted(agreed.values(),
                                            key=lambda r: r.organisation.name)}
