"""The services-desk panel on /mijn/ (hook ``register_mijn_panel``): the questions of
the member's organisations and their status."""

from servicedesk.permissions import organisations_asking_for
from servicedesk.selectors import questions_of


def mijn_panel(request):
    user = request.user
    if not user.is_authenticated or not organisations_asking_for(user):
        return None
    return {"template": "servicedesk/mijn_panel.html",
            "context": {"questions": list(questions_of(user)[:10])}, "order": 40}
