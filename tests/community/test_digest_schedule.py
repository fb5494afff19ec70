"""Issue 17 item 4: the weekly community digest goes out from the scheduler on Monday
morning (portal/periodic.py), without anyone running a command."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from community.models import Follow
from community.services.discussions import reply
from portal.models import QueuedEmail, ScheduledJob
from portal.scheduler import build_scheduler

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def digests():
    return list(QueuedEmail.objects.filter(category="community-digest"))


def test_weekly_community_digest_goes_out_on_monday_morning(
        group_member, coordinator, thread, django_capture_on_commit_callbacks):
    with time_machine.travel(datetime.datetime(2026, 3, 1, 20, 0, tzinfo=AMS),
                             tick=False) as clock:
        Follow.objects.filter(user=group_member).update(frequency="weekly")
        with django_capture_on_commit_callbacks(execute=True):
            reply(thread, coordinator, "Antwoord voor de weekmail")
        scheduler = build_scheduler()
        scheduler.run_due_jobs()
        assert digests() == []

        clock.move_to(datetime.datetime(2026, 3, 2, 7, 29, tzinfo=AMS))  # Monday
        scheduler.run_due_jobs()
        assert digests() == []
        clock.move_to(datetime.datetime(2026, 3, 2, 7, 30, 5, tzinfo=AMS))
        scheduler.run_due_jobs()
        [digest] = digests()
        assert digest.to == group_member.email
        assert "Antwoord voor de weekmail" in digest.body_text

        record = ScheduledJob.objects.get(name="community.weekly_digest")
        assert record.last_succeeded is True and record.success_count == 1
        assert record.next_run_at == datetime.datetime(2026, 3, 9, 7, 30, tzinfo=AMS)
        clock.move_to(datetime.datetime(2026, 3, 3, 7, 30, 5, tzinfo=AMS))  # not Tuesday
        scheduler.run_due_jobs()
        assert len(digests()) == 1
        scheduler.shutdown()
