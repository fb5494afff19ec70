"""Periodic jobs: the work of docs/deployment.md that runs on a schedule.

The core knows no feature app. An app with work that must happen on a schedule (digests,
evaluation invitations, retention, ...) registers it with the Wagtail hook
``register_periodic_jobs``: a function returning an iterable of :class:`PeriodicJob`, each
naming a django-tasks task that takes no arguments and a crontab schedule.

``manage.py run_scheduler`` (portal/scheduler.py, APScheduler 3) enqueues, at each job's
time, :func:`run_periodic_job_task` with the job's name; wherever that task runs (in the
process with the immediate backend, or in ``manage.py db_worker``) it calls the job's task
and writes the outcome to :class:`portal.models.ScheduledJob`, which editors see in the
admin (Reports → Scheduled work).

A setting ``PORTAL_SCHEDULE = {"mailings.digests": "0 8 * * mon"}`` overrides a job's
schedule; ``PORTAL_SCHEDULE = {"mailings.digests": ""}`` switches it off.
"""

import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task
from wagtail import hooks

logger = logging.getLogger(__name__)

HOOK = "register_periodic_jobs"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class PeriodicJob:
    name: str       # stable, stored: "<app>.<name>", e.g. "mailings.digests"
    label: str      # shown to editors (a lazy translation)
    task: Task      # a django-tasks task without arguments
    schedule: str   # crontab "minute hour day month weekday"; weekdays as mon..sun

    def __post_init__(self):
        if "." not in self.name:
            raise ValueError(f"periodic job {self.name}: a name is '<app>.<name>'")
        if not isinstance(self.task, Task):
            raise ValueError(f"periodic job {self.name}: task must be a django-tasks task")
        trigger_for(self.schedule)  # a bad schedule is a programming error: say so now

    @property
    def effective_schedule(self):
        return getattr(settings, "PORTAL_SCHEDULE", {}).get(self.name, self.schedule)


def trigger_for(schedule):
    """An APScheduler cron trigger in the site's time zone. Weekdays must be written as
    mon..sun: APScheduler counts 0 as Monday where crontab counts 0 as Sunday, and a
    digit would silently mean another day (django-crontask refuses them for that reason)."""
    fields = schedule.split()
    if len(fields) != 5:
        raise ValueError(f"schedule {schedule!r}: five crontab fields expected")
    if any(character.isdigit() for character in fields[4]):
        raise ValueError(f"schedule {schedule!r}: write weekdays as mon..sun, not digits")
    return CronTrigger.from_crontab(schedule, timezone=ZoneInfo(settings.TIME_ZONE))


def registered_jobs():
    """{name: PeriodicJob} of every installed app, in hook order; switched-off jobs
    (an empty schedule in PORTAL_SCHEDULE) left out. Two apps using one name is a
    programming error."""
    found = {}
    for provider in hooks.get_hooks(HOOK):
        for job in provider():
            if job.name in found:
                raise ValueError(f"periodic job {job.name} registered twice")
            if job.effective_schedule:
                found[job.name] = job
    return found


def _record(name):
    from portal.models import ScheduledJob

    return ScheduledJob.objects.get_or_create(name=name)[0]


def _update(name, **fields):
    from portal.models import ScheduledJob

    _record(name)
    ScheduledJob.objects.filter(name=name).update(**fields)


def run_job(name):
    """Run one job now, in this process, and record how it went. Returns the task's
    result; re-raises its error after recording it, so the task backend records it too."""
    from django.db.models import F

    job = registered_jobs().get(name)
    if job is None:
        raise LookupError(f"no periodic job {name!r} is registered")
    _update(name, last_started_at=timezone.now(), running=True)
    try:
        result = job.task.call()
    except Exception as error:
        _update(name, running=False, last_finished_at=timezone.now(), last_succeeded=False,
                last_error=f"{type(error).__name__}: {error}"[:2000],
                failure_count=F("failure_count") + 1)
        logger.exception("Periodic job %s failed", name)
        raise
    _update(name, running=False, last_finished_at=timezone.now(), last_succeeded=True,
            last_error="", success_count=F("success_count") + 1,
            last_result=str(result)[:200] if result is not None else "")
    return result


@task()
def run_periodic_job_task(name):
    return run_job(name)


def enqueue_job(name):
    """What the scheduler does at a job's time: hand the job to the task backend. A
    backend that refuses is recorded as a failure; the scheduler goes on."""
    from django.db.models import F

    _update(name, last_enqueued_at=timezone.now())
    try:
        run_periodic_job_task.enqueue(name)
    except Exception as error:  # the backend being down must not stop the scheduler
        _update(name, last_succeeded=False, failure_count=F("failure_count") + 1,
                last_error=f"{type(error).__name__}: {error}"[:2000])
        logger.exception("Could not enqueue periodic job %s", name)


def record_next_run(name, when):
    _update(name, next_run_at=when)
