"""Threads, replies, reports and hiding. Text is sanitised before it is stored, posting
is rate-limited per person, and hiding is kept with who and why in Wagtail's audit log."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from community.access import can_moderate, can_post
from community.models import Post, PostReport, Thread
from community.search_documents import refresh_posts, refresh_thread
from community.services import CommunityError
from community.text import MAX_LENGTH, has_text, sanitise

HIDE_ACTION = "community.hide_post"
UNHIDE_ACTION = "community.unhide_post"


def post_limit():
    """(posts, seconds): at most so many posts in so many seconds per person."""
    return getattr(settings, "COMMUNITY_POST_LIMIT", (6, 600))


def check_rate(user):
    posts, seconds = post_limit()
    since = timezone.now() - timedelta(seconds=seconds)
    if Post.objects.filter(author=user, created_at__gte=since).count() >= posts:
        raise CommunityError(_("You have posted a lot in a short time. Wait a few minutes "
                               "and try again; your text is still in the form."))


def _clean_body(raw):
    if len(raw or "") > MAX_LENGTH:
        raise CommunityError(_("The text is too long (at most %(count)s characters).")
                             % {"count": MAX_LENGTH})
    body = sanitise(raw)
    if not has_text(body):
        raise CommunityError(_("Write some text."))
    return body


def _lock_user(user):
    """One post at a time per person, so the rate limit counts every post."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()


@transaction.atomic
def start_thread(space, user, title, raw_body):
    if not can_post(user, space):
        raise CommunityError(_("Only members of this group can post here."))
    title = " ".join((title or "").split())
    if not title:
        raise CommunityError(_("Give the thread a title."))
    body = _clean_body(raw_body)
    _lock_user(user)
    check_rate(user)
    thread = Thread.objects.create(space=space, title=title[:200], author=user, post_count=1)
    post = Post.objects.create(thread=thread, author=user, body=body, is_opening=True)
    _after_post(post, user)
    return thread


@transaction.atomic
def reply(thread, user, raw_body):
    thread = Thread.objects.select_for_update().select_related("space").get(pk=thread.pk)
    if not can_post(user, thread.space):
        raise CommunityError(_("Only members of this group can post here."))
    if thread.is_hidden:
        raise CommunityError(_("This thread has been hidden by a coordinator; you can no "
                               "longer reply to it."))
    body = _clean_body(raw_body)
    _lock_user(user)
    check_rate(user)
    post = Post.objects.create(thread=thread, author=user, body=body)
    Thread.objects.filter(pk=thread.pk).update(post_count=F("post_count") + 1,
                                               last_post_at=post.created_at)
    _after_post(post, user)
    return post


def _after_post(post, user):
    from community.models import Follow
    from community.services.notifications import notify_later

    Follow.objects.get_or_create(user=user, thread=post.thread,
                                 defaults={"frequency": "immediately"})
    notify_later(post.pk)


@transaction.atomic
def report(post, user, reason):
    from community.access import can_view_space

    if not can_view_space(user, post.thread.space):
        raise CommunityError(_("You cannot report this post."))
    reason = " ".join((reason or "").split())
    if not reason:
        raise CommunityError(_("Say briefly what is wrong with this post."))
    _report, created = PostReport.objects.get_or_create(
        post=post, reporter=user, defaults={"reason": reason[:500]})
    if not created:
        raise CommunityError(_("You have already reported this post."))


@transaction.atomic
def hide(post, user, reason):
    """Hide a post (the opening post hides its thread). Kept, with who and why."""
    space = post.thread.space
    if not can_moderate(user, space):
        raise CommunityError(_("Only coordinators of this group and editors can hide posts."))
    reason = " ".join((reason or "").split())
    if not reason:
        raise CommunityError(_("Say why you hide this post."))
    if post.is_hidden:
        raise CommunityError(_("This post is already hidden."))
    now = timezone.now()
    Post.objects.filter(pk=post.pk).update(hidden_at=now, hidden_by=user,
                                           hidden_reason=reason[:500])
    if post.is_opening:
        Thread.objects.filter(pk=post.thread_id).update(hidden_at=now)
    PostReport.objects.filter(post=post).update(handled=True)
    if post.is_opening:
        refresh_thread(post.thread_id)
    else:
        refresh_posts([post.pk])
    post.refresh_from_db()
    log(post, HIDE_ACTION, user=user, data={"reason": reason[:500], "space": space.slug,
                                            "thread": post.thread_id})
    return post
