"""Concurrent registrations on PostgreSQL never exceed capacity nor duplicate."""

import threading

import pytest
from django.db import connection, connections

from learninglines import services
from learninglines.models import Registration
from tests.factories import MembershipFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL row locks (set DATABASE_URL=postgres://…)"),
    pytest.mark.django_db(transaction=True),
]


def run_concurrently(calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def worker(call):
        try:
            barrier.wait()
            outcomes.append(call())
        except services.LearningLineError as error:
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_concurrent_registrations_respect_capacity(site_structure, organisation):
    from tests.learninglines.factories import make_line, make_session

    session = make_session(make_line(site_structure), capacity=3)
    users = [MembershipFactory(organisation=organisation).user for _ in range(10)]
    run_concurrently([
        (lambda user=user: services.register(session=session, user=user,
                                             organisation=organisation, actor=user))
        for user in users
    ])
    statuses = list(Registration.objects.filter(session=session)
                    .values_list("status", flat=True))
    assert statuses.count("registered") == 3
    assert statuses.count("waitlisted") == 7


def test_concurrent_double_clicks_never_duplicate(site_structure, organisation):
    from tests.learninglines.factories import make_line, make_session

    session = make_session(make_line(site_structure), capacity=5)
    user = MembershipFactory(organisation=organisation).user
    outcomes = run_concurrently([
        lambda: services.register(session=session, user=user, organisation=organisation,
                                  actor=user)
        for _ in range(6)
    ])
    assert Registration.objects.filter(session=session, user=user).count() == 1
    assert sum(isinstance(o, services.LearningLineError) for o in outcomes) == 5
