"""One visibility rule: on every backend, search finds exactly what portal.visibility's
can_view lets each user see (superusers, nested group restrictions, signed-in only)."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from wagtail.models import PageViewRestriction

from portal.visibility import MEMBERS_GROUP_NAME, can_view
from search.documents import audience_tokens
from tests.factories import MembershipFactory


def restrict(page, groups=None, login=False):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN if login
        else PageViewRestriction.GROUPS)
    if groups:
        restriction.groups.set(groups)
    return restriction


@pytest.fixture
def restricted_tree(backend, publish, django_capture_on_commit_callbacks):
    """Members only > a working group's minutes inside it (nested restrictions), and a
    page for anyone signed in."""
    members = Group.objects.get(name=MEMBERS_GROUP_NAME)
    working_group = Group.objects.create(name="Werkgroep kikkers")
    parent = publish("Ledenruimte kikkerdril", "ledenruimte", "Kikkerdril voor leden")
    child = publish("Notulen kikkerdril", "notulen", "Kikkerdril in de werkgroep",
                    parent=parent)
    signed_in = publish("Kikkerdril voor ingelogden", "ingelogd", "Kikkerdril na inloggen")
    public = publish("Openbare kikkerdril", "openbaar", "Kikkerdril voor iedereen")
    with django_capture_on_commit_callbacks(execute=True):
        restrict(parent, [members])
        restrict(child, [working_group])
        restrict(signed_in, login=True)
    return {"pages": [parent, child, signed_in, public], "working_group": working_group}


def test_search_finds_exactly_what_can_view_allows(restricted_tree, find, complete,
                                                   member, outsider, superuser):
    pages = restricted_tree["pages"]
    in_both = MembershipFactory().user
    in_both.groups.add(restricted_tree["working_group"])
    only_working_group = MembershipFactory().user
    only_working_group.groups.remove(Group.objects.get(name=MEMBERS_GROUP_NAME))
    only_working_group.groups.add(restricted_tree["working_group"])
    expected = {
        "visitor": ["Openbare kikkerdril"],
        "outsider": ["Kikkerdril voor ingelogden", "Openbare kikkerdril"],
        "member": ["Kikkerdril voor ingelogden", "Ledenruimte kikkerdril",
                   "Openbare kikkerdril"],
        "only the working group": ["Kikkerdril voor ingelogden", "Openbare kikkerdril"],
        "superuser": ["Kikkerdril voor ingelogden", "Ledenruimte kikkerdril",
                      "Notulen kikkerdril", "Openbare kikkerdril"],
        "member of both": ["Kikkerdril voor ingelogden", "Ledenruimte kikkerdril",
                           "Notulen kikkerdril", "Openbare kikkerdril"],
    }
    users = {"visitor": AnonymousUser(), "outsider": outsider, "member": member,
             "only the working group": only_working_group, "superuser": superuser,
             "member of both": in_both}
    for who, user in users.items():
        visible = sorted(page.title for page in pages if can_view(user, page))
        assert visible == expected[who], who  # the rule itself, as the test states it
        found = sorted(hit.title for hit in find("kikkerdril", user).hits)
        assert found == visible, who
        titles = sorted(row["title"] for row in complete("Notulen kik", user))
        assert titles == [title for title in visible if title.startswith("Notulen")], who


def test_nested_restrictions_become_compound_tokens(restricted_tree):
    parent, child, signed_in, public = restricted_tree["pages"]
    members = Group.objects.get(name=MEMBERS_GROUP_NAME)
    working_group = restricted_tree["working_group"]
    assert audience_tokens(public) == ["public"]
    assert audience_tokens(signed_in) == ["authenticated"]
    assert audience_tokens(parent) == sorted(["superuser", f"group:{members.id}"])
    both = "+".join(sorted([f"group:{members.id}", f"group:{working_group.id}"]))
    assert audience_tokens(child) == sorted(["superuser", both])
