"""The people directory, a profile, and editing one's own profile."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community import selectors
from community.forms import ProfileForm
from community.models import Profile
from community.models.choices import LANGUAGES
from community.services.profiles import save_profile
from community.views import members_only
from portal.pagination import paginate, querystring_without

PER_PAGE = 30


def _chosen(options, raw, key="pk"):
    """The option whose id (or code) is ``raw``; None for anything else (tampered input)."""
    for option in options:
        value = option[0] if isinstance(option, tuple) else getattr(option, key)
        if str(value) == raw:
            return option
    return None


@members_only
def directory(request):
    options = selectors.filter_options(request.user)
    params = request.GET
    theme = _chosen(options["themes"], params.get("expertise", ""))
    line = _chosen(options["lines"], params.get("line", ""))
    organisation = _chosen(options["organisations"], params.get("organisation", ""))
    language = _chosen(LANGUAGES, params.get("language", ""))
    text = " ".join(params.get("q", "").split())[:100]
    profiles = selectors.directory(request.user, text=text, theme=theme, line=line,
                                   organisation=organisation,
                                   language=language[0] if language else None)
    page_obj = paginate(request, selectors.with_details(profiles), per_page=PER_PAGE)
    return render(request, "community/directory.html", {
        "page_obj": page_obj, "cards": selectors.cards(page_obj.object_list, request.user),
        "options": options, "q": text,
        "chosen": {"expertise": theme, "line": line, "organisation": organisation,
                   "language": language},
        "query": querystring_without(request, "page"),
        "own_profile": Profile.objects.filter(user=request.user).first(),
    })


@members_only
def profile(request, profile_id):
    card = selectors.profile_for(request.user, profile_id)
    if card is None:
        raise Http404
    return render(request, "community/profile.html", {
        "card": card,
        "coordinates": selectors.coordinated_spaces(card.user),
        "is_own": card.user.pk == request.user.pk,
    })


@members_only
def edit_profile(request):
    instance = Profile.objects.filter(user=request.user).first() or Profile(user=request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=instance,
                       user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = save_profile(request.user, form)
        messages.success(request, _("Your profile has been saved."))
        return redirect("community:profile", profile_id=saved.pk)
    return render(request, "community/edit_profile.html", {"form": form},
                  status=400 if request.method == "POST" else 200)
