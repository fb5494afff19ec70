"""Reads for the year plan: which targets a plan sets, where each stands, the general
assembly's attendance per member organisation and the organisations active in campaigns.

Where a target stands (:func:`target_status`):

- over the year (or the half year): the figure so far. A figure that only grows (a
  count, a share of organisations that took part at least once: ``Measure.is_cumulative``)
  is *on course* when it has reached the threshold pro-rated by the days gone by
  (threshold × days elapsed / days in the period); any other figure (an average, a share
  answered in time) is on course when it is at the threshold already.
- per month: every month gone by reached the threshold (the running month is shown
  but is not held against it until it is over).
- per event: every event held so far reached it (one event when the target names one).
"""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from memberhub.models import MemberOrganisation
from portal.measures import period_bounds, registered_measures, threshold_error
from yearplan.models import (
    ActionSignup,
    AssemblyRegistration,
    GeneralAssembly,
    Period,
    Proxy,
    Target,
    YearPlan,
)

MET, ON_COURSE, BEHIND, NO_DATA, UNKNOWN = "met", "on_course", "behind", "no_data", "unknown"


# --- targets -----------------------------------------------------------------------------


def target_errors(target):
    """{field: message} of what is wrong with a target (unsaved or saved)."""
    measure = registered_measures().get(target.measure_key)
    if measure is None:
        # A target keeps a measure whose app is not installed (any more or yet): the
        # dashboard says so; a new or changed target must name a known one.
        stored = target.pk and Target.objects.filter(
            pk=target.pk, measure_key=target.measure_key).exists()
        return {} if stored else {"measure_key": _("Choose a measure the portal knows.")}
    errors = {}
    message = threshold_error(measure.unit, target.threshold)
    if message:
        errors["threshold"] = message
    if target.period == Period.PER_EVENT and not measure.has_subjects:
        errors["period"] = _("This measure is not taken per event: choose another period.")
    if target.subject:
        if not measure.has_subjects:
            errors["subject"] = _("This measure is not taken of single events: leave the "
                                  "event empty.")
        elif target.period != Period.PER_EVENT:
            errors["period"] = _("A target about one event has the period “per event”.")
        else:
            year = getattr(getattr(target, "plan", None), "year", None)
            if year and target.subject not in {s.key for s in measure.subjects_in(
                    date(year, 1, 1), date(year, 12, 31))}:
                errors["subject"] = _("This event is not one of this measure's events in "
                                      "the plan's year.")
    return errors


def plan_for(year):
    return YearPlan.objects.filter(year=year).first()


def threshold_for(key, year):
    """The threshold of the first target of ``year``'s plan about measure ``key`` that
    names no single event (the source behind portal.measures.target_threshold)."""
    target = (Target.objects.filter(plan__year=year, measure_key=key, subject="")
              .order_by("sort_order", "pk").first())
    return None if target is None else target.threshold


def _today():
    return timezone.localdate()


def _month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def halves(year):
    return [(_("First half"), date(year, 1, 1), date(year, 6, 30)),
            (_("Second half"), date(year, 7, 1), date(year, 12, 31))]


def _meets(figure, threshold):
    return figure is not None and figure >= threshold


@dataclass
class TargetStatus:
    target: Target
    label: str
    unit: str = ""
    threshold: object = None
    figure: object = None          # the figure so far (see the module's docstring)
    expected: object = None        # the pro-rated threshold, where that applies
    status: str = NO_DATA
    note: str = ""
    months: list = field(default_factory=list)   # [{month, figure, met}]
    events: list = field(default_factory=list)   # [{subject, figure, met, held}]
    review: list = field(default_factory=list)   # [{label, figure, met, started}]

    @property
    def progress(self):
        """The figure as a share of the threshold, 0-100 (for the bar)."""
        if self.figure is None or not self.threshold:
            return 100 if self.figure is not None and self.threshold == 0 else 0
        return min(100, round(100 * float(self.figure) / float(self.threshold)))


def _pro_rated(status, measure, start, end, today, threshold):
    """Status over a period start..end with the figure so far."""
    if today > end:
        status.status = MET if _meets(status.figure, threshold) else BEHIND
        return
    if _meets(status.figure, threshold):
        status.status = MET
        return
    if measure.is_cumulative:
        elapsed = (today - start).days + 1
        status.expected = round(float(threshold) * elapsed / ((end - start).days + 1), 2)
        status.status = ON_COURSE if (status.figure or 0) >= status.expected else BEHIND
        status.note = _("pro-rated: %(days)s of %(total)s days") % {
            "days": elapsed, "total": (end - start).days + 1}
    else:
        status.status = NO_DATA if status.figure is None else BEHIND


