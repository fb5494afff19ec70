"""The demo content, made once per test process by ``load_demo`` and put back per test.

``manage.py load_demo`` publishes some 150 pages with their revisions, reference index and
search index, and takes half a minute to a minute; some 30 tests start from it. The first
test of a process that asks for the demo runs the command for real and keeps a copy of
every table (a plain copy of rows: SQLite ``SELECT``, PostgreSQL ``COPY ... BINARY``); each
later test gets those rows back in a fraction of a second: the same database content the
command made, in the test's own transaction (rolled back afterwards) or, for browser
tests, committed (then flushed by pytest-django as before).

Two copies are kept because the two kinds of test see different results of the command:
in a test's transaction nothing is committed, so ``transaction.on_commit`` work (search
documents, notifications) does not run; a transactional test commits and it does.

Files (images, documents) stay on disk under MEDIA_ROOT, where the real run wrote them.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

# FTS5 keeps a virtual table and its shadow tables filled by triggers on
# modelsearch_indexentry: copying that table fills them again.
FTS5_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
NEVER_COPIED = {"django_migrations"}


@dataclass
class DemoCopy:
    tables: dict = field(default_factory=dict)  # table name: (columns, rows or COPY data)
    sent: list = field(default_factory=list)  # the e-mails the real run sent


_copies = {}


def demo_content(kind):
    """Demo content in the test database: made by ``load_demo`` the first time in this
    process for ``kind`` ("atomic" or "committed"), put back from the copy afterwards.
    Returns the DemoCopy (its ``sent`` are the e-mails ``load_demo`` sent)."""
    copy = _copies.get(kind)
    if copy is None:
        outbox_before = len(mail.outbox)
        call_command("load_demo", verbosity=0)
        copy = DemoCopy(tables=_dump(), sent=list(mail.outbox[outbox_before:]))
        _copies[kind] = copy
    else:
        _restore(copy)
    return copy


def _tables(cursor):
    names = set(connection.introspection.table_names(cursor)) - NEVER_COPIED
    if connection.vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                       "AND sql LIKE 'CREATE VIRTUAL TABLE%'")
        for (virtual,) in cursor.fetchall():
            names.discard(virtual)
            names -= {virtual + suffix for suffix in FTS5_SHADOW_SUFFIXES}
    return sorted(names)


def _quote(name):
    return connection.ops.quote_name(name)


def _dump():
    tables = {}
    with connection.cursor() as cursor:
        for table in _tables(cursor):
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {_quote(table)} TO STDOUT (FORMAT BINARY)") \
                        as copy:
                    data = b"".join(bytes(chunk) for chunk in copy)
                tables[table] = (None, data)
            else:
                columns = [column.name for column in
                           connection.introspection.get_table_description(cursor, table)]
                # ``+column`` is the stored value itself: no declared type, so none of the
                # converters Django registers (dates, booleans) turns it into Python.
                values = ", ".join(f"+{_quote(column)}" for column in columns)
                cursor.execute(f"SELECT {values} FROM {_quote(table)}")  # noqa: S608  # nosec B608
                tables[table] = (columns, cursor.fetchall())
    return tables


def _restore(copy):
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    with transaction.atomic(), connection.cursor() as cursor:
        # Foreign keys are deferred (Django creates them DEFERRABLE INITIALLY DEFERRED on
        # both databases): the order of deletes and inserts does not matter.
        for table in copy.tables:
            cursor.execute(f"DELETE FROM {_quote(table)}")  # noqa: S608  # nosec B608
        for table, (columns, rows) in copy.tables.items():
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {_quote(table)} FROM STDIN (FORMAT BINARY)") \
                        as target:
                    target.write(rows)
            elif rows:
                names = ", ".join(_quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})",  # noqa: S608  # nosec B608
                    rows)
        sequences = _sequence_reset_sql(copy.tables)
        if sequences:
            cursor.execute(";\n".join(sequences))
    # What this process remembers of the database it had before.
    ContentType.objects.clear_cache()
    cache.clear()
    from portal.selectors import forget_locales

    forget_locales()


def _sequence_reset_sql(tables):
    """PostgreSQL: each id sequence continues after the highest id copied in."""
    models = [model for model in apps.get_models(include_auto_created=True)
              if model._meta.db_table in tables]
    return connection.ops.sequence_reset_sql(no_style(), models)
