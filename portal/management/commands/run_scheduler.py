import signal

from django.core.management.base import BaseCommand

from portal.periodic import registered_jobs
from portal.scheduler import build_scheduler


class Command(BaseCommand):
    help = ("Run the periodic jobs of docs/deployment.md on their schedules (queued e-mails, "
            "scheduled publishing, search catch-up, evaluation invitations, digests, "
            "resumed mailings, retention) until stopped. Run one per installation.")

    def add_arguments(self, parser):
        parser.add_argument("--run-now", action="store_true",
                            help="Run every job once at start too (used by `make serve`).")
        parser.add_argument("--list", action="store_true",
                            help="Show the jobs and their schedules, and stop.")

    def handle(self, *args, **options):
        jobs = registered_jobs()
        if options["list"]:
            for name, job in jobs.items():
                self.stdout.write(f"{name:40} {job.effective_schedule:20} {job.label}")
            return
        scheduler = build_scheduler(run_now=options["run_now"])

        def stop(signum, frame):
            self.stdout.write("Stopping the scheduler.")
            scheduler.shutdown(wait=False)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        for name, when in scheduler.next_runs().items():
            self.stdout.write(f"{name}: next run {when:%Y-%m-%d %H:%M %Z}")
        self.stdout.write(self.style.SUCCESS(f"Scheduler started with {len(jobs)} job(s)."))
        scheduler.run_forever()
