"""Profiles, posts and memberships are in the data export and go with the account; a
deleted person's posts stay, attributed to "former member"."""

import json

import pytest
from django.urls import reverse

from community.models import Post, Profile, SpaceMembership
from community.services.discussions import reply
from portal.privacy import delete_account
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_the_export_holds_profile_posts_and_groups(login, group_member, space, thread):
    Profile.objects.create(user=group_member, listed=True, role="Datacoach")
    response = login(group_member).get(reverse("my_data"), {"download": 1})
    data = json.loads(response.content)["community"]
    assert data["profile"]["role"] == "Datacoach"
    assert data["spaces"][0]["space"] == space.title
    assert "vertrouwelijke" in data["posts"][0]["text"]


def test_a_deleted_person_s_posts_stay_as_former_member(login, group_member, coordinator,
                                                         space, thread):
    Profile.objects.create(user=group_member, listed=True)
    reply(thread, coordinator, "Antwoord")
    client = login(group_member)
    response = client.post(reverse("delete_my_account"),
                           {"password": TEST_PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not Profile.objects.exists() or not Profile.objects.filter(
        user__email=group_member.email).exists()
    opening = Post.objects.get(thread=thread, is_opening=True)
    assert opening.author is None
    page = login(coordinator).get(reverse("community:thread", args=[space.slug, thread.pk]))
    text = page.content.decode()
    assert "oud-lid" in text or "former member" in text
    assert "Ons vertrouwelijke plan" in text
    assert not SpaceMembership.objects.filter(user_id=group_member.pk).exists()


def test_erasure_keeps_the_coordinator_figures_consistent(coordinator, space):
    delete_account(coordinator)
    assert not SpaceMembership.objects.filter(space=space).exists()
