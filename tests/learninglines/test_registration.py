"""Registration rules: one click, waiting list, cancellation, promotion, bad input."""

import pytest
from django.core import mail

from learninglines import services
from learninglines.models import Registration
from portal.models import QueuedEmail
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.learninglines.factories import make_registration, make_session, move_to_past

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture(autouse=True)
def english():
    """The messages below are matched in English (the site's default is Dutch)."""
    from django.utils import translation

    with translation.override("en"):
        yield


def register(session, user, organisation, actor=None):
    return services.register(session=session, user=user, organisation=organisation,
                             actor=actor or user)


def snapshot():
    return (list(Registration.objects.order_by("pk").values_list("pk", "status", "user_id",
                                                                 "organisation_id")),
            QueuedEmail.objects.count())


def test_member_registers_and_gets_confirmation_with_ics(session, member, organisation):
    registration = register(session, member, organisation)
    assert registration.status == Status.REGISTERED
    email = QueuedEmail.objects.get(to=member.email)
    assert session.title in email.subject
    assert email.attachments[0]["filename"].endswith(".ics")
    assert email.attachments[0]["mimetype"] == "text/calendar"


def test_confirmation_is_sent_after_commit(session, member, organisation,
                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(session, member, organisation)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][0].endswith(".ics")


def test_full_session_puts_on_waiting_list_and_twice_is_refused(line, organisation):
    session = make_session(line, capacity=1)
    first, second = (MembershipFactory(organisation=organisation).user for _ in range(2))
    assert register(session, first, organisation).status == Status.REGISTERED
    assert register(session, second, organisation).status == Status.WAITLISTED
    before = snapshot()
    with pytest.raises(services.LearningLineError, match="waiting list"):
        register(session, second, organisation)
    assert snapshot() == before


@pytest.mark.parametrize("case", ["past", "closed", "deadline", "draft", "started"])
def test_closed_sessions_refuse_registration(line, member, organisation, case):
    import datetime

    from django.utils import timezone

    if case == "past":
        session = move_to_past(make_session(line))
    elif case == "closed":
        session = make_session(line, registration_open=False)
    elif case == "deadline":
        session = make_session(line, registration_deadline=timezone.now()
                               - datetime.timedelta(hours=1))
    elif case == "draft":
        session = make_session(line, publish=False)
    else:
        session = make_session(line, days=0, hours=3)
        session.start = timezone.now() - datetime.timedelta(minutes=5)
        session.save()
    before = snapshot()
    with pytest.raises(services.LearningLineError) as failure:
        register(session, member, organisation)
    assert failure.value.message
    assert snapshot() == before


def test_inactive_organisation_is_refused(session):
    inactive = OrganisationFactory(active=False)
    user = MembershipFactory(organisation=inactive).user
    before = snapshot()
    with pytest.raises(services.LearningLineError, match="no longer an active member"):
        register(session, user, inactive)
    assert snapshot() == before


def test_organisation_of_someone_else_is_refused(session, member, other_organisation):
    with pytest.raises(services.LearningLineError, match="not a member of"):
        register(session, member, other_organisation)
    assert not Registration.objects.exists()


def test_registering_someone_else_is_refused(session, member, organisation):
    colleague = MembershipFactory(organisation=organisation).user
    before = snapshot()
    with pytest.raises(services.LearningLineError, match="only register yourself"):
        register(session, colleague, organisation, actor=member)
    assert snapshot() == before


def test_outsider_cannot_register(session, outsider, organisation):
    with pytest.raises(services.LearningLineError):
        register(session, outsider, organisation)
    assert not Registration.objects.exists()


