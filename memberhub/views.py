from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from memberhub.selectors import active_memberships


@login_required
def mijn(request):
    """The member's own home: their organisations and what they can do next."""
    return render(
        request,
        "memberhub/mijn.html",
        {"memberships": active_memberships(request.user)},
    )
