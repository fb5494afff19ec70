"""Check that a restored database and media directory make a working portal.

Run it after restoring a backup (docs/deployment.md); it exits non-zero on any problem.
Other apps add their checks through the Wagtail hook ``register_restore_check``: a function
without arguments that returns ``(lines to print, problems found)`` (search reports its
document count).
"""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site


class Command(BaseCommand):
    help = "Verify a restore: database, migrations, site tree, media files, search documents."

    def handle(self, *args, **options):
        problems = []
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            problems.append(f"{len(pending)} migration(s) not applied")

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            problems.append("no default site")
        live_pages = Page.objects.live().count()
        self.stdout.write(f"live pages: {live_pages}")

        missing = []
        for model in (get_image_model(), get_document_model()):
            for item in model.objects.only("id", "file").iterator():
                if item.file and not default_storage.exists(item.file.name):
                    missing.append(item.file.name)
        if missing:
            problems.append(f"{len(missing)} media file(s) missing, e.g. {missing[:3]}")
        self.stdout.write(f"media files checked; missing: {len(missing)}")

        for check in hooks.get_hooks("register_restore_check"):
            lines, found = check()
            for line in lines:
                self.stdout.write(line)
            problems.extend(found)
        if problems:
            raise CommandError("Restore check failed: " + "; ".join(problems))
        self.stdout.write(self.style.SUCCESS("Restore check passed."))
