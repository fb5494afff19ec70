from django.core.management.base import BaseCommand

from learninglines.privacy import anonymise_old_registrations, retention_cutoff


class Command(BaseCommand):
    help = ("Remove the person from registrations of sessions that ended longer ago than "
            "REGISTRATION_RETENTION_DAYS (default 730); figures keep counting them.")

    def handle(self, *args, **options):
        count = anonymise_old_registrations()
        self.stdout.write(f"Anonymised {count} registration(s) of sessions that ended before "
                          f"{retention_cutoff():%Y-%m-%d}.")
