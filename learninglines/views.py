"""Front-end actions: register, cancel, .ics download, join/leave a working group, and
the evaluation form behind a personal signed link. Each POST action redirects back to the
page with a translated message; nothing here trusts the browser for who acts."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from learninglines import permissions, services
from learninglines.forms import EvaluationForm, OrganisationChoiceForm
from learninglines.models import Registration
from learninglines.selectors.sessions import canonical_session
from learninglines.selectors.sessions import session_ics as session_calendar
from memberhub.models import MemberOrganisation
from memberhub.selectors import active_memberships
from portal.redirects import local_next


def _chosen_organisation(request):
    """The organisation the member chose; their only active one when they did not choose.
    Returns (organisation or None, error message or None)."""
    form = OrganisationChoiceForm(request.POST)
    if not form.is_valid():
        return None, _("Choose the organisation you take part for.")
    organisation_id = form.cleaned_data["organisation"]
    if organisation_id is None:
        memberships = list(active_memberships(request.user)[:2])
        if len(memberships) == 1:
            return memberships[0].organisation, None
        if not memberships:
            return None, _("Only members of an active member organisation can take part.")
        return None, _("Choose the organisation you take part for.")
    organisation = MemberOrganisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return None, _("Choose the organisation you take part for.")
    return organisation, None


def _post_only(request, page):
    if request.method != "POST":
        return redirect(page.url)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    return None


def session_register(request, session):
    early = _post_only(request, session)
    if early:
        return early
    other = request.POST.get("user")
    if other and other != str(request.user.pk):
        messages.error(request, _("You can only register yourself, not someone else."))
        return redirect(session.url)
    organisation, error = _chosen_organisation(request)
    if error:
        messages.error(request, error)
        return redirect(session.url)
    try:
        registration = services.register(session=session, user=request.user,
                                          organisation=organisation, actor=request.user)
    except services.LearningLineError as failure:
        messages.error(request, failure.message)
        return redirect(session.url)
    if registration.status == Registration.Status.WAITLISTED:
        messages.warning(request, _("The session is full: you are on the waiting list. We "
                                    "e-mail you as soon as a place frees up."))
    else:
        messages.success(request, _("You are registered. A confirmation with a calendar file "
                                    "is on its way to your e-mail."))
    return redirect(session.url)


def session_cancel(request, session):
    early = _post_only(request, session)
    if early:
        return early
    original = canonical_session(session)
    registration = Registration.objects.filter(session=original, user=request.user).first()
    if registration is None:
        messages.error(request, _("You have no registration for this session to cancel."))
        return redirect(local_next(request, session.url))
    try:
        services.cancel(registration=registration, actor=request.user)
    except services.LearningLineError as failure:
        messages.error(request, failure.message)
        return redirect(local_next(request, session.url))
    messages.success(request, _("Your registration has been cancelled."))
    return redirect(local_next(request, session.url))


def session_ics(request, session):
    """The session as an .ics file (public: without the online link)."""
    response = HttpResponse(session_calendar(session),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{session.slug}.ics"'
    return response


def working_group_join(request, group):
    early = _post_only(request, group)
    if early:
        return early
    organisation, error = _chosen_organisation(request)
    if error:
        messages.error(request, error)
        return redirect(group.url)
    try:
        _membership, created = services.join_working_group(
            group=group, user=request.user, organisation=organisation,
            show_name=request.POST.get("show_name") == "on", actor=request.user)
    except services.LearningLineError as failure:
        messages.error(request, failure.message)
        return redirect(group.url)
    messages.success(request, _("You have joined this working group.") if created
                     else _("Your participation has been updated."))
    return redirect(group.url)


def working_group_leave(request, group):
    early = _post_only(request, group)
    if early:
        return early
    try:
        services.leave_working_group(group=group, user=request.user, actor=request.user)
    except services.LearningLineError as failure:
        messages.error(request, failure.message)
        return redirect(group.url)
    messages.success(request, _("You have left this working group."))
    return redirect(group.url)


@never_cache
def evaluate(request, token):
    """The short evaluation form behind a personal signed link (no login needed)."""
    try:
        registration = services.registration_for_token(token)
    except services.LearningLineError as failure:
        return render(request, "learninglines/evaluation_unavailable.html",
                      {"message": failure.message}, status=400)
    refusal = permissions.evaluation_refusal(registration)
    if refusal:
        return render(request, "learninglines/evaluation_unavailable.html",
                      {"message": refusal}, status=409 if request.method == "POST" else 200)
    session = registration.session
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_evaluation(registration=registration,
                                       score=form.cleaned_data["score"],
                                       comment=form.cleaned_data["comment"])
        except services.LearningLineError as failure:
            form.add_error(None, failure.message)
        else:
            return render(request, "learninglines/evaluation_thanks.html", {"session": session})
    return render(request, "learninglines/evaluation_form.html",
                  {"form": form, "session": session, "registration": registration},
                  status=400 if form.errors else 200)
