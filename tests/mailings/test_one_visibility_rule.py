"""The mailing audience is portal.visibility's rule: a person is sent exactly the items
that can_view lets them see (a superuser without a membership, members under nested
group restrictions)."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import PageViewRestriction

from mailings import digests
from portal.visibility import MEMBERS_GROUP_NAME, can_view, forget
from tests.factories import MembershipFactory

from .factories import make_knowledge, make_session, subscribe


@pytest.mark.django_db
def test_digests_hold_exactly_what_can_view_admits(
        site_structure, lines, member, superuser, django_capture_on_commit_callbacks):
    line = lines["dr"]
    working_group = Group.objects.create(name="Werkgroep Digitaal")
    # The line is for the working group; a session in it is for members too: nested.
    line_restriction = PageViewRestriction.objects.create(
        page=line, restriction_type=PageViewRestriction.GROUPS)
    line_restriction.groups.set([working_group])
    items = {
        "Open AI-gids": make_knowledge(site_structure, "Open AI-gids", lines=[line]),
        "Besloten scan": make_knowledge(site_structure, "Besloten scan", lines=[line],
                                        members_only=True),
        "Werkgroepsessie": make_session(line, "Werkgroepsessie"),
        "Besloten werkgroepsessie": make_session(line, "Besloten werkgroepsessie",
                                                 members_only=True),
    }
    in_both = MembershipFactory(organisation=member.memberships.get().organisation).user
    in_both.groups.add(working_group)
    only_group = MembershipFactory(organisation=member.memberships.get().organisation).user
    only_group.groups.add(working_group)
    only_group.groups.remove(Group.objects.get(name=MEMBERS_GROUP_NAME))
    people = [superuser, member, in_both, only_group]
    for person in people:
        subscribe(person, lines=[line])
    with django_capture_on_commit_callbacks(execute=True):
        digests.send_digests()
    by_address = {message.to[0]: message for message in mail.outbox}
    for person in people:
        forget(person)
        expected = {title for title, page in items.items() if can_view(person, page)}
        message = by_address.get(person.email)
        received = {title for title in items if message and title in message.body}
        assert received == expected, person.email
    # The case that differed: a superuser sees (and is sent) everything.
    assert len({title for title in items if title in by_address[superuser.email].body}) == 4
