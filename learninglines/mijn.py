"""The learning-lines panel on /mijn/ (hook ``register_mijn_panel``)."""

from learninglines import selectors


def mijn_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    registrations = selectors.upcoming_registrations(user)
    due = selectors.evaluations_due(user)
    organisation_registrations = selectors.organisation_registrations(user)
    return {
        "template": "learninglines/mijn_panel.html",
        "context": {
            "registrations": registrations,
            "evaluations_due": due,
            "organisation_registrations": organisation_registrations,
        },
        "order": 20,
    }
