"""Followers hear of new posts once: on the notifications page and by e-mail at once or
weekly, each checked against who may see it when it is sent."""

import pytest
from django.urls import reverse

from community.models import Follow, Notification
from community.services.discussions import hide, reply
from community.services.notifications import send_weekly_digests, set_follow
from community.services.spaces import remove_member
from portal.models import QueuedEmail

pytestmark = pytest.mark.django_db


def test_the_thread_author_is_notified_of_a_reply_once(
        login, group_member, coordinator, space, thread, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reply(thread, coordinator, "Goed plan!")
    assert Notification.objects.filter(user=group_member).count() == 1
    emails = QueuedEmail.objects.filter(to=group_member.email)
    assert emails.count() == 1 and "Goed plan!" in emails.get().body_text
    client = login(group_member)
    page = client.get(reverse("community:notifications")).content.decode()
    assert "1 ongelezen melding" in page  # the Dutch site (reverse in Dutch)
    # read now: the count is gone on the next visit
    again = client.get(reverse("community:notifications")).content.decode()
    assert "0 ongelezen" in again
    english = client.get("/en" + reverse("community:notifications")).content.decode()
    assert "0 unread" in english and "ongelezen" not in english


def test_nobody_hears_of_a_post_they_may_not_see(group_member, coordinator, other_member,
                                                 space, thread,
                                                 django_capture_on_commit_callbacks):
    Follow.objects.create(user=other_member, space=space, frequency="immediately")
    set_follow(group_member, space=space, frequency="immediately")
    remove_member(space, group_member)
    with django_capture_on_commit_callbacks(execute=True):
        reply(thread, coordinator, "Alleen voor de groep")
    assert not Notification.objects.filter(user__in=[other_member, group_member]).exists()
    assert not QueuedEmail.objects.filter(to__in=[other_member.email,
                                                 group_member.email]).exists()


def test_weekly_digest_checks_visibility_at_send_time(group_member, coordinator, member,
                                                      space, thread,
                                                      django_capture_on_commit_callbacks):
    from community.services.spaces import add_member

    add_member(space, member)
    set_follow(member, space=space, frequency="weekly")
    Follow.objects.filter(user=group_member).update(frequency="weekly")
    with django_capture_on_commit_callbacks(execute=True):
        first = reply(thread, coordinator, "Eerste antwoord")
        reply(thread, coordinator, "Tweede antwoord")
    assert not QueuedEmail.objects.exists()  # weekly: nothing yet
    hide(first, coordinator, "Dubbel")
    remove_member(space, member)
    assert send_weekly_digests() == 1
    digest = QueuedEmail.objects.get()
    assert digest.to == group_member.email
    assert "Tweede antwoord" in digest.body_text and "Eerste antwoord" not in digest.body_text
    assert send_weekly_digests() == 0  # each post once per person


def test_each_follower_reads_the_emails_in_their_own_language(
        group_member, coordinator, member, space, thread, django_capture_on_commit_callbacks):
    """The e-mail at once and the weekly digest, each in the language its reader chose
    (one English, one Dutch reader of the same post), with links into that language."""
    from community.services.spaces import add_member

    group_member.preferred_language = "en"
    group_member.save(update_fields=["preferred_language"])
    add_member(space, member)
    set_follow(member, space=space, frequency="immediately")
    with django_capture_on_commit_callbacks(execute=True):
        reply(thread, coordinator, "Goed plan!")
    english = QueuedEmail.objects.get(to=group_member.email)
    dutch = QueuedEmail.objects.get(to=member.email)
    assert english.subject.startswith("New post in “Geheime AI-strategie”")
    assert dutch.subject.startswith("Nieuw bericht in “Geheime AI-strategie”")
    assert "Read and reply" in english.body_text and "/en/netwerk/" in english.body_text
    assert 'lang="en"' in english.body_html and "Lezen en reageren" not in english.body_text
    assert 'lang="nl"' in dutch.body_html and "/en/" not in dutch.body_text

    QueuedEmail.objects.all().delete()
    Follow.objects.filter(user__in=[group_member, member]).update(frequency="weekly")
    with django_capture_on_commit_callbacks(execute=True):
        reply(thread, coordinator, "Nog een idee")
    assert send_weekly_digests() == 2
    english = QueuedEmail.objects.get(to=group_member.email)
    dutch = QueuedEmail.objects.get(to=member.email)
    assert english.subject == "New in your groups this week"
    assert dutch.subject != english.subject and "week" in dutch.subject
    assert 'lang="en"' in english.body_html and 'lang="nl"' in dutch.body_html
    assert "/en/netwerk/" in english.body_text and "/en/" not in dutch.body_text
