import pytest

from tests.factories import MembershipFactory
from tests.learninglines.factories import make_line, make_session


@pytest.fixture
def line(site_structure):
    return make_line(site_structure)


@pytest.fixture
def session(line):
    return make_session(line)


@pytest.fixture
def member_with_two(organisation, other_organisation):
    user = MembershipFactory(organisation=organisation).user
    MembershipFactory(user=user, organisation=other_organisation)
    return user
