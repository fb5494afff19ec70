from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    """The steps, in order, are the project's choice: ``PORTAL_DEMO_STEPS`` in
    ledenportaal/settings/base.py (the core app names no feature app)."""

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
        from portal.site_structure import ensure_site_structure

        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write("The database already has content; demo content not loaded.")
            return

        with transaction.atomic():
            for seed_module in settings.PORTAL_REFERENCE_SEEDS:
                import_module(seed_module).seed(apps, None)
            context = dict(ensure_site_structure())
            for step in settings.PORTAL_DEMO_STEPS:
                import_module(step).load(context)
                self.stdout.write(f"  {step}: done")
        self.stdout.write(self.style.SUCCESS("Demo content ready. Demo logins are in README.md."))
