"""Scheduled work (issue 18, item 6): the periodic jobs of docs/deployment.md run from the
scheduler, without anyone running a command, and editors see how they went.

The clock is frozen with time-machine and moved by hand; the scheduler processes what is
due at each moment (PortalScheduler.run_due_jobs, APScheduler's own job processing), so
nothing sleeps."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django_tasks import task
from wagtail import hooks

from learninglines.models import Registration
from portal.models import QueuedEmail, ScheduledJob
from portal.periodic import PeriodicJob, registered_jobs, trigger_for
from portal.scheduler import PortalScheduler, build_scheduler
from tests.learninglines.factories import make_registration, make_session, move_to_past
from tests.mailings.factories import make_knowledge, make_line, subscribe

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
SUNDAY_EVENING = datetime.datetime(2026, 3, 1, 20, 2, tzinfo=AMS)  # Sunday 1 March 2026


def emails(category):
    return list(QueuedEmail.objects.filter(category=category))


def test_every_job_of_the_deployment_guide_is_scheduled():
    assert set(registered_jobs()) == {
        "portal.queued_emails", "portal.publish_scheduled", "search.catch_up",
        "learninglines.evaluation_invitations", "mailings.digests",
        "mailings.resume_mailings", "learninglines.retention", "community.weekly_digest"}


def test_digests_and_evaluation_invitations_go_out_on_schedule(
        site_structure, member, organisation):
    with time_machine.travel(SUNDAY_EVENING, tick=False) as clock:
        line = make_line(site_structure, "Digital Readiness")
        session = move_to_past(make_session(line, title="Sessie AI"), days=0.1)  # ended 20 min ago
        make_registration(session, member, organisation, status=Registration.Status.ATTENDED)
        subscribe(member, lines=[line])
        make_knowledge(site_structure, "Nieuwe AI-gids", lines=[line])

        scheduler = build_scheduler()
        scheduler.run_due_jobs()
        assert emails("learninglines") == [] and emails("mailings-digest") == []

        clock.move_to(datetime.datetime(2026, 3, 1, 20, 59, tzinfo=AMS))
        scheduler.run_due_jobs()
        assert emails("learninglines") == []  # hourly: not yet
        clock.move_to(datetime.datetime(2026, 3, 1, 21, 0, 1, tzinfo=AMS))
        scheduler.run_due_jobs()
        [invitation] = emails("learninglines")
        assert invitation.to == member.email and "/evaluatie/" in invitation.body_text
        assert "<h1" in invitation.body_html and "/evaluatie/" in invitation.body_html
        assert emails("mailings-digest") == []

        clock.move_to(datetime.datetime(2026, 3, 2, 6, 59, tzinfo=AMS))  # Monday morning
        scheduler.run_due_jobs()
        assert emails("mailings-digest") == []
        clock.move_to(datetime.datetime(2026, 3, 2, 7, 0, 5, tzinfo=AMS))
        scheduler.run_due_jobs()
        [digest] = emails("mailings-digest")
        assert digest.to == member.email and "Nieuwe AI-gids" in digest.body_text
        assert len(emails("learninglines")) == 1  # the invitation went once

        record = ScheduledJob.objects.get(name="mailings.digests")
        assert record.last_succeeded is True and record.success_count == 1
        assert record.last_started_at == datetime.datetime(2026, 3, 2, 7, 0, 5, tzinfo=AMS)
        assert record.next_run_at == datetime.datetime(2026, 3, 9, 7, 0, tzinfo=AMS)
        evaluations = ScheduledJob.objects.get(name="learninglines.evaluation_invitations")
        assert evaluations.next_run_at == datetime.datetime(2026, 3, 2, 8, 0, tzinfo=AMS)
        # 21:00; the hours jumped over in one move coalesced into one run (06:59); 07:00.
        assert evaluations.success_count == 3
        scheduler.shutdown()


def test_a_run_missed_while_the_scheduler_was_down_happens_at_start(site_structure):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 30, tzinfo=AMS), tick=False):
        ScheduledJob.objects.create(name="mailings.digests",
                                    next_run_at=datetime.datetime(2026, 3, 2, 7, 0, tzinfo=AMS))
        scheduler = build_scheduler()
        scheduler.run_due_jobs()
        record = ScheduledJob.objects.get(name="mailings.digests")
        assert record.success_count == 1
        assert record.next_run_at == datetime.datetime(2026, 3, 9, 7, 0, tzinfo=AMS)
        # Not missed: not run (retention runs at 03:30, its next run is tomorrow).
        assert not ScheduledJob.objects.get(name="learninglines.retention").success_count
        scheduler.shutdown()


@task()
def failing_task():
    raise RuntimeError("mail server on fire")


def failing_jobs():
    return [PeriodicJob("tests.failing", "Failing job", failing_task, "*/5 * * * *")]


def test_a_failing_job_is_recorded_and_shown_to_editors(client, editor, member):
    with hooks.register_temporarily("register_periodic_jobs", failing_jobs), \
            time_machine.travel(SUNDAY_EVENING, tick=False) as clock:
        scheduler = build_scheduler()
        clock.move_to(SUNDAY_EVENING + datetime.timedelta(minutes=4))
        scheduler.run_due_jobs()  # 20:05: the failing job, and the other five-minute jobs
        record = ScheduledJob.objects.get(name="tests.failing")
        assert record.last_succeeded is False and record.failure_count == 1
        assert "mail server on fire" in record.last_error
        assert ScheduledJob.objects.get(name="portal.queued_emails").last_succeeded is True
        scheduler.shutdown()

        url = reverse("portal_scheduled_work")
        client.force_login(editor)
        page = client.get(url).content.decode()
        assert "Failing job" in page and "mail server on fire" in page
        assert "Weekly digests" in page or "Wekelijkse overzichten" in page
        client.force_login(member)
        assert client.get(url).status_code in (302, 403)
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_command_runs_every_job_once_with_run_now_and_stops(site_structure):
    original = PortalScheduler.run_due_jobs

    def once_then_stop(self):
        wait = original(self)
        self.shutdown(wait=False)
        return wait

    with mock.patch.object(PortalScheduler, "run_due_jobs", once_then_stop):
        call_command("run_scheduler", "--run-now", stdout=mock.MagicMock())
    records = ScheduledJob.objects.all()
    assert {record.name for record in records} == set(registered_jobs())
    assert all(record.success_count == 1 and record.last_succeeded for record in records)


@pytest.mark.parametrize("schedule", ["0 7 * * 1", "0 7 * *", "every monday"])
def test_ambiguous_or_broken_schedules_are_refused(schedule):
    with pytest.raises(ValueError):
        trigger_for(schedule)


def test_a_setting_changes_or_switches_off_a_schedule(settings):
    settings.PORTAL_SCHEDULE = {"mailings.digests": "0 9 * * fri", "learninglines.retention": ""}
    jobs = registered_jobs()
    assert jobs["mailings.digests"].effective_schedule == "0 9 * * fri"
    assert "learninglines.retention" not in jobs


ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def test_every_job_in_the_deployment_guide_is_registered_and_the_other_way_round():
    import re

    table = (ROOT / "docs" / "deployment.md").read_text()
    documented = set(re.findall(r"^\| `([a-z]+\.[a-z_]+)` \|", table, flags=re.M))
    assert documented == set(registered_jobs())


def test_make_serve_and_compose_run_the_scheduler():
    import shutil
    import subprocess

    compose = (ROOT / "compose.yaml").read_text()
    service = compose.split("\n  scheduler:\n", 1)[1].split("\n\n", 1)[0]
    assert "command: python manage.py run_scheduler" in service
    assert "PORTAL_TASKS_BACKEND: database" in service
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    out = subprocess.run([make, "-n", "serve", "PORT=8001"], cwd=ROOT,  # noqa: S603
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert "manage.py run_scheduler --run-now &" in out
    assert "runserver 127.0.0.1:8001" in out
