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

The copy is shared by the test processes of one run (pytest-xdist workers): the first
to need it makes it under a file lock, the others read it from the run's temporary
directory. A copy is the whole content of every table, ids and content types included,
so it is the same database wherever it is put back; PostgreSQL's id sequences are then
moved past the highest id. Files (images, documents) stay on disk under MEDIA_ROOT, where
the real run wrote them.
"""

import fcntl
import pickle  # nosec B403 (a file this test run writes and reads itself)
from dataclasses import dataclass, field
from pathlib import Path

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


def demo_content(kind, directory):
    """Demo content in the test database: made by ``load_demo`` the first time in this
    test run for ``kind`` ("atomic" or "committed"), put back from the copy afterwards
    (``directory`` holds the copy shared by the run's processes). Returns the DemoCopy
    (its ``sent`` are the e-mails ``load_demo`` sent: subject and recipients)."""
    copy = _copies.get(kind)
    if copy is None:
        path = Path(directory) / f"demo-{kind}-{connection.vendor}.pickle"
        with open(path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be making it now
            if path.exists():
                copy = pickle.loads(path.read_bytes())  # noqa: S301  # nosec B301
            else:
                outbox_before = len(mail.outbox)
                call_command("load_demo", verbosity=0)
                copy = DemoCopy(tables=_dump(), sent=[
                    (message.subject, message.to) for message in mail.outbox[outbox_before:]])
                path.write_bytes(pickle.dumps(copy))
                _copies[kind] = copy
                return copy
        _copies[kind] = copy
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
