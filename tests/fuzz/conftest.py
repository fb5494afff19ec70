"""One factory-built site for a whole fuzz module: every page type, a member of
organisation A (and its admin), organisation B, an editor, a session with a
registration, an invitation, signed links. Built once per module in a transaction that
is rolled back at the end; each test still runs in its own savepoint."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client

from portal.visibility import EDITORS_GROUP_NAME


def build_site():
    from knowledge.models import Kind, KnowledgeMapPage
    from learninglines.models import Registration
    from learninglines.selectors.registrations import evaluation_token
    from mailings.tokens import make_unsubscribe_token
    from memberhub.services import invite_colleague, sync_organisation
    from portal.site_structure import ensure_site_structure, publish_page
    from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
    from tests.knowledge.factories import make_document, make_item
    from tests.learninglines.factories import (
        make_group,
        make_line,
        make_registration,
        make_session,
        move_to_past,
    )
    from tests.mailings.factories import make_impact_story, make_news, restrict, subscribe
    from tests.memberhub.factories import add_event, add_news, add_vacancy

    structure = ensure_site_structure()
    sections = structure["sections"]
    alfa = OrganisationFactory(name="Stichting Alfa", slug="stichting-alfa")
    beta = OrganisationFactory(name="Stichting Beta", slug="stichting-beta")
    page_a = sync_organisation(alfa)
    sync_organisation(beta)
    member = MembershipFactory(organisation=alfa).user
    org_admin = MembershipFactory(organisation=alfa, role="admin").user
    colleague = MembershipFactory(organisation=alfa)
    MembershipFactory(organisation=beta)
    editor = UserFactory(email="fuzz-editor@example.org")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))

    line = make_line(structure, "Digital Readiness", slug="digital-readiness")
    session = make_session(line, hosts=[alfa])
    past = move_to_past(make_session(line))
    group = make_group(line)
    make_registration(session, member, alfa)
    attended = make_registration(past, member, alfa, status=Registration.Status.ATTENDED)

    document = make_document("Handleiding")
    item = make_item(sections["kennisbank"], "Power tool", kind=Kind.TOOL, lines=[line],
                     themes=["Machtsverhoudingen"], sdgs=[10], organisations=[alfa],
                     documents=[document], publication_date=datetime.date(2025, 3, 1))
    make_item(sections["kennisbank"], "Ledenmonitor", kind=Kind.POLITICAL_MONITOR)
    knowledge_map = KnowledgeMapPage(title="Kenniskaart", slug="kenniskaart")
    sections["kennisbank"].add_child(instance=knowledge_map)
    publish_page(knowledge_map)

    news = add_news(page_a, title="Nieuws van Alfa")
    vacancy = add_vacancy(page_a)
    event = add_event(page_a)
    story = make_impact_story(structure, "Een verhaal")
    restrict(make_news(structure, "Alleen voor leden"))
    subscribe(member)
    _invitation, invitation_token = invite_colleague(org_admin, alfa, "nieuw@example.org",
                                                     "author")
    return {
        **structure, "alfa": alfa, "beta": beta, "page_a": page_a, "member": member,
        "org_admin": org_admin, "colleague": colleague, "editor": editor, "line": line,
        "session": session, "past_session": past, "group": group, "item": item,
        "document": document, "knowledge_map": knowledge_map, "news": news,
        "vacancy": vacancy, "event": event, "story": story,
        "invitation_token": invitation_token,
        "evaluation_token": evaluation_token(attended),
        "unsubscribe_token": make_unsubscribe_token(member, "all"),
    }


@pytest.fixture(scope="module")
def fuzz_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_site()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def site(fuzz_site, db):
    return fuzz_site


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def quiet_request_log():
    """Thousands of 4xx warnings (and the 500s, which the test reports itself)."""
    import logging

    loggers = [logging.getLogger(name) for name in ("django.request", "django.security",
                                                    "wagtail", "portal", "search")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)