def test_cancel_promotes_first_waiting_person_with_email(line, organisation):
    session = make_session(line, capacity=1)
    users = [MembershipFactory(organisation=organisation).user for _ in range(3)]
    first = register(session, users[0], organisation)
    second = register(session, users[1], organisation)
    third = register(session, users[2], organisation)
    assert (second.status, third.status) == (Status.WAITLISTED, Status.WAITLISTED)
    QueuedEmail.objects.all().delete()

    _cancelled, promoted = services.cancel(registration=first, actor=users[0])
    assert promoted == [second]
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Status.REGISTERED
    assert third.status == Status.WAITLISTED
    promotion = QueuedEmail.objects.get(to=users[1].email)
    assert promotion.attachments  # the calendar file comes with the place
    assert not QueuedEmail.objects.filter(to=users[2].email).exists()


def test_reregistering_after_cancel_reuses_the_row(session, member, organisation):
    registration = register(session, member, organisation)
    services.cancel(registration=registration, actor=member)
    again = register(session, member, organisation)
    assert again.pk == registration.pk
    assert again.status == Status.REGISTERED
    assert Registration.objects.count() == 1


def test_reregistering_goes_to_the_back_of_the_waiting_list(line, organisation):
    session = make_session(line, capacity=1)
    a, b, c = (MembershipFactory(organisation=organisation).user for _ in range(3))
    register(session, a, organisation)
    rb = register(session, b, organisation)
    register(session, c, organisation)
    services.cancel(registration=rb, actor=b)
    rb = register(session, b, organisation)
    from learninglines.selectors.registrations import waitlist_position_of

    assert waitlist_position_of(rb) == 2


def test_cannot_cancel_someone_elses_or_after_start(line, member, organisation):
    session = make_session(line)
    registration = register(session, member, organisation)
    colleague = MembershipFactory(organisation=organisation).user
    with pytest.raises(services.LearningLineError, match="your own"):
        services.cancel(registration=registration, actor=colleague)
    move_to_past(session)
    with pytest.raises(services.LearningLineError, match="already started"):
        services.cancel(registration=registration, actor=member)
    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED


def test_raising_capacity_and_publishing_promotes_the_waiting_list(line, organisation):
    from portal.site_structure import publish_page

    session = make_session(line, capacity=1)
    a, b = (MembershipFactory(organisation=organisation).user for _ in range(2))
    register(session, a, organisation)
    waiting = register(session, b, organisation)
    session.capacity = 2
    publish_page(session)
    waiting.refresh_from_db()
    assert waiting.status == Status.REGISTERED


def test_registration_on_translation_belongs_to_the_original(session, member, organisation):
    from wagtail.models import Locale

    translation = session.copy_for_translation(Locale.objects.get(language_code="en"),
                                               copy_parents=True)
    from portal.site_structure import publish_page

    publish_page(translation)
    registration = register(translation.specific, member, organisation)
    assert registration.session_id == session.pk


def test_attendance_in_bulk_by_editor_only(line, member, organisation, editor):
    session = make_session(line)
    registration = make_registration(session, member, organisation)
    with pytest.raises(services.LearningLineError, match="once the session has started"):
        services.set_attendance(session=session, registration_ids=[registration.pk],
                                attended=True, actor=editor)
    move_to_past(session)
    with pytest.raises(services.LearningLineError, match="may not"):
        services.set_attendance(session=session, registration_ids=[registration.pk],
                                attended=True, actor=member)
    assert services.set_attendance(session=session, registration_ids=[registration.pk],
                                   attended=True, actor=editor) == 1
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED


def test_attendance_refuses_registrations_of_another_session(line, member, organisation,
                                                            editor):
    one, other = move_to_past(make_session(line)), make_session(line)
    foreign = make_registration(other, member, organisation)
    with pytest.raises(services.LearningLineError, match="do not belong"):
        services.set_attendance(session=one, registration_ids=[foreign.pk], attended=True,
                                actor=editor)
    foreign.refresh_from_db()
    assert foreign.status == Status.REGISTERED


def test_unique_constraint_blocks_duplicates(session, member, organisation):
    from django.db import IntegrityError, transaction

    make_registration(session, member, organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_registration(session, member, organisation)


def test_user_factory_is_not_member(db):
    assert not UserFactory().memberships.exists()
