from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from mailings.services import mark_invalid


class Command(BaseCommand):
    help = "Mark an e-mail address as bounced or invalid: nothing more is sent to it."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--reason", default="bounced")

    def handle(self, *args, **options):
        try:
            skipped = mark_invalid(options["email"], options["reason"])
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {options['email']}") from error
        self.stdout.write(f"{options['email']} marked as invalid; {skipped} waiting e-mails "
                          "skipped.")
