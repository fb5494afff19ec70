"""The demo content: about twenty profiles, the two spaces with threads, replies and a
document, and the invitation-only directors' group."""

import pytest

from community.models import JoinRule, Post, Profile, Space


@pytest.mark.django_db
def test_the_demo_has_profiles_spaces_and_the_directors_group(demo):
    assert Profile.objects.filter(listed=True).count() >= 20
    ai = Space.objects.get(slug="ai-werkgroep")
    assert ai.working_group is not None and ai.join_rule == JoinRule.OPEN
    data = Space.objects.get(slug="data-digitalisering")
    for space in (ai, data):
        assert space.threads.exists() and space.documents.exists()
        assert Post.objects.filter(thread__space=space, is_opening=False).exists()
    directors = Space.objects.get(slug="directeuren")
    assert directors.join_rule == JoinRule.INVITATION
    assert directors.memberships.filter(role="coordinator").exists()
