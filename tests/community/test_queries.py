"""A directory of 2,000 profiles and a group of 500 threads render in a fixed number of
queries (the same at two sizes)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.models import FieldVisibility, Profile, ProfileLanguage, Thread
from memberhub.models import Membership, User
from portal.models import ThemeTag
from portal.visibility import MEMBERS_GROUP_NAME

pytestmark = pytest.mark.django_db


def make_profiles(count, organisation):
    from django.contrib.auth.models import Group

    members = Group.objects.get(name=MEMBERS_GROUP_NAME)
    theme = ThemeTag.objects.get_or_create(name="Data", slug="data")[0]
    start = User.objects.count()
    users = User.objects.bulk_create([
        User(email=f"bulk{start + n}@example.org", first_name="Bulk", last_name=f"{n:05d}")
        for n in range(count)])
    Membership.objects.bulk_create([Membership(user=u, organisation=organisation)
                                    for u in users])
    User.groups.through.objects.bulk_create([
        User.groups.through(user_id=u.pk, group_id=members.pk) for u in users])
    profiles = Profile.objects.bulk_create([
        Profile(user=u, listed=True, role="Adviseur",
                role_visibility=FieldVisibility.ORGANISATION if n % 2 else "members")
        for n, u in enumerate(users)])
    Profile.expertise.through.objects.bulk_create([
        Profile.expertise.through(profile_id=p.pk, themetag_id=theme.pk) for p in profiles])
    ProfileLanguage.objects.bulk_create([ProfileLanguage(profile=p, code="nl")
                                         for p in profiles])
    return theme


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response


def test_the_directory_stays_at_a_fixed_number_of_queries(login, member, organisation):
    client = login(member)
    theme = make_profiles(40, organisation)
    client.get(reverse("community:directory"))  # menus and settings cached once
    small, _response = count_queries(client, reverse("community:directory"))
    small_filtered, _ = count_queries(client, reverse("community:directory"),
                                      {"expertise": theme.pk, "language": "nl"})
    make_profiles(1960, organisation)
    large, response = count_queries(client, reverse("community:directory"))
    assert "2000 mensen" in response.content.decode() or "2000 people" in \
        response.content.decode()
    large_filtered, _ = count_queries(client, reverse("community:directory"),
                                      {"expertise": theme.pk, "language": "nl"})
    assert large == small and large_filtered == small_filtered
    assert large <= 30


def test_a_group_with_500_threads_stays_at_a_fixed_number_of_queries(login, group_member,
                                                                      space):
    client = login(group_member)
    url = reverse("community:space", args=[space.slug])

    def add_threads(count):
        Thread.objects.bulk_create([Thread(space=space, title=f"Draad {n}",
                                           author=group_member, post_count=1)
                                    for n in range(count)])

    add_threads(5)
    client.get(url)  # menus and settings cached once
    small, _response = count_queries(client, url)
    add_threads(495)
    large, response = count_queries(client, url)
    assert response.content.decode().count("Draad ") == 25  # one page of threads
    assert large == small and large <= 40
