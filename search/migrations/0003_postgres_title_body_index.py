"""PostgreSQL: a GIN index on the expression the database backend matches on
(``title || body`` of Wagtail's index entries, search/backends/database.py), so a search
reads the matching entries only instead of every entry. SQLite matches on its FTS5 table."""

from django.db import migrations

INDEX = "portal_search_entry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry"
                              " USING gin ((title || body))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_facet_value_label"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
