from django.core.management.base import BaseCommand

from community.services.notifications import send_weekly_digests


class Command(BaseCommand):
    help = "Send the weekly community digests (posts followed with 'weekly')."

    def handle(self, *args, **options):
        sent = send_weekly_digests()
        self.stdout.write(f"{sent} community digest(s) queued")
