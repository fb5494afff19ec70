from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail import hooks
from wagtail.models import Page, WorkflowState

from memberhub import services
from memberhub.forms import (
    InvitationForm,
    InvitationSignupForm,
    OrganisationProfileForm,
    RoleForm,
)
from memberhub.models import Invitation, MemberOrganisation, Membership
from memberhub.permissions import administers, can_withdraw, is_org_admin
from memberhub.selectors import active_memberships, organisation_contributions
from portal.actions import attempt
from portal.permissions import has_editor_role


def mijn_panels(request):
    """Sections other apps add to /mijn/ through the ``register_mijn_panel`` hook.

    Each hook is ``panel(request) -> dict | None`` with keys ``template``, ``context`` and
    ``order``; ``None`` means the panel has nothing to show this user.
    """
    panels = []
    for panel in hooks.get_hooks("register_mijn_panel"):
        result = panel(request)
        if result:
            panels.append(result)
    return sorted(panels, key=lambda result: result.get("order", 100))


@login_required
def mijn(request):
    """The member's own home: their organisations, their contributions and what next."""
    memberships = list(active_memberships(request.user))
    contributions = organisation_contributions([m.organisation for m in memberships])
    roles = {membership.organisation_id: membership for membership in memberships}
    for block in contributions:
        block["membership"] = roles.get(block["organisation"].pk)
    return render(request, "memberhub/mijn.html", {
        "memberships": memberships,
        "administered": {m.organisation_id for m in memberships if administers(m)},
        "contributions": contributions,
        "panels": mijn_panels(request),
        "editor_role": has_editor_role(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, page_id):
    """GET asks first (what withdrawing does to this item); POST withdraws."""
    page = get_object_or_404(Page, pk=page_id).specific
    if request.method == "GET":
        if not can_withdraw(request.user, page):
            raise PermissionDenied
        return render(request, "memberhub/withdraw_confirm.html", {
            "item": page, "live": page.live,
            "in_moderation": WorkflowState.objects.active().for_instance(page).exists(),
        })
    services.withdraw_contribution(request.user, page)  # PermissionDenied → 403
    messages.success(request, _("“%(title)s” has been withdrawn. It is no longer online and "
                                "no longer waiting for moderation.") % {"title": page.title})
    return redirect("memberhub:mijn")


def _admin_organisation(request, slug):
    organisation = get_object_or_404(MemberOrganisation, slug=slug)
    if not is_org_admin(request.user, organisation):
        raise PermissionDenied
    return organisation


@login_required
def colleagues(request, slug):
    organisation = _admin_organisation(request, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_colleague(request.user, organisation, form.cleaned_data["email"],
                                      form.cleaned_data["role"])
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, _("An invitation has been sent to %(email)s. The link "
                                        "works once, for seven days.")
                             % {"email": form.cleaned_data["email"]})
            return redirect("memberhub:colleagues", slug=organisation.slug)
    memberships = (Membership.objects.filter(organisation=organisation)
                   .select_related("user").order_by("user__last_name", "user__email"))
    return render(request, "memberhub/colleagues.html", {
        "organisation": organisation,
        "memberships": [(membership, RoleForm(initial={"role": membership.role},
                                              prefix=f"m{membership.pk}"))
                        for membership in memberships],
        "invitations": Invitation.objects.pending().filter(organisation=organisation),
        "form": form,
    })


def _membership_action(request, slug, membership_id, action):
    organisation = _admin_organisation(request, slug)
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    attempt(request, action, organisation, membership)
    return redirect("memberhub:colleagues", slug=organisation.slug)


@login_required
@require_POST
def set_role(request, slug, membership_id):
    def action(organisation, membership):
        form = RoleForm(request.POST, prefix=f"m{membership.pk}")
        if not form.is_valid():
            raise ValidationError(_("Choose a role from the list."))
        services.set_membership_role(request.user, membership, form.cleaned_data["role"])
        messages.success(request, _("The role of %(name)s has been changed.")
                         % {"name": membership.user})

    return _membership_action(request, slug, membership_id, action)


@login_required
@require_http_methods(["GET", "POST"])
def remove_member(request, slug, membership_id):
    """GET asks first (who loses what); POST removes the colleague."""
    if request.method == "GET":
        organisation = _admin_organisation(request, slug)
        membership = get_object_or_404(Membership.objects.select_related("user"),
                                       pk=membership_id, organisation=organisation)
        return render(request, "memberhub/remove_member_confirm.html", {
            "organisation": organisation, "membership": membership,
            "is_self": membership.user_id == request.user.pk,
        })

    def action(organisation, membership):
        services.remove_membership(request.user, membership)
        messages.success(request, _("%(name)s is no longer a member of %(organisation)s.")
                         % {"name": membership.user, "organisation": organisation})

    return _membership_action(request, slug, membership_id, action)


@login_required
@require_POST
def revoke_invitation(request, slug, invitation_id):
    organisation = _admin_organisation(request, slug)
    invitation = get_object_or_404(Invitation, pk=invitation_id, organisation=organisation)
    services.revoke_invitation(request.user, invitation)
    messages.success(request, _("The invitation to %(email)s has been withdrawn.")
                     % {"email": invitation.email})
    return redirect("memberhub:colleagues", slug=organisation.slug)


@login_required
def edit_profile(request, slug):
    organisation = _admin_organisation(request, slug)
    page = getattr(organisation, "page", None)
    initial = {
        "website": organisation.website,
        "description": organisation.description,
        "themes": [theme.slug for theme in page.themes.all()] if page else [],
    }
    form = OrganisationProfileForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_organisation_profile(
            request.user, organisation, website=data["website"],
            description=data["description"], themes=data["themes"],
            logo_file=data.get("logo") or None, logo_alt=data.get("logo_alt", ""),
        )
        messages.success(request, _("The profile of %(organisation)s has been saved.")
                         % {"organisation": organisation})
        return redirect("memberhub:mijn")
    return render(request, "memberhub/edit_profile.html",
                  {"organisation": organisation, "form": form})


def invitation(request, token):
    """Accept an invitation: a new person sets a password, an existing one logs in first.

    Unknown, forged, used, withdrawn or expired links get 403 and change nothing."""
    invitation = services.find_invitation(token)
    if invitation is None:
        return render(request, "memberhub/invitation_invalid.html", status=403)
    from memberhub.models import User

    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        if not request.user.is_authenticated:
            login_url = reverse("login")
            return HttpResponseRedirect(f"{login_url}?next={request.path}")
        if request.user.pk != existing.pk:
            return render(request, "memberhub/invitation_invalid.html",
                          {"wrong_account": True}, status=403)
        if request.method == "POST":
            services.accept_invitation(invitation, request.user)
            messages.success(request, _("Welcome to %(organisation)s.")
                             % {"organisation": invitation.organisation})
            return redirect("memberhub:mijn")
        return render(request, "memberhub/invitation_accept.html", {"invitation": invitation})

    form = InvitationSignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = services.register_with_invitation(
            invitation, first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"], password=form.cleaned_data["password1"],
            preferred_language=request.LANGUAGE_CODE if request.LANGUAGE_CODE in ("nl", "en")
            else "nl",
        )
        login(request, user, backend="portal.editor_rights.EditorRightsBackend")
        messages.success(request, _("Welcome to %(organisation)s.")
                         % {"organisation": invitation.organisation})
        return redirect("memberhub:mijn")
    return render(request, "memberhub/invitation_signup.html",
                  {"invitation": invitation, "form": form})
