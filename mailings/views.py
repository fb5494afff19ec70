from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from mailings import selectors, services, tokens
from mailings.forms import SubscriptionForm


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def subscriptions(request):
    """/mijn/abonnementen/: the person's own choices (never anyone else's)."""
    subscription = selectors.subscription_for(request.user)
    follows = selectors.follows_of(subscription)
    lines = selectors.followable_learning_lines()
    themes = selectors.followable_themes()
    initial = SubscriptionForm.initial_for(subscription, follows)
    form = SubscriptionForm(request.POST or None, initial=initial, lines=lines, themes=themes)
    if request.method == "POST" and form.is_valid():
        services.save_subscription(request.user, **form.choices())
        messages.success(request, _("Your choices have been saved."))
        return redirect("mailings:subscriptions")
    status = 400 if request.method == "POST" else 200
    return render(request, "mailings/subscriptions.html", {
        "form": form,
        "is_member": bool(selectors.active_member_ids([request.user.pk])),
    }, status=status)


def _read(token):
    try:
        return tokens.read_unsubscribe_token(token)
    except tokens.InvalidToken:
        return None


SCOPE_LABELS = {
    tokens.Scope.MAILING: "member_mailing",
    tokens.Scope.MONITOR: "political_monitor",
    tokens.Scope.DIGEST: "digest",
    tokens.Scope.IMMEDIATELY: "immediately",
}


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The link in every e-mail: GET asks for confirmation, POST unsubscribes. No login
    needed: the signature is the proof. A forged or damaged link changes nothing."""
    found = _read(token)
    if found is None:
        return render(request, "mailings/unsubscribe_invalid.html", status=400)
    user, scope = found
    if request.method == "POST":
        everything = request.POST.get("everything") == "1"
        services.unsubscribe(user, scope, everything=everything)
        return render(request, "mailings/unsubscribe_done.html",
                      {"everything": everything, "scope": SCOPE_LABELS[scope]})
    return render(request, "mailings/unsubscribe_confirm.html",
                  {"scope": SCOPE_LABELS[scope], "email": user.email})


@csrf_exempt  # RFC 8058 one-click: mail clients POST without a session; the signature protects
@require_POST
def unsubscribe_one_click(request, token):
    found = _read(token)
    if found is None:
        return HttpResponse(_("This unsubscribe link is not valid."), status=400,
                            content_type="text/plain; charset=utf-8")
    user, scope = found
    services.unsubscribe(user, scope)
    return HttpResponse(_("You have been unsubscribed."),
                        content_type="text/plain; charset=utf-8")
