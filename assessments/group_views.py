"""Group rounds under /mijn/scans/groep/ (views, not pages: never in the page tree, search,
the sitemap, the API or feeds; /mijn/ is outside the anonymous page cache and every view
answers "private, no-store").

- Facilitators (members): open a round for their own organisation, see its link, code and
  count, close it, and see the combined picture from three participants on.
- Participants (no account): type the code or open the link, answer once; the pages
  are marked noindex. Wrong codes and links, and answers, are rate-limited per client."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from assessments import group, scoring
from assessments.charts import results_chart
from assessments.forms import GroupAnswersForm, GroupCodeForm, GroupStartForm
from assessments.models import Scan
from assessments.permissions import group_round_for_member
from assessments.selectors import group_outcome
from assessments.views import member_view
from memberhub.models import MemberOrganisation
from memberhub.selectors import active_memberships
from portal.actions import attempt


def _public(response):
    response["Cache-Control"] = "private, no-store, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _refusal(request, refused):
    return _public(render(request, "assessments/group_message.html",
                          {"message": refused.message, "refused": True},
                          status=refused.status))


# --- Facilitators -----------------------------------------------------------------------


@member_view
@require_http_methods(["GET", "POST"])
def start(request, slug):
    scan = get_object_or_404(Scan, slug=slug)
    if not group.allows_group_rounds(scan):
        raise Http404
    organisations = [m.organisation for m in active_memberships(request.user)]
    form = GroupStartForm(organisations, request.POST or None,
                          initial={"organisation": organisations[0].pk}
                          if len(organisations) == 1 else {})
    if request.method == "POST" and form.is_valid():
        organisation = MemberOrganisation.objects.filter(
            pk=form.cleaned_data["organisation"]).first()
        try:
            group_round = group.open_group_round(request.user, scan, organisation,
                                                 form.cleaned_data["hours"],
                                                 form.cleaned_data["title"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The group round is open. Give your participants "
                                        "the link or the code."))
            return redirect("assessments:group_round", group_round_id=group_round.pk)
    return render(request, "assessments/group_start.html",
                  {"scan": scan, "form": form, "organisations": organisations},
                  status=400 if form.errors else 200)


@member_view
def round_detail(request, group_round_id):
    group_round = group_round_for_member(request.user, group_round_id)
    count = group_round.participants.count()
    link = request.build_absolute_uri(group_round_link(group_round))
    return render(request, "assessments/group_round.html", {
        "group_round": group_round, "count": count, "link": link,
        "code_url": request.build_absolute_uri(reverse_code()),
        "minimum": group.MINIMUM_FOR_PICTURE, "may_close": group.may_close(request.user,
                                                                            group_round),
    })


def group_round_link(group_round):
    return reverse("assessments:group_answer", kwargs={"token": group_round.token})


def reverse_code():
    return reverse("assessments:group_code")


@member_view
@require_POST
def close(request, group_round_id):
    group_round = group_round_for_member(request.user, group_round_id)
    attempt(request, group.close_group_round, request.user, group_round,
            success=_("The group round is closed: no more answers are accepted."))
    return redirect("assessments:group_round", group_round_id=group_round.pk)


@member_view
def results(request, group_round_id):
    group_round = group_round_for_member(request.user, group_round_id)
    count = group_round.participants.count()
    context = {"group_round": group_round, "count": count,
               "minimum": group.MINIMUM_FOR_PICTURE}
    if count >= group.MINIMUM_FOR_PICTURE:
        outcome = group_outcome(group_round)
        context.update(outcome=outcome, chart=results_chart(outcome["dimensions"]))
    return render(request, "assessments/group_results.html", context)


# --- Participants (no account) ----------------------------------------------------------


@never_cache
@require_http_methods(["GET"])
def code(request):
    """Type the code: it opens the questions of that group round."""
    form = GroupCodeForm(request.GET if "code" in request.GET else None)
    status = 200
    if form.is_bound and form.is_valid():
        try:
            group_round = group.round_for_code(request, form.cleaned_data["code"])
        except group.Refused as refused:
            form.add_error("code", refused.message)
            status = refused.status
        else:
            return _public(redirect(group_round_link(group_round)))
    elif form.is_bound:
        status = 400
    return _public(render(request, "assessments/group_code.html", {"form": form},
                          status=status))


def _with_cookie(response, value):
    response.set_cookie(group.COOKIE_NAME, value, max_age=group.COOKIE_SECONDS,
                        httponly=True, samesite="Lax",
                        secure=getattr(settings, "SESSION_COOKIE_SECURE", False))
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, token):
    try:
        group_round = group.round_for_token(request, token)
    except group.Refused as refused:
        return _refusal(request, refused)
    if not group_round.is_open:
        return _refusal(request, group.Refused(_(
            "This group round has closed: answers are no longer accepted."), 410))
    value = group.participant_value(request)
    if group.has_answered(group_round, value):
        return _public(render(request, "assessments/group_message.html", {
            "message": group.already_answered_message(), "refused": True},
            status=409 if request.method == "POST" else 200))
    definition = scoring.version_definition(group_round.version)
    form = GroupAnswersForm(definition, request.POST or None)
    status = 200
    if request.method == "POST":
        try:
            group.check_answer_rate(request, group_round)
        except group.Refused as refused:
            return _refusal(request, refused)
        if form.is_valid():
            try:
                group.submit_group_answers(group_round, value, form.answers())
            except group.Refused as refused:
                if refused.status != 400 or value:
                    return _refusal(request, refused)
                form.add_error(None, refused.message)  # no cookie yet: it is set below
            else:
                return _public(render(request, "assessments/group_message.html", {
                    "message": _("Thank you: your answers have been received. The "
                                 "facilitator sees the combined picture of the group; "
                                 "nobody sees what you answered yourself.")}))
        status = 400
    response = render(request, "assessments/group_answer.html", {
        "group_round": group_round, "form": form}, status=status)
    return _public(_with_cookie(response, value or group.new_participant_value()))
