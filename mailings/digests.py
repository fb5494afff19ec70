"""The weekly personal digests and the immediate notifications of new items: each
item reaches each person once, in their language, and only if they may see it."""

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from mailings import selectors
from mailings.links import email_chrome
from mailings.models import Channel, DeliveredItem, Frequency
from mailings.rendering import item_entry
from mailings.sending import BATCH_SIZE
from mailings.tokens import Scope, unsubscribe_headers, unsubscribe_urls
from portal.mail import queue_email, recipient_language, render_email, render_subject


def _entries(pages, language, paths):
    return [item_entry(page, language, restricted_paths=paths) for page in pages]


def _queue_items_email(user, language, template, pages, channel, scope, dedupe_key,
                       context, paths):
    """Record the items as delivered and queue the e-mail, together or not at all.
    Returns False when another run delivered one of them first."""
    link, one_click = unsubscribe_urls(user, scope, language)
    context = {
        **email_chrome(language),
        **context,
        "items": _entries(pages, language, paths),
        "unsubscribe_url": link,
    }
    with translation.override(language):
        # The subject also titles the HTML part (escaped there like any other text).
        context["subject"] = render_subject(f"{template}_subject.txt", context)
    subject, text, html = render_email(template, context, language)
    try:
        with transaction.atomic():
            DeliveredItem.objects.bulk_create([
                DeliveredItem(user=user, translation_key=page.translation_key, page=page,
                              channel=channel) for page in pages])
            queue_email(user.email, subject, text, html,
                        headers=unsubscribe_headers(one_click),
                        category=f"mailings-{channel}", dedupe_key=dedupe_key)
    except IntegrityError:
        return False
    return True


def digest_pages(subscription, follows, infos, audience, delivered):
    """The pages of a person's digest: new items matching their weekly choices that
    they may receive and have not had before, in their language."""
    pages = []
    for info in infos:
        if (subscription.user_id, info.translation_key) in delivered:
            continue
        if not selectors.matches(subscription, follows, info, Frequency.WEEKLY):
            continue
        page = audience.page_for(info, recipient_language(subscription.user))
        if page is not None:
            pages.append(page)
    return pages


def send_digests(now=None, batch_size=BATCH_SIZE):
    """Queue this week's personal digests. Returns the number of digests queued; people
    with nothing new get none."""
    now = now or timezone.now()
    infos = selectors.new_items(now - selectors.NEW_ITEM_WINDOW, now)
    if not infos:
        return 0
    paths = selectors.restricted_paths()
    keys = [info.translation_key for info in infos]
    subscriptions = selectors.digest_subscriptions()
    last_id, sent = 0, 0
    while True:
        batch = list(subscriptions.filter(pk__gt=last_id)[:batch_size])
        if not batch:
            break
        last_id = batch[-1].pk
        user_ids = [subscription.user_id for subscription in batch]
        members = selectors.active_member_ids(user_ids)
        delivered = selectors.delivered_keys(user_ids, keys)
        follows = selectors.follows_by_subscription([s.pk for s in batch])
        for subscription in batch:
            user = subscription.user
            audience = selectors.Audience(user, user.pk in members, paths)
            pages = digest_pages(subscription, follows.get(subscription.pk, []), infos,
                                 audience, delivered)
            if not pages:
                continue
            digest_id = hashlib.sha256(
                ",".join(sorted(str(page.translation_key) for page in pages)).encode()
            ).hexdigest()[:16]
            if _queue_items_email(
                    user, recipient_language(user), "mailings/emails/digest", pages,
                    Channel.DIGEST, Scope.DIGEST,
                    f"digest:user:{user.pk}:{now:%Y%m%d}:{digest_id}",
                    {"week": now.isocalendar().week}, paths):
                sent += 1
    return sent


def notify_published(page_id):
    """Tell everyone who wants this item at once (follows or the political monitor).
    Returns the number of e-mails queued."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        return 0
    page = page.specific
    if page.first_published_at is None or \
            page.first_published_at < timezone.now() - selectors.NEW_ITEM_WINDOW:
        return 0  # an old item republished is not news
    info = selectors.item_for_page(page)
    if info is None:
        return 0
    paths = selectors.restricted_paths()
    subscriptions = list(selectors.immediate_subscriptions(info))
    if not subscriptions:
        return 0
    members = selectors.active_member_ids([s.user_id for s in subscriptions])
    follows = selectors.follows_by_subscription([s.pk for s in subscriptions])
    sent = 0
    for subscription in subscriptions:
        if not selectors.matches(subscription, follows.get(subscription.pk, []), info,
                                 Frequency.IMMEDIATELY):
            continue
        user = subscription.user
        audience = selectors.Audience(user, user.pk in members, paths)
        language = recipient_language(user)
        chosen = audience.page_for(info, language)
        if chosen is None:
            continue
        scope = Scope.MONITOR if info.is_monitor else Scope.IMMEDIATELY
        if _queue_items_email(
                user, language, "mailings/emails/notification", [chosen],
                Channel.IMMEDIATELY, scope,
                f"notify:{info.translation_key}:user:{user.pk}",
                {"is_monitor": info.is_monitor}, paths):
            sent += 1
    return sent
