import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from community.models import JoinRule, Space, SpaceRole
from community.services import discussions, documents
from community.services.spaces import add_member
from tests.factories import MembershipFactory, OrganisationFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="verslag.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def generous_post_limit(settings):
    settings.COMMUNITY_POST_LIMIT = (100, 600)


@pytest.fixture
def space(db):
    return Space.objects.create(title="AI-werkgroep", slug="ai", join_rule=JoinRule.OPEN)


@pytest.fixture
def other_space(db):
    return Space.objects.create(title="Directeurenoverleg", slug="directeuren",
                                join_rule=JoinRule.INVITATION)


@pytest.fixture
def group_member(organisation, space):
    user = MembershipFactory(organisation=organisation, user__first_name="Gerda").user
    add_member(space, user)
    return user


@pytest.fixture
def coordinator(organisation, space):
    user = MembershipFactory(organisation=organisation, user__first_name="Coby").user
    add_member(space, user, role=SpaceRole.COORDINATOR)
    return user


@pytest.fixture
def other_member(other_space):
    """A member of another organisation, in another group only."""
    user = MembershipFactory(organisation=OrganisationFactory(name="Stichting Gamma"),
                             user__first_name="Otto").user
    add_member(other_space, user)
    return user


@pytest.fixture
def thread(space, group_member):
    return discussions.start_thread(space, group_member, "Geheime AI-strategie",
                                    "Ons vertrouwelijke plan voor algoritmes.")


@pytest.fixture
def shared_version(space, group_member):
    return documents.add_version(space, group_member, pdf(), title="Besloten notulen")


@pytest.fixture
def login(db):
    """A client of its own for each person."""
    from django.test import Client

    def log_in(user):
        client = Client()
        client.force_login(user)
        return client
    return log_in