def target_status(target, measures, year, today=None):
    today = today or _today()
    measure = measures.get(target.measure_key)
    status = TargetStatus(target=target, label=target.label or target.measure_key,
                          threshold=target.threshold)
    if measure is None:
        status.status = UNKNOWN
        status.note = _("No installed app measures this any more.")
        return status
    status.label = target.label or str(measure.label)
    if not target.label and target.period == Period.PER_MONTH:
        status.label = f"{measure.label} ({target.get_period_display().lower()})"
    status.unit = measure.unit
    threshold = target.threshold
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    if year_start > today:
        return status
    so_far = min(today, year_end)

    if target.period == Period.PER_EVENT:
        subjects = measure.subjects_in(year_start, year_end)
        if target.subject:
            subjects = [s for s in subjects if s.key == target.subject]
            if not target.label:
                status.label = f"{measure.label}: " + (
                    subjects[0].label if subjects else target.subject)
        for subject in subjects:
            held = subject.day <= today
            figure = measure.subject_figure(subject.key) if held else None
            status.events.append({"subject": subject, "figure": figure, "held": held,
                                  "met": _meets(figure, threshold)})
        done = [e for e in status.events if e["held"] and e["figure"] is not None]
        if done:
            status.figure = done[-1]["figure"]
            status.status = MET if all(e["met"] for e in done) else BEHIND
            if len(done) > 1:
                status.note = _("%(met)s of %(held)s events reached it") % {
                    "met": sum(e["met"] for e in done), "held": len(done)}
        for label, start, end in halves(year):
            in_half = [e for e in done if start <= e["subject"].day <= end]
            status.review.append({
                "label": label, "started": start <= today,
                "figure": (f"{sum(e['met'] for e in in_half)}/{len(in_half)}"
                           if in_half else None),
                "met": bool(in_half) and all(e["met"] for e in in_half)})
        return status

    for month in range(1, so_far.month + 1):
        month_start, month_end = date(year, month, 1), _month_end(year, month)
        figure = measure.figure(year_start if measure.is_cumulative and
                                target.period != Period.PER_MONTH else month_start,
                                min(month_end, so_far))
        status.months.append({"month": month, "figure": figure, "over": month_end < today,
                              "met": _meets(figure, threshold)})
    for label, start, end in halves(year):
        started = start <= today
        figure = measure.figure(start, min(end, so_far)) if started else None
        status.review.append({"label": label, "started": started, "figure": figure,
                              "met": _meets(figure, threshold)})

    if target.period == Period.PER_MONTH:
        over = [m for m in status.months if m["over"]]
        status.figure = sum(1 for m in over if m["met"])
        status.note = _("%(met)s of %(over)s months reached it") % {
            "met": status.figure, "over": len(over)}
        status.status = (NO_DATA if not over else
                         (MET if today > year_end else ON_COURSE)
                         if all(m["met"] for m in over) else BEHIND)
        return status
    if target.period == Period.HALF_YEAR:
        label, start, end = next(h for h in halves(year) if h[1] <= so_far <= h[2])
        status.figure = measure.figure(start, so_far)
        _pro_rated(status, measure, start, end, today, threshold)
        status.note = f"{label}. {status.note}".strip(". ")
        return status
    status.figure = measure.figure(year_start, so_far)
    _pro_rated(status, measure, year_start, year_end, today, threshold)
    return status


def dashboard(year, today=None):
    """(plan or None, [TargetStatus]) for the year."""
    plan = plan_for(year)
    if plan is None:
        return None, []
    measures = registered_measures()
    return plan, [target_status(target, measures, year, today)
                  for target in plan.targets.order_by("sort_order", "pk")]


# --- the general assembly --------------------------------------------------------------


def assemblies_between(start, end):
    """The assemblies whose event starts between the days start and end (inclusive)."""
    since, until = period_bounds(start, end)
    return (GeneralAssembly.objects.filter(event__start__gte=since, event__start__lt=until)
            .select_related("event").order_by("event__start", "pk"))


@dataclass(frozen=True)
class Attendance:
    present: frozenset       # organisation ids with at least one person checked in
    by_proxy: frozenset      # organisation ids absent themselves, represented by a proxy
    total: int               # active member organisations

    @property
    def counted(self):
        return len(self.present | self.by_proxy)

    @property
    def percentage(self):
        return round(100 * self.counted / self.total, 1) if self.total else None


def attendance(assembly):
    """Who is there, per active member organisation: present when one of its people is
    checked in; represented when it gave a proxy to an organisation that is present."""
    present = frozenset(
        AssemblyRegistration.objects.filter(
            assembly=assembly, checked_in_at__isnull=False, organisation__active=True)
        .values_list("organisation_id", flat=True))
    proxies = Proxy.objects.filter(assembly=assembly, giver__active=True,
                                   holder__active=True).values_list("giver_id", "holder_id")
    by_proxy = frozenset(giver for giver, holder in proxies
                         if holder in present and giver not in present)
    total = MemberOrganisation.objects.filter(active=True).count()
    return Attendance(present, by_proxy, total)


def attendance_list(assembly, query=""):
    """The registrations of an assembly, by organisation and name; ``query`` narrows it to
    people or organisations whose name contains it."""
    rows = (AssemblyRegistration.objects.filter(assembly=assembly)
            .select_related("user", "organisation")
            .order_by("organisation__name", "user__first_name", "user__last_name", "pk"))
    query = (query or "").strip()[:100]
    if query:
        condition = Q(organisation__name__icontains=query) | Q(user__email__icontains=query)
        for word in query.split():
            condition |= Q(user__first_name__icontains=word) | \
                Q(user__last_name__icontains=word)
        rows = rows.filter(condition)
    return rows


# --- campaigns -------------------------------------------------------------------------


def organisations_in_campaigns(start, end):
    """Active member organisations signed up for a joint action dated start..end."""
    return (ActionSignup.objects.filter(action__date__gte=start, action__date__lte=end,
                                        organisation__active=True)
            .values("organisation_id").distinct().count())
