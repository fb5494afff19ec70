"""The members' self-scans under /mijn/scans/ (Django views, not pages: nothing of it is
a page, so it never reaches the page tree, search, the sitemap, the API or feeds; every
view asks assessments.permissions and answers "private, no-store")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from assessments import benchmark, scoring, services
from assessments.forms import DimensionAnswersForm, ScanSettingsForm, StartRoundForm
from assessments.models import OrganisationScanSettings, Scan
from assessments.permissions import may_manage_settings, round_for_member
from assessments.selectors import (
    attach_recommendations,
    earlier_rounds,
    group_rounds_of,
    round_answers,
    round_outcome,
    scans_overview,
)
from memberhub.models import MemberOrganisation
from memberhub.selectors import active_memberships
from portal.actions import attempt


def member_view(view):
    return login_required(never_cache(view))


@member_view
def index(request):
    memberships = list(active_memberships(request.user))
    organisations = [membership.organisation for membership in memberships]
    return render(request, "assessments/index.html", {
        "overview": scans_overview(request.user, organisations) if organisations else [],
        "organisations": organisations,
        "administered": [m.organisation for m in memberships if m.role == "admin"],
        "group_rounds": list(group_rounds_of(organisations)[:20]) if organisations else [],
    })


@member_view
@require_POST
def start(request, slug):
    scan = get_object_or_404(Scan, slug=slug, active=True)
    organisations = [m.organisation for m in active_memberships(request.user)]
    form = StartRoundForm(organisations, request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("organisation", [])) or
                       _("Choose one of your own organisations."))
        return redirect("assessments:index")
    organisation = MemberOrganisation.objects.filter(
        pk=form.cleaned_data["organisation"]).first()
    try:
        round_ = services.start_round(request.user, scan, organisation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("assessments:index")
    return redirect("assessments:round", round_id=round_.pk)


def _progress(definition, answers):
    return [{"number": index + 1, "item": item,
             "answered": sum(1 for question in item.questions if question.key in answers),
             "total": len(item.questions)} for index, item in enumerate(definition)]


@member_view
def round_detail(request, round_id):
    round_ = round_for_member(request.user, round_id)
    definition = scoring.version_definition(round_.version)
    response = services.own_response(request.user, round_)
    answers = round_answers(round_, respondent=request.user).get(
        response.pk if response else None, {})
    responses = list(round_.responses.values_list("submitted_at", flat=True))
    return render(request, "assessments/round.html", {
        "round": round_, "definition": definition, "response": response,
        "progress": _progress(definition, answers),
        "missing": len(services.missing_questions(definition, answers)),
        "started": len(responses), "submitted": sum(1 for s in responses if s),
    })


@member_view
@require_http_methods(["GET", "POST"])
def answer_page(request, round_id, number):
    round_ = round_for_member(request.user, round_id)
    definition = scoring.version_definition(round_.version)
    if not 1 <= number <= len(definition):
        raise Http404
    if not round_.is_open:
        messages.error(request, _("This round is closed: its answers can no longer change."))
        return redirect("assessments:round", round_id=round_.pk)
    item = definition[number - 1]
    response = services.own_response(request.user, round_)
    answers = round_answers(round_, respondent=request.user).get(
        response.pk if response else None, {})
    form = DimensionAnswersForm(item, answers, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_answers(request.user, round_, form.answers())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your answers have been saved."))
            step = request.POST.get("go")
            if step == "previous" and number > 1:
                return redirect("assessments:answer", round_id=round_.pk, number=number - 1)
            if step == "next" and number < len(definition):
                return redirect("assessments:answer", round_id=round_.pk, number=number + 1)
            return redirect("assessments:round", round_id=round_.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "assessments/answer_page.html", {
        "round": round_, "item": item, "form": form, "number": number,
        "count": len(definition), "has_next": number < len(definition),
    }, status=status)


@member_view
@require_POST
def submit(request, round_id):
    round_ = round_for_member(request.user, round_id)
    attempt(request, services.submit_response, request.user, round_,
            success=_("Thank you: your answers are complete. You can still change them "
                      "until the round is closed."))
    return redirect("assessments:round", round_id=round_.pk)


@member_view
@require_POST
def complete(request, round_id):
    round_ = round_for_member(request.user, round_id)
    if not attempt(request, services.complete_round, request.user, round_,
                   success=_("The round is closed and its result has been kept.")):
        return redirect("assessments:round", round_id=round_.pk)
    return redirect("assessments:results", round_id=round_.pk)


@member_view
def results(request, round_id):
    round_ = round_for_member(request.user, round_id)
    outcome = round_outcome(round_)
    earlier = earlier_rounds(round_, outcome["dimensions"])
    attach_recommendations(request.user, outcome["dimensions"])
    sector = None if round_.is_open else benchmark.benchmark_for(round_)
    if sector:
        for dimension in outcome["dimensions"]:
            dimension.benchmark = sector["dimensions"].get(dimension.definition.key)
    from assessments.charts import results_chart

    return render(request, "assessments/results.html", {
        "round": round_, "outcome": outcome, "earlier": earlier, "sector": sector,
        "chart": results_chart(outcome["dimensions"]),
        "opted_out": benchmark.opted_out(round_.organisation_id),
    })


@member_view
@require_http_methods(["GET", "POST"])
def organisation_settings(request, slug):
    organisation = get_object_or_404(MemberOrganisation, slug=slug, active=True)
    if not may_manage_settings(request.user, organisation):
        raise Http404
    current = OrganisationScanSettings.objects.filter(organisation=organisation).first()
    form = ScanSettingsForm(request.POST or None, initial={
        "benchmark_opt_out": bool(current and current.benchmark_opt_out),
        "share_with_editors": bool(current and current.share_with_editors)})
    if request.method == "POST" and form.is_valid():
        services.update_settings(request.user, organisation, **form.cleaned_data)
        messages.success(request, _("The settings of %(organisation)s have been saved.")
                         % {"organisation": organisation})
        return redirect("assessments:index")
    return render(request, "assessments/settings.html", {"organisation": organisation,
                                                         "form": form})
