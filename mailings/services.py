"""Actions on a person's mailing data: their subscription choices, unsubscribing,
their personal data (GDPR export and erasure) and addresses that bounce.

The rest of the mailings' work has its own module: :mod:`mailings.sending` (a mailing to
every recipient), :mod:`mailings.digests` (weekly digests and immediate notifications),
:mod:`mailings.rendering` (what an e-mail shows), :mod:`mailings.tokens` (unsubscribe
links) and :mod:`mailings.links` (absolute URLs in e-mails). Everything is queued
through portal.mail."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mailings.models import DeliveredItem, EmailAddressStatus, Follow, Frequency, Subscription
from mailings.tokens import Scope

# --- Subscriptions ----------------------------------------------------------------------


@transaction.atomic
def save_subscription(user, *, member_mailing, political_monitor, language, lines=None,
                      tracks=None, themes=None):
    """Store a person's choices: ``lines``/``tracks``/``themes`` map the followed object
    (page, track value, theme) to a frequency; "never" removes the follow."""
    from memberhub.profiles import set_preferred_language

    if political_monitor not in Frequency.values or language not in ("nl", "en"):
        raise ValidationError(_("Choose one of the options offered."))
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        user=user)
    subscription.member_mailing = bool(member_mailing)
    subscription.political_monitor = political_monitor
    subscription.save()
    # One language for every e-mail (and the portal): the person's, not the mailings'.
    set_preferred_language(user, language)
    follows = []
    for name, choices in (("learning_line", lines), ("track", tracks), ("theme", themes)):
        for subject, frequency in (choices or {}).items():
            if frequency == Frequency.NEVER:
                continue
            if frequency not in (Frequency.IMMEDIATELY, Frequency.WEEKLY):
                raise ValidationError(_("Choose one of the options offered."))
            follows.append(Follow(subscription=subscription, frequency=frequency,
                                  **{name: subject}))
    subscription.follows.all().delete()
    Follow.objects.bulk_create(follows)
    return subscription


@transaction.atomic
def unsubscribe(user, scope, everything=False):
    """Stop what the link was for (or everything). Idempotent; returns the subscription."""
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        user=user)
    if everything:
        subscription.member_mailing = False
        subscription.political_monitor = Frequency.NEVER
        subscription.follows.all().delete()
    elif scope == Scope.MAILING:
        subscription.member_mailing = False
    elif scope == Scope.MONITOR:
        subscription.political_monitor = Frequency.NEVER
    elif scope == Scope.DIGEST:
        subscription.follows.filter(frequency=Frequency.WEEKLY).delete()
        if subscription.political_monitor == Frequency.WEEKLY:
            subscription.political_monitor = Frequency.NEVER
    elif scope == Scope.IMMEDIATELY:
        subscription.follows.filter(frequency=Frequency.IMMEDIATELY).delete()
    subscription.save()
    return subscription


# --- Personal data (GDPR) ----------------------------------------------------------------


def erase_personal_data(user):
    """GDPR erasure: subscriptions, follows and the record of items sent."""
    Subscription.objects.filter(user=user).delete()
    DeliveredItem.objects.filter(user=user).delete()


def export_personal_data(user):
    subscription = Subscription.objects.filter(user=user).first()
    data = {"subscriptions": None}
    if subscription is not None:
        data["subscriptions"] = {
            "member_mailing": subscription.member_mailing,
            "political_monitor": subscription.political_monitor,
            "follows": [
                {"learning_line": follow.learning_line.title if follow.learning_line else None,
                 "track": follow.track or None,
                 "theme": follow.theme.name if follow.theme else None,
                 "frequency": follow.frequency}
                for follow in subscription.follows.select_related("learning_line", "theme")
            ],
            "changed_at": subscription.updated_at.isoformat(),
        }
    data["subscriptions_items_sent"] = [
        {"page_id": item.page_id, "channel": item.channel,
         "sent_at": item.created_at.isoformat()}
        for item in DeliveredItem.objects.filter(user=user).order_by("created_at")
    ]
    return data


# --- Bounced and invalid addresses --------------------------------------------------------


@transaction.atomic
def mark_invalid(email, reason=""):
    """Mark an address as bounced/invalid: nothing more is queued for it, and what is
    still waiting for it is skipped. Returns the number of e-mails skipped."""
    from django.core.validators import validate_email

    from portal.models import QueuedEmail

    email = (email or "").strip().lower()
    validate_email(email)
    EmailAddressStatus.objects.update_or_create(
        email=email, defaults={"invalid": True, "reason": reason[:255]})
    return QueuedEmail.objects.filter(
        to__iexact=email, status=QueuedEmail.Status.PENDING
    ).update(status=QueuedEmail.Status.SKIPPED, last_error=f"invalid address: {reason}"[:2000])
