import json

import pytest
from django.utils import timezone

from learninglines.models import Evaluation, Registration
from learninglines.privacy import anonymise_old_registrations
from learninglines.selectors.figures import participation, satisfaction
from memberhub.models import User
from tests.factories import TEST_PASSWORD
from tests.learninglines.factories import make_registration, make_session, move_to_past


@pytest.fixture
def attended(line, member, organisation):
    session = make_session(line)
    move_to_past(session, days=3)
    registration = make_registration(session, member, organisation,
                                     status=Registration.Status.ATTENDED)
    Evaluation.objects.create(registration=registration, score=4, comment="Heel nuttig, Sam")
    return session, registration


@pytest.mark.django_db
def test_export_contains_registrations_and_evaluations(client, attended, member):
    client.force_login(member)
    data = json.loads(client.get("/accounts/mijn-gegevens/?download=1").content)
    assert data["session_registrations"][0]["status"] == "attended"
    assert data["evaluations"][0] == {"session": attended[0].title, "score": 4,
                                      "comment": "Heel nuttig, Sam"}


@pytest.mark.django_db
def test_deleting_the_account_keeps_the_figures(client, attended, member):
    year = attended[0].start.year
    before = (participation(year)["overall"].organisations, satisfaction(year))
    client.force_login(member)
    response = client.post("/accounts/mijn-gegevens/verwijderen/",
                           {"password": TEST_PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    registration = Registration.objects.get(pk=attended[1].pk)
    assert registration.user is None
    assert registration.evaluation.score == 4 and registration.evaluation.comment == ""
    after = (participation(year)["overall"].organisations, satisfaction(year))
    assert after[0] == before[0]
    assert str(after[1]) == str(before[1])


@pytest.mark.django_db
def test_retention_anonymises_only_old_registrations(attended, line, member, organisation):
    recent = attended[1]
    old_session = make_session(line)
    move_to_past(old_session, days=800)
    old = make_registration(old_session, member, organisation,
                            status=Registration.Status.ATTENDED)
    assert anonymise_old_registrations(now=timezone.now()) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.user is None and recent.user == member
