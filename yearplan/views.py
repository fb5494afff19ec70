"""The members' pages of the year plan: a general assembly (register, give the
organisation's proxy), the check-in at the door (phone-sized, no JavaScript) and the
campaigns with their joint actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from memberhub.selectors import active_memberships, is_member
from portal.measures import target_threshold
from portal.visibility import can_view
from yearplan import permissions, selectors, services
from yearplan.forms import OwnOrganisationForm, ProxyForm
from yearplan.models import (
    ActionSignup,
    AssemblyRegistration,
    CampaignAction,
    GeneralAssembly,
    Proxy,
)


def _assembly(pk, user):
    assembly = GeneralAssembly.objects.select_related("event").filter(pk=pk).first()
    if assembly is None or not can_view(user, assembly.event):
        raise Http404
    return assembly


def _refuse_non_members(user):
    if not is_member(user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def assembly(request, pk):
    _refuse_non_members(request.user)
    assembly = _assembly(pk, request.user)
    register_form = OwnOrganisationForm(request.user)
    proxy_form = ProxyForm(request.user)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "register":
                register_form = OwnOrganisationForm(request.user, request.POST)
                if register_form.is_valid():
                    services.register(request.user, assembly,
                                      register_form.cleaned_data["organisation"])
                    messages.success(request, _("You are registered for the assembly."))
                    return redirect("yearplan:assembly", pk=assembly.pk)
            elif action == "cancel":
                services.cancel_registration(request.user, assembly)
                messages.success(request, _("Your registration is cancelled."))
                return redirect("yearplan:assembly", pk=assembly.pk)
            elif action == "proxy":
                proxy_form = ProxyForm(request.user, request.POST)
                if proxy_form.is_valid():
                    services.give_proxy(request.user, assembly,
                                        proxy_form.cleaned_data["giver"],
                                        proxy_form.cleaned_data["holder"])
                    messages.success(request, _("Your organisation's proxy is recorded."))
                    return redirect("yearplan:assembly", pk=assembly.pk)
            else:
                messages.error(request, _("Choose what to do."))
        except services.YearPlanError as failure:
            messages.error(request, failure.message)
        status = 400
    own_ids = [m.organisation_id for m in active_memberships(request.user)]
    return render(request, "yearplan/assembly.html", {
        "assembly": assembly, "event": assembly.event,
        "registration": AssemblyRegistration.objects.filter(
            assembly=assembly, user=request.user).select_related("organisation").first(),
        "proxies": Proxy.objects.filter(assembly=assembly, giver_id__in=own_ids)
        .select_related("giver", "holder"),
        "register_form": register_form, "proxy_form": proxy_form,
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk):
    if not permissions.can_check_in(request.user):
        raise PermissionDenied
    assembly = _assembly(pk, request.user)
    query = request.GET.get("q", "") if request.method == "GET" else \
        request.POST.get("q", "")
    status = 200
    if request.method == "POST":
        try:
            registration = services.check_in(assembly, request.POST.get("registration"),
                                             present=request.POST.get("present") != "0")
        except services.YearPlanError as failure:
            messages.error(request, failure.message)
            status = 400
        else:
            name = registration.user.get_full_name() if registration.user else "–"
            messages.success(request, (_("%(name)s is checked in.") if
                                       registration.checked_in_at else
                                       _("%(name)s is no longer checked in."))
                             % {"name": name or registration.user.email})
            url = request.path + (f"?q={query}" if query else "")
            return redirect(url)
    year = assembly.event.local_start.year
    return render(request, "yearplan/check_in.html", {
        "assembly": assembly, "event": assembly.event, "query": query[:100],
        "registrations": selectors.attendance_list(assembly, query),
        "attendance": selectors.attendance(assembly),
        "target": target_threshold("yearplan.assembly_attendance", year),
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def campaigns(request):
    _refuse_non_members(request.user)
    own = {m.organisation_id: m.organisation for m in active_memberships(request.user)}
    status = 200
    if request.method == "POST":
        action = CampaignAction.objects.select_related("campaign").filter(
            pk=_int(request.POST.get("action"))).first()
        try:
            if action is None:
                raise services.YearPlanError(_("This action does not exist (any more)."))
            if request.POST.get("withdraw"):
                services.withdraw_signup(request.user, action, request.POST.get("organisation"))
                messages.success(request, _("Your organisation no longer takes part in "
                                            "“%(action)s”.") % {"action": action.title})
            else:
                services.sign_up(request.user, action, request.POST.get("organisation"))
                messages.success(request, _("Your organisation takes part in “%(action)s”.")
                                 % {"action": action.title})
            return redirect("yearplan:campaigns")
        except services.YearPlanError as failure:
            messages.error(request, failure.message)
            status = 400
    signed = set(ActionSignup.objects.filter(organisation_id__in=own)
                 .values_list("action_id", "organisation_id"))
    actions = (CampaignAction.objects.filter(campaign__active=True)
               .select_related("campaign").order_by("campaign__title", "date", "sort_order"))
    rows = {}
    for action in actions:
        action.choices = [(org, (action.pk, org.pk) in signed) for org in own.values()]
        rows.setdefault(action.campaign, []).append(action)
    return render(request, "yearplan/campaigns.html", {"campaigns": list(rows.items())},
                  status=status)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
