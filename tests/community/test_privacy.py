"""Through every channel: visitors see no profile, post or group document; a member sees
no post or document of a group they do not belong to."""

import pytest
from django.urls import reverse

from community.models import Profile
from community.services.spaces import remove_member

pytestmark = pytest.mark.django_db


def urls(space, thread, shared_version):
    return [
        reverse("community:directory"),
        reverse("community:spaces"),
        reverse("community:space", args=[space.slug]),
        reverse("community:thread", args=[space.slug, thread.pk]),
        reverse("community:notifications"),
        reverse("community:edit_profile"),
        shared_version.document.url,
    ]


def test_a_visitor_is_sent_to_the_login_page_everywhere(client, space, thread, shared_version):
    for url in urls(space, thread, shared_version):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"], url
        assert b"Geheime" not in response.content
    # and nothing of it was cached for the next visitor
    again = client.get(reverse("community:space", args=[space.slug]))
    assert again.status_code == 302


def test_a_signed_in_non_member_is_refused(login, outsider, space, thread):
    client = login(outsider)
    for url in (reverse("community:directory"), reverse("community:space", args=[space.slug]),
                reverse("community:thread", args=[space.slug, thread.pk])):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Geheime AI-strategie" not in response.content.decode()


def test_the_group_member_sees_threads_and_documents(login, group_member, space, thread,
                                                       shared_version):
    client = login(group_member)
    page = client.get(reverse("community:space", args=[space.slug])).content.decode()
    assert "Geheime AI-strategie" in page and "Besloten notulen" in page
    assert client.get(reverse("community:thread", args=[space.slug, thread.pk])) \
        .status_code == 200
    download = client.get(shared_version.document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "private" in download["Cache-Control"]


def test_a_member_of_another_group_sees_nothing_inside(login, other_member, space, thread,
                                                         shared_version):
    client = login(other_member)
    outside = client.get(reverse("community:space", args=[space.slug]))
    assert outside.status_code == 200  # the open group is listed: name and join button
    body = outside.content.decode()
    assert "Geheime AI-strategie" not in body and "Besloten notulen" not in body
    assert client.get(reverse("community:thread", args=[space.slug, thread.pk])) \
        .status_code == 404
    assert client.get(shared_version.document.url).status_code in (403, 404)
    post = thread.posts.get()
    assert client.post(reverse("community:report", args=[space.slug, post.pk]),
                       {"reason": "x"}).status_code == 404
    assert client.post(reverse("community:thread", args=[space.slug, thread.pk]),
                       {"body": "ingebroken"}).status_code == 404
    assert not thread.posts.filter(body__contains="ingebroken").exists()


def test_an_invitation_only_group_is_not_even_listed_for_others(login, group_member,
                                                                  other_space):
    client = login(group_member)
    assert other_space.title not in client.get(reverse("community:spaces")).content.decode()
    assert client.get(reverse("community:space", args=[other_space.slug])).status_code == 404


def test_coordinator_and_editor_see_inside(login, coordinator, editor, space, thread,
                                            shared_version):
    for user in (coordinator, editor):
        client = login(user)
        assert "Geheime AI-strategie" in client.get(
            reverse("community:space", args=[space.slug])).content.decode()
        assert client.get(shared_version.document.url).status_code == 200


def test_a_removed_member_loses_access_at_once(login, group_member, space, thread,
                                                 shared_version):
    client = login(group_member)
    assert client.get(reverse("community:thread", args=[space.slug, thread.pk])) \
        .status_code == 200
    remove_member(space, group_member)
    assert client.get(reverse("community:thread", args=[space.slug, thread.pk])) \
        .status_code == 404
    assert client.get(shared_version.document.url).status_code in (403, 404)


def test_nothing_reaches_search_sitemap_api_or_feeds(client, login, group_member, other_member,
                                                     site_structure, space, thread,
                                                     shared_version):
    Profile.objects.create(user=group_member, listed=True, role="Cyberspecialist")
    for c, who in ((client, "visitor"), (login(other_member), "other")):
        for url in ("/zoeken/?q=strategie", "/zoeken/?q=algoritmes", "/zoeken/?q=specialist",
                    "/zoeken/autocomplete/?q=Gehei", "/sitemap.xml",
                    "/api/v2/pages/?search=strategie", "/api/v2/documents/", "/nieuws/feed/"):
            response = c.get(url)
            assert response.status_code < 500, (url, who)
            text = response.content.decode(errors="replace")
            for secret in ("Geheime AI", "Cyberspecialist", "Besloten notulen"):
                assert secret not in text, (url, who, secret)
