from django.core.management.base import BaseCommand

from learninglines.services import send_evaluation_invitations


class Command(BaseCommand):
    help = ("E-mail a personal evaluation link to every attendee of a recently ended session "
            "(once per registration; safe to run as often as you like, e.g. hourly).")

    def handle(self, *args, **options):
        sent = send_evaluation_invitations()
        self.stdout.write(f"{sent} evaluation invitation(s) queued.")
