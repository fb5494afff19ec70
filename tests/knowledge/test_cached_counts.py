"""Facet counts and related items are remembered until content changes, per audience."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from portal.models import ThemeTag
from tests.knowledge.factories import make_item


def theme_count(client, name):
    facets = client.get("/kennisbank/").context["kennisbank"].facets
    theme = next(facet for facet in facets if facet.name == "theme")
    return {option.label: option.count for option in theme.options}.get(name, 0)


@pytest.mark.django_db
def test_counts_follow_publishing_and_privacy_changes(client, kennisbank, member):
    first = make_item(kennisbank, "Eerste", themes=["Klimaat"])
    make_item(kennisbank, "Tweede", themes=["Klimaat"])
    assert theme_count(client, "Klimaat") == 2  # now remembered

    make_item(kennisbank, "Derde", themes=["Klimaat"])  # a publish starts a new generation
    assert theme_count(client, "Klimaat") == 3

    # A restriction set directly (no publish): visitors' counts must drop at once.
    restriction = PageViewRestriction.objects.create(
        page=first, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name="Members"))
    assert theme_count(client, "Klimaat") == 2
    client.force_login(member)  # members are another audience: they still count it
    assert theme_count(client, "Klimaat") == 3


@pytest.mark.django_db
def test_renamed_theme_shows_its_new_name(client, kennisbank):
    make_item(kennisbank, "Item", themes=["Klimaat"])
    assert theme_count(client, "Klimaat") == 1
    tag = ThemeTag.objects.get(name="Klimaat")
    tag.name = "Klimaat en water"
    tag.save()
    assert theme_count(client, "Klimaat en water") == 1


@pytest.mark.django_db
def test_related_items_follow_unpublishing(client, kennisbank):
    item = make_item(kennisbank, "Hoofditem", themes=["Water"])
    other = make_item(kennisbank, "Verwant item", themes=["Water"])
    assert "Verwant item" in client.get(item.url).content.decode()
    other.unpublish()
    assert "Verwant item" not in client.get(item.url).content.decode()
