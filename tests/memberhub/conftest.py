import pytest

from memberhub.services import sync_organisation
from tests.memberhub.factories import organisation_page


@pytest.fixture
def hub(site_structure, organisation, other_organisation):
    """The site with two organisations A (Alfa) and B (Beta), their pages and rights."""
    sync_organisation(organisation)
    sync_organisation(other_organisation)
    return {
        **site_structure,
        "page_a": organisation_page(organisation),
        "page_b": organisation_page(other_organisation),
    }


@pytest.fixture
def member_b(other_organisation, hub):
    from tests.factories import MembershipFactory

    return MembershipFactory(organisation=other_organisation).user


@pytest.fixture
def member_a(member, hub):
    return member


@pytest.fixture
def admin_a(org_admin, hub):
    return org_admin
