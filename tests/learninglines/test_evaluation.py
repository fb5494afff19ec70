"""Evaluation by personal signed link: only attendees, once, valid links, scores 1-5."""

import pytest
from django.core import signing
from django.core.management import call_command

from learninglines import services
from learninglines.models import Evaluation, Registration
from learninglines.selectors import registrations as reads
from portal.models import QueuedEmail
from tests.learninglines.factories import make_registration, make_session, move_to_past

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def attended(line, member, organisation):
    session = move_to_past(make_session(line))
    return make_registration(session, member, organisation, status=Status.ATTENDED)


def url_for(registration):
    return reads.evaluation_path(registration)


def test_attendee_evaluates_once_without_login(client, attended):
    url = url_for(attended)
    assert client.get(url).status_code == 200
    response = client.post(url, {"score": "4", "comment": "Nuttig"})
    assert response.status_code == 200
    evaluation = Evaluation.objects.get()
    assert (evaluation.score, evaluation.comment) == (4, "Nuttig")
    again = client.post(url, {"score": "1"})
    assert again.status_code == 409
    assert Evaluation.objects.get().score == 4


@pytest.mark.parametrize("score", ["0", "6", "-1", "abc", "", "4.5"])
def test_score_outside_one_to_five_is_refused(client, attended, score):
    response = client.post(url_for(attended), {"score": score})
    assert response.status_code == 400
    assert not Evaluation.objects.exists()


def test_service_refuses_bad_scores(attended):
    for score in (0, 6, None, "x"):
        with pytest.raises(services.LearningLineError):
            services.submit_evaluation(registration=attended, score=score)
    assert not Evaluation.objects.exists()


def test_database_enforces_score_range(attended):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Evaluation.objects.create(registration=attended, score=9)


@pytest.mark.parametrize("status", [Status.REGISTERED, Status.WAITLISTED, Status.CANCELLED])
def test_only_attendees_evaluate(client, line, member, organisation, status):
    session = move_to_past(make_session(line))
    registration = make_registration(session, member, organisation, status=status)
    response = client.post(url_for(registration), {"score": "5"})
    assert response.status_code == 409
    assert not Evaluation.objects.exists()


def test_forged_and_expired_links_are_refused(client, attended, settings):
    forged = signing.dumps({"r": attended.pk, "u": attended.user_id}, salt="another-salt")
    assert client.get(f"/evaluatie/{forged}/").status_code == 400
    tampered = url_for(attended).replace("/evaluatie/", "/evaluatie/x")
    assert client.post(tampered, {"score": "5"}).status_code == 400
    import time
    from unittest import mock

    token = reads.evaluation_token(attended)
    later = time.time() + reads.EVALUATION_MAX_AGE.total_seconds() + 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(f"/evaluatie/{token}/", {"score": "5"})
    assert response.status_code == 400
    assert not Evaluation.objects.exists()


def test_link_of_another_person_does_not_evaluate_mine(client, attended):
    token = signing.dumps({"r": attended.pk, "u": attended.user_id + 1000},
                          salt=reads.EVALUATION_SALT)
    assert client.post(f"/evaluatie/{token}/", {"score": "5"}).status_code == 400
    assert not Evaluation.objects.exists()


def test_invitations_are_sent_once_per_registration(attended, line, member, organisation):
    future = make_session(line)
    make_registration(future, member.__class__.objects.create(email="x@example.org"),
                      organisation, status=Status.REGISTERED)
    call_command("send_evaluation_invitations")
    email = QueuedEmail.objects.get()
    assert email.to == attended.user.email and "/evaluatie/" in email.body_text
    assert services.send_evaluation_invitations() == 0
    Registration.objects.update(evaluation_invited_at=None)  # even after a lost marker:
    services.send_evaluation_invitations()
    assert QueuedEmail.objects.count() == 1  # the dedupe key prevents a second e-mail


def test_comments_are_never_on_public_pages(client, attended):
    services.submit_evaluation(registration=attended, score=2, comment="Geheime kritiek")
    assert "Geheime kritiek" not in client.get(attended.session.url).content.decode()
    assert "Geheime kritiek" not in client.get(attended.session.get_parent().url)\
        .content.decode()
