from django.core.management.base import BaseCommand

from mailings.digests import send_digests


class Command(BaseCommand):
    help = "Queue the weekly personal digests (run once a week, e.g. Monday morning)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, **options):
        count = send_digests(batch_size=max(1, options["batch_size"]))
        self.stdout.write(f"{count} digests queued.")
