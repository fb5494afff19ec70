from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Load idempotent demo content and demo accounts (never in production)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true",
            help="Only load when the site has no home page yet (used by `make serve`).",
        )

    def handle(self, *args, **options):
        if getattr(settings, "PORTAL_ENVIRONMENT", "") == "production":
            raise CommandError("load_demo refuses to run with production settings.")

        from portal.models import HomePage

        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write("The database already has content; demo content not loaded.")
            return

        from learninglines import demo as learninglines_demo
        from memberhub import demo as memberhub_demo
        from portal import demo as portal_demo
        from portal.site_structure import ensure_site_structure

        with transaction.atomic():
            structure = ensure_site_structure()
            portal_demo.load(structure)
            organisations = memberhub_demo.load()
            learninglines_demo.load(structure)
        self.stdout.write(self.style.SUCCESS(
            f"Demo content ready: {len(organisations)} organisations, site tree and accounts."
        ))
