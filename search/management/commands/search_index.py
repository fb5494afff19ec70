import sys

from django.core.management.base import BaseCommand, CommandError

from search import service


def progress_bar(stream):
    def report(done, total, stage):
        total = max(total, 1)
        width = 30
        filled = int(width * done / total)
        stream.write(f"\r{stage:>16} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return report


class Command(BaseCommand):
    help = "Portal search index: rebuild | update | status"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "status"])

    def handle(self, action, **options):
        if action == "rebuild":
            count = service.rebuild(progress=progress_bar(sys.stdout))
            self.stdout.write(self.style.SUCCESS(f"Rebuilt: {count} documents."))
        elif action == "update":
            applied = service.catch_up()
            self.stdout.write(f"Caught up {applied} pending update(s).")
            status = service.status()
            if status.get("pending_updates"):
                raise CommandError(
                    f"{status['pending_updates']} update(s) still pending: engine unavailable"
                )
        else:
            for name, value in service.status().items():
                self.stdout.write(f"{name}: {value}")
