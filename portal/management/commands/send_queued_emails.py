from django.core.management.base import BaseCommand

from portal.mail import retry_due_emails


class Command(BaseCommand):
    help = "Send queued e-mails that are due (run every few minutes from cron or a worker)."

    def handle(self, *args, **options):
        count = retry_due_emails()
        self.stdout.write(f"Tried {count} queued e-mail(s).")
