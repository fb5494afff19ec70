"""The learning-lines panel on /mijn/ (hook ``register_mijn_panel``)."""

from learninglines.selectors.registrations import mijn_panel_data


def mijn_panel(request):
    if not request.user.is_authenticated:
        return None
    return {"template": "learninglines/mijn_panel.html",
            "context": mijn_panel_data(request.user), "order": 20}
