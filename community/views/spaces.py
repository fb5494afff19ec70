"""Group spaces: the list, a space's home, joining, leaving, members and following."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from community import access, selectors
from community.forms import DocumentForm, FollowForm, InviteForm, ThreadForm
from community.models import Follow, MembershipRequest, SpaceRole
from community.services import CommunityError
from community.services import spaces as space_services
from community.services.notifications import set_follow
from community.views import members_only
from portal.pagination import paginate

THREADS_PER_PAGE = 25


def space_or_404(request, slug, inside=True):
    """The space, when this member may see it (inside: its threads and documents)."""
    space, sees_inside = selectors.visible_space(request.user, slug)
    if space is None or (inside and not sees_inside):
        raise Http404
    return space


@members_only
def space_list(request):
    spaces = list(selectors.spaces_for(request.user))
    mine = set(selectors.coordinated_spaces(request.user).values_list("pk", flat=True))
    member_of = set(request.user.space_memberships.values_list("space_id", flat=True))
    return render(request, "community/space_list.html", {
        "spaces": spaces, "member_of": member_of, "coordinates": mine})


@members_only
def space(request, slug):
    space = space_or_404(request, slug, inside=False)
    membership = access.membership_of(request.user, space)
    if not access.can_view_space(request.user, space):
        pending = MembershipRequest.objects.filter(space=space, user=request.user,
                                                   status="pending").first()
        return render(request, "community/space_outside.html", {
            "space": space, "pending": pending})
    page_obj = paginate(request, selectors.threads(space), per_page=THREADS_PER_PAGE)
    members = list(selectors.space_members(space))
    follow = Follow.objects.filter(user=request.user, space=space).first()
    moderator = access.can_moderate(request.user, space)
    return render(request, "community/space.html", {
        "space": space, "membership": membership, "page_obj": page_obj,
        "members": members,
        "profile_ids": selectors.listed_profile_ids(m.user_id for m in members),
        "documents": selectors.documents(space),
        "sessions": selectors.sessions(space, request.user),
        "thread_form": ThreadForm(), "document_form": DocumentForm(),
        "follow_form": FollowForm(initial={"frequency": follow.frequency if follow else ""}),
        "can_post": membership is not None,
        "moderator": moderator,
        "is_coordinator": membership is not None and membership.is_coordinator,
        "requests": selectors.pending_requests(space) if moderator else [],
        "reported": selectors.reported_posts(space) if moderator else [],
    })


@members_only
@require_POST
def join(request, slug):
    space = space_or_404(request, slug, inside=False)
    try:
        outcome = space_services.join(space, request.user)
    except CommunityError as error:
        messages.error(request, error.message)
    else:
        if outcome == "joined":
            messages.success(request, _("Welcome to %(space)s.") % {"space": space.title})
        else:
            messages.success(request, _("Your request has been sent to the coordinators."))
    return redirect("community:space", slug=space.slug)


@members_only
@require_http_methods(["GET", "POST"])
def leave(request, slug):
    space = space_or_404(request, slug, inside=False)
    membership = access.membership_of(request.user, space)
    if membership is None:
        messages.error(request, _("You are not a member of this group."))
        return redirect("community:space", slug=space.slug)
    if request.method == "POST":
        try:
            if membership.is_coordinator:
                space_services.set_role(space, request.user, SpaceRole.MEMBER)
            space_services.remove_member(space, request.user)
        except CommunityError as error:
            messages.error(request, error.message)
            return redirect("community:space", slug=space.slug)
        messages.success(request, _("You have left %(space)s.") % {"space": space.title})
        return redirect("community:spaces")
    return render(request, "community/leave_confirm.html", {"space": space,
                                                            "membership": membership})


@members_only
@require_POST
def follow(request, slug):
    space = space_or_404(request, slug)
    form = FollowForm(request.POST)
    if form.is_valid():
        set_follow(request.user, space=space, frequency=form.cleaned_data["frequency"] or None)
        messages.success(request, _("Your choice has been saved."))
    else:
        messages.error(request, _("Choose how you want to hear of new posts."))
    return redirect("community:space", slug=space.slug)


def _coordinated_space(request, slug):
    space = space_or_404(request, slug)
    if not access.can_moderate(request.user, space):
        raise Http404
    return space


@members_only
@require_http_methods(["GET", "POST"])
def members(request, slug):
    """Coordinators (and editors) manage members: invite, answer requests, remove,
    make coordinator."""
    space = _coordinated_space(request, slug)
    form = InviteForm(request.POST if request.POST.get("action") == "invite" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "invite":
                if form.is_valid():
                    invitee = get_user_model().objects.filter(
                        email__iexact=form.cleaned_data["email"]).first()
                    if invitee is None or not access.is_community_member(invitee):
                        form.add_error("email", _("No member of the association has this "
                                                  "e-mail address."))
                    else:
                        space_services.invite(space, invitee, request.user)
                        messages.success(request, _("%(name)s has been invited.")
                                         % {"name": invitee})
                        return redirect("community:members", slug=space.slug)
            elif action in ("accept", "decline"):
                request_ = get_object_or_404(MembershipRequest, pk=request.POST.get("request"),
                                             space=space)
                space_services.decide_request(request_, request.user, action == "accept")
                return redirect("community:members", slug=space.slug)
            elif action in ("remove", "coordinator", "member"):
                person = get_object_or_404(get_user_model(), pk=request.POST.get("user"),
                                           space_memberships__space=space)
                if action == "remove":
                    if access.is_coordinator(person, space):
                        space_services.set_role(space, person, SpaceRole.MEMBER)
                    space_services.remove_member(space, person)
                else:
                    space_services.set_role(space, person, action)
                return redirect("community:members", slug=space.slug)
            else:
                messages.error(request, _("Choose an action."))
        except CommunityError as error:
            messages.error(request, error.message)
        except ValueError:
            raise Http404 from None
    return render(request, "community/members.html", {
        "space": space, "members": selectors.space_members(space), "form": form,
        "requests": selectors.pending_requests(space),
        "invitations": MembershipRequest.objects.filter(
            space=space, status="pending", kind=MembershipRequest.Kind.INVITATION)
        .select_related("user"),
    }, status=400 if form.errors else 200)


@members_only
@require_POST
def accept_invitation(request, slug):
    space = space_or_404(request, slug, inside=False)
    invitation = MembershipRequest.objects.filter(
        space=space, user=request.user, status="pending",
        kind=MembershipRequest.Kind.INVITATION).first()
    if invitation is None:
        messages.error(request, _("There is no invitation for you to this group."))
    else:
        space_services.add_member(space, request.user)
        messages.success(request, _("Welcome to %(space)s.") % {"space": space.title})
    return redirect("community:space", slug=space.slug)
