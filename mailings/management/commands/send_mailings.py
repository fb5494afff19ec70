from django.core.management.base import BaseCommand

from mailings.sending import resume_unfinished_mailings


class Command(BaseCommand):
    help = ("Continue every mailing whose sending started but did not finish (e.g. after a "
            "crash). Nobody receives a mailing twice.")

    def handle(self, *args, **options):
        count = resume_unfinished_mailings()
        self.stdout.write(f"{count} mailings continued.")
