"""Discussions stay civil and safe: sanitised text, rate limit, reports, hiding (with the
audit log), and the bad input of the issue."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from community.models import Post, SharedDocument, Thread
from community.services.discussions import HIDE_ACTION
from tests.community.conftest import pdf

pytestmark = pytest.mark.django_db


def new_thread(client, space, title="Vraag", body="Tekst"):
    return client.post(reverse("community:new_thread", args=[space.slug]),
                       {"title": title, "body": body})


def test_a_member_starts_a_thread_and_another_replies(login, group_member, coordinator, space):
    response = new_thread(login(group_member), space, "Wie gebruikt ChatGPT?", "Graag ervaringen.")
    thread = Thread.objects.get(title="Wie gebruikt ChatGPT?")
    assert response.status_code == 302
    reply = login(coordinator).post(reverse("community:thread", args=[space.slug, thread.pk]),
                                    {"body": "Wij, voor vertalingen."})
    assert reply.status_code == 302
    page = login(group_member).get(reverse("community:thread", args=[space.slug, thread.pk]))
    assert "Wij, voor vertalingen." in page.content.decode()
    thread.refresh_from_db()
    assert thread.post_count == 2


def test_script_is_removed_and_links_get_nofollow(login, group_member, space):
    new_thread(login(group_member), space, "Links",
               '<p onclick="x()">Zie <a href="https://example.org">dit</a>'
               '<script>alert(1)</script><a href="javascript:alert(2)">klik</a></p>')
    body = Post.objects.get(thread__title="Links").body
    assert "<script" not in body and "onclick" not in body and "javascript:" not in body
    assert 'rel="nofollow noopener"' in body and 'href="https://example.org"' in body


def test_posting_in_a_group_one_does_not_belong_to_is_refused(login, member, space):
    response = new_thread(login(member), space)  # a member of the association, not of the group
    assert response.status_code == 404
    assert not Thread.objects.exists()


def test_a_flood_of_posts_is_stopped(settings, login, group_member, space, thread):
    settings.COMMUNITY_POST_LIMIT = (3, 600)
    client = login(group_member)
    url = reverse("community:thread", args=[space.slug, thread.pk])
    statuses = [client.post(url, {"body": f"bericht {n}"}).status_code for n in range(4)]
    assert statuses == [302, 302, 400, 400]  # 1 opening post + 2 replies = 3
    assert thread.posts.count() == 3
    assert "Wait a few minutes" in client.post(url, {"body": "nog een"}).content.decode() or \
        "Wacht een paar minuten" in client.post(url, {"body": "nog een"}).content.decode()


def test_report_and_hide_are_kept_in_the_audit_log(login, group_member, coordinator,
                                                   other_member, space, thread):
    post = thread.posts.get()
    client = login(group_member)
    client.post(reverse("community:report", args=[space.slug, post.pk]), {"reason": "Spam"})
    assert post.reports.count() == 1
    # an ordinary member cannot hide
    assert client.post(reverse("community:hide", args=[space.slug, post.pk]),
                       {"reason": "weg"}).status_code == 404
    response = login(coordinator).post(reverse("community:hide", args=[space.slug, post.pk]),
                                       {"reason": "Reclame"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_by == coordinator and post.hidden_reason == "Reclame"
    entry = ModelLogEntry.objects.get(action=HIDE_ACTION)
    assert entry.user_id == coordinator.pk and entry.data["reason"] == "Reclame"
    assert entry.object_id == str(post.pk)
    # the hidden opening post hides the thread: gone from the list, no replies
    page = client.get(reverse("community:space", args=[space.slug])).content.decode()
    assert thread.title not in page
    url = reverse("community:thread", args=[space.slug, thread.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "toch"}).status_code == 404
    assert login(coordinator).post(url, {"body": "toch"}).status_code == 400
    assert thread.posts.count() == 1


def test_editor_hides_a_reply(login, editor, group_member, space, thread):
    from community.services.discussions import reply

    answer = reply(thread, group_member, "Onaardig antwoord")
    response = login(editor).post(reverse("community:hide", args=[space.slug, answer.pk]),
                                  {"reason": "Toon"})
    assert response.status_code == 302
    page = login(group_member).get(reverse("community:thread", args=[space.slug, thread.pk]))
    assert "Onaardig antwoord" not in page.content.decode()


def test_tampered_ids_give_404(login, group_member, space, other_space, thread):
    client = login(group_member)
    post = thread.posts.get()
    assert client.get(reverse("community:thread", args=[other_space.slug, thread.pk])) \
        .status_code == 404
    assert client.get(reverse("community:thread", args=[space.slug, 99999])).status_code == 404
    assert client.post(reverse("community:report", args=[space.slug, 99999]),
                       {"reason": "x"}).status_code == 404
    assert client.post(reverse("community:members", args=[space.slug]),
                       {"action": "remove", "user": "abc"}).status_code == 404
    assert client.post(reverse("community:hide", args=[space.slug, post.pk]), {}) \
        .status_code == 404


def test_empty_or_oversized_text_is_refused(login, group_member, space, thread):
    client = login(group_member)
    url = reverse("community:thread", args=[space.slug, thread.pk])
    assert client.post(url, {"body": "<script></script>"}).status_code == 400
    assert client.post(url, {"body": "x" * 10_001}).status_code == 400
    assert thread.posts.count() == 1


def test_documents_are_checked_and_versioned(settings, login, group_member, space):
    client = login(group_member)
    url = reverse("community:upload_document", args=[space.slug])
    assert client.post(url, {"title": "Plan", "file": pdf()}).status_code == 302
    shared = SharedDocument.objects.get(title="Plan")
    version_url = reverse("community:document", args=[space.slug, shared.pk])
    assert client.post(version_url, {"file": pdf("plan-v2.pdf"), "note": "Bijgewerkt"}) \
        .status_code == 302
    assert list(shared.versions.values_list("number", flat=True)) == [2, 1]
    assert shared.versions.first().document.collection_id == space.collection_id
    disguised = pdf("virus.pdf", b"MZ\x90\x00 not a pdf")
    assert client.post(url, {"title": "Vals", "file": disguised}).status_code == 400
    settings.PORTAL_MAX_DOCUMENT_SIZE = 10
    import portal.uploads
    portal.uploads.MAX_DOCUMENT_SIZE = 10
    try:
        assert client.post(url, {"title": "Groot", "file": pdf()}).status_code == 400
    finally:
        portal.uploads.MAX_DOCUMENT_SIZE = 20 * 1024 * 1024
    assert not SharedDocument.objects.filter(title__in=["Vals", "Groot"]).exists()
