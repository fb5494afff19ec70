"""The subscriptions panel on /mijn/ (hook ``register_mijn_panel``)."""

from mailings import selectors


def mijn_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    subscription = selectors.subscription_for(user)
    follows = selectors.follows_of(subscription)
    return {
        "template": "mailings/mijn_panel.html",
        "context": {
            "subscription": subscription,
            "follow_count": len(follows),
            "immediately": sum(1 for f in follows if f.frequency == "immediately"),
            "weekly": sum(1 for f in follows if f.frequency == "weekly"),
        },
        "order": 60,
    }
