from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from wagtail import hooks

from memberhub.selectors import active_memberships


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
    """The member's own home: their organisations and what they can do next."""
    return render(
        request,
        "memberhub/mijn.html",
        {"memberships": active_memberships(request.user), "panels": mijn_panels(request)},
    )
