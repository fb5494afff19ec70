import pytest

from tests.factories import MembershipFactory, UserFactory

from .factories import make_line, make_theme


@pytest.fixture
def lines(site_structure):
    return {"dr": make_line(site_structure, "Digital Readiness"),
            "ep": make_line(site_structure, "Equitable Partnerships")}


@pytest.fixture
def themes(db):
    return {"climate": make_theme("Klimaat"), "gender": make_theme("Gender")}


@pytest.fixture
def former_member(db):
    """Was a member: the membership ended (organisation no longer active)."""
    from tests.factories import OrganisationFactory

    gone = OrganisationFactory(name="Vroeger Lid", active=False)
    return MembershipFactory(organisation=gone).user


@pytest.fixture
def english_member(organisation):
    user = UserFactory(preferred_language="en")
    MembershipFactory(user=user, organisation=organisation)
    return user
