"""The self-scans panel on /mijn/ (hook ``register_mijn_panel``)."""

from assessments.models import Round
from memberhub.selectors import active_memberships


def mijn_panel(request):
    if not request.user.is_authenticated:
        return None
    organisations = active_memberships(request.user).values("organisation_id")
    if not organisations.exists():
        return None
    rounds = list(Round.objects.filter(organisation_id__in=organisations,
                                       completed_at__isnull=True)
                  .select_related("scan", "organisation").order_by("scan__title"))
    return {"template": "assessments/mijn_panel.html", "context": {"open_rounds": rounds},
            "order": 30}
