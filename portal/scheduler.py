"""The scheduler behind ``manage.py run_scheduler``: APScheduler 3 with one cron job per
registered periodic job (portal/periodic.py).

Why APScheduler and not django-crontask: django-crontask (which is itself a thin layer
over APScheduler's BlockingScheduler) needs Django 6 and Python 3.12 in every published
version; this project runs Django 5.2 LTS on Python 3.11 with the django-tasks backport.
So the scheduler is APScheduler's own, and each job only *enqueues* a django-tasks task;
the work runs wherever tasks run (in the process, or in ``manage.py db_worker``).

Run one scheduler per installation (compose: the ``scheduler`` service). Every job is
idempotent (dedupe keys, delivered-item records), so an extra run sends nothing twice.

A job whose recorded next run passed while no scheduler ran is run once at start
(coalesced), so a restart over a Monday morning still sends that week's digests.
"""

import logging
import threading
from datetime import datetime

from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from django.db import close_old_connections, connection
from django.utils import timezone

from portal import periodic

logger = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 3600  # wake at least hourly (clock changes, a changed record)


def _fresh_connections():
    """Drop database connections that broke or outlived CONN_MAX_AGE, as Django does
    around each request: the scheduler runs for weeks. Not inside a transaction (a test's:
    closing would end it)."""
    if not connection.in_atomic_block:
        close_old_connections()


def _run(name):
    """The callable APScheduler runs at a job's time (in the scheduler's thread)."""
    _fresh_connections()
    try:
        periodic.enqueue_job(name)
    finally:
        _fresh_connections()


class PortalScheduler(BaseScheduler):
    """APScheduler's scheduler, driven by :meth:`run_due_jobs`: the main loop of
    :meth:`run_forever` calls it after each wait, and a test calls it under a frozen
    clock (time-machine), so nothing sleeps in a test.

    Jobs run in the scheduler's own thread (DebugExecutor): they only enqueue a task,
    and a single thread keeps Django's database connection handling simple."""

    def __init__(self, **options):
        options.setdefault("timezone", timezone.get_default_timezone())
        options.setdefault("executors", {"default": DebugExecutor()})
        # A late run still runs (once: coalesced); one instance of a job at a time.
        options.setdefault("job_defaults", {"coalesce": True, "max_instances": 1,
                                            "misfire_grace_time": None})
        super().__init__(**options)
        self._wake = threading.Event()
        self._recorded = {}

    # BaseScheduler's abstract parts ------------------------------------------------

    def wakeup(self):
        self._wake.set()

    def shutdown(self, wait=True):
        super().shutdown(wait)
        self._wake.set()

    # Ours ----------------------------------------------------------------------------

    def add_periodic_jobs(self, jobs=None, run_now=False):
        """One cron job per registered periodic job; ``run_now``: each runs once at start
        too. A job whose recorded next run has passed runs at start."""
        from portal.models import ScheduledJob

        jobs = periodic.registered_jobs() if jobs is None else jobs
        recorded = dict(ScheduledJob.objects.filter(name__in=list(jobs))
                        .values_list("name", "next_run_at"))
        now = timezone.now()
        for name, job in jobs.items():
            trigger = periodic.trigger_for(job.effective_schedule)
            options = {}
            missed = recorded.get(name)
            if run_now or (missed is not None and missed <= now):
                options["next_run_time"] = datetime.now(self.timezone)
            self.add_job(_run, trigger=trigger, args=[name], id=name, name=str(job.label),
                         replace_existing=True, **options)

    def next_runs(self):
        return {job.id: job.next_run_time for job in self.get_jobs()}

    def run_due_jobs(self):
        """Run every job whose time has come and write each job's next run; the seconds
        until the next job is due (None: no jobs)."""
        wait = self._process_jobs()
        self._record_next_runs()
        return wait

    def _record_next_runs(self):
        _fresh_connections()
        for name, when in self.next_runs().items():
            if self._recorded.get(name) != when:
                periodic.record_next_run(name, when)
                self._recorded[name] = when

    def run_forever(self):
        """Start and process jobs until :meth:`shutdown` (a signal handler calls it)."""
        if self.state == STATE_STOPPED:
            self.start()
        while self.state != STATE_STOPPED:
            wait = self.run_due_jobs()
            self._wake.wait(MAX_WAIT_SECONDS if wait is None else min(wait, MAX_WAIT_SECONDS))
            self._wake.clear()


def build_scheduler(run_now=False):
    """A started scheduler holding every registered job (jobs are due from now on)."""
    scheduler = PortalScheduler()
    scheduler.start()
    scheduler.add_periodic_jobs(run_now=run_now)
    return scheduler
