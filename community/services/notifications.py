"""New posts reach the people who follow the space or the thread: on the notifications
page, and by e-mail at once or in the weekly digest (portal.mail outbox, in the person's
language from their mailings subscription). Each post reaches each person once
(Notification is unique per person and post), and only if they may see it when it is
sent: a removed member or a hidden post gets nothing."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator

from community.access import can_view_space
from community.models import Follow, Notification, Post
from community.models.choices import Frequency
from community.text import plain
from portal.mail import queue_templated_email, recipient_language

logger = logging.getLogger(__name__)
STRENGTH = {Frequency.SITE: 0, Frequency.WEEKLY: 1, Frequency.IMMEDIATELY: 2}


def notify_later(post_id):
    def enqueue():
        from community.tasks import notify_post_task

        try:
            notify_post_task.enqueue(post_id)
        except Exception:  # posting never fails because notifications cannot be queued
            logger.exception("Could not enqueue notifications for post %s", post_id)

    transaction.on_commit(enqueue)


def followers(post):
    """{user: frequency} of everyone following the post's space or thread (the strongest
    choice counts), except its author."""
    chosen = {}
    follows = (Follow.objects.filter(space_id=post.thread.space_id)
               | Follow.objects.filter(thread_id=post.thread_id)).select_related("user")
    for follow in follows:
        if follow.user_id == post.author_id or not follow.user.is_active:
            continue
        current = chosen.get(follow.user)
        if current is None or STRENGTH[follow.frequency] > STRENGTH[current]:
            chosen[follow.user] = follow.frequency
    return chosen


def _invalid(email):
    from mailings.selectors import invalid_addresses

    return invalid_addresses().filter(email=email.lower()).exists()


def _post_entry(post, language):
    from django.utils import translation

    from mailings.links import absolute

    with translation.override(language):
        url = absolute(post.thread.get_absolute_url()) + f"#post-{post.pk}"
    return {"space": post.thread.space.title, "thread": post.thread.title, "url": url,
            "author": author_name(post),
            "excerpt": Truncator(plain(post.body)).chars(300)}


def author_name(post):
    from django.utils.translation import gettext

    return str(post.author) if post.author_id else gettext("former member")


def _email_settings_url(language):
    from mailings.links import portal_url

    return portal_url("community:notifications", language)


def notify_post(post_id):
    """Notify the followers of one new post. Returns the number of e-mails queued."""
    post = Post.objects.select_related("thread__space", "author").filter(pk=post_id).first()
    if post is None or post.is_hidden or post.thread.is_hidden:
        return 0
    sent = 0
    for user, frequency in followers(post).items():
        if not can_view_space(user, post.thread.space):
            continue
        try:
            with transaction.atomic():
                notification = Notification.objects.create(user=user, post=post,
                                                           frequency=frequency)
        except IntegrityError:
            continue  # told before
        if frequency == Frequency.IMMEDIATELY and send_immediately(notification):
            sent += 1
    return sent


def send_immediately(notification):
    user, post = notification.user, notification.post
    if _invalid(user.email):
        return False
    language = recipient_language(user)
    with transaction.atomic():
        claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True) \
            .update(emailed_at=timezone.now())
        if not claimed:
            return False
        queue_templated_email(
            user.email, "community/emails/post",
            {"entry": _post_entry(post, language),
             "settings_url": _email_settings_url(language)},
            language=language, category="community-immediately",
            dedupe_key=f"community:post:{post.pk}:user:{user.pk}")
    return True


def send_weekly_digests(now=None):
    """One e-mail per person with the posts they chose to hear of weekly and have not
    had by e-mail, each checked again: still visible to them, not hidden."""
    now = now or timezone.now()
    pending = (Notification.objects.filter(frequency=Frequency.WEEKLY,
                                           emailed_at__isnull=True)
               .select_related("user", "post__thread__space", "post__author")
               .order_by("user_id", "post__created_at"))
    by_user = {}
    for notification in pending:
        by_user.setdefault(notification.user, []).append(notification)
    sent = 0
    for user, notifications in by_user.items():
        visible = [n for n in notifications
                   if not n.post.is_hidden and not n.post.thread.is_hidden
                   and n.read_at is None and can_view_space(user, n.post.thread.space)]
        with transaction.atomic():
            Notification.objects.filter(pk__in=[n.pk for n in notifications]) \
                .update(emailed_at=now)
            if not visible or not user.is_active or _invalid(user.email):
                continue
            language = recipient_language(user)
            queue_templated_email(
                user.email, "community/emails/digest",
                {"entries": [_post_entry(n.post, language) for n in visible],
                 "settings_url": _email_settings_url(language)},
                language=language, category="community-digest",
                dedupe_key=f"community:digest:user:{user.pk}:{now:%Y%m%d}")
            sent += 1
    return sent


def mark_read(user, notification_ids=None):
    queryset = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        queryset = queryset.filter(pk__in=notification_ids)
    return queryset.update(read_at=timezone.now())


def set_follow(user, *, space=None, thread=None, frequency=None):
    """Follow (with a frequency) or, with frequency None, stop following."""
    lookup = {"space": space} if space is not None else {"thread": thread}
    if frequency is None:
        Follow.objects.filter(user=user, **lookup).delete()
        return None
    follow, _created = Follow.objects.update_or_create(user=user, **lookup,
                                                       defaults={"frequency": frequency})
    return follow
