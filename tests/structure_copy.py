"""The site structure (portal.site_structure.ensure_site_structure), made once per test
process and put back per test.

Publishing the home page, the section pages and their English translations (16 pages,
each with its revision, reference index and search document) takes some seconds, and
most tests start with it. The first test of a process that asks for it, on the database
as migrate left it, runs ``ensure_site_structure`` for real and keeps a copy of every
table (tests/demo_copy.py); a later test that starts from that same database gets the
rows back instead: the same content, ids included, in the test's own transaction.

The copy is only used where it is exactly what the real run would make: in a test's
transaction (not in a transactional test, where commits run ``on_commit`` work), with the
database search backend (an external engine's documents are not in the tables), when the
test has written nothing to the database before (no other fixture's rows to lose), the
row count of every table is still the one the copy was made from (no flush by an earlier
transactional test), and every setting has the value it had when the copy was made (a
test that queues tasks instead of running them, say, sees what the real run queues: it
gets a copy of its own settings' run). Otherwise the fixture runs
``ensure_site_structure`` as before.
"""

from django.conf import settings
from django.core import mail
from django.db import connection

from tests.demo_copy import DemoCopy, _dump, _quote, _restore, _tables

# Statements that change no row; anything else counts as a write.
READ_ONLY = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "PRAGMA", "SET", "SHOW", "BEGIN")

_copies = {}  # the row counts before: the copy


class WriteTracker:
    """An execute wrapper that notes whether any statement other than a read ran."""

    def __init__(self):
        self.wrote = False

    def __call__(self, execute, sql, params, many, context):
        if not self.wrote and not sql.lstrip().upper().startswith(READ_ONLY):
            self.wrote = True
        return execute(sql, params, many, context)


def _row_counts():
    with connection.cursor() as cursor:
        tables = _tables(cursor)
        counts = ", ".join(f"(SELECT COUNT(*) FROM {_quote(table)})"  # noqa: S608  # nosec B608
                           for table in tables)
        cursor.execute(f"SELECT {counts}")  # noqa: S608  # nosec B608
        return dict(zip(tables, cursor.fetchone(), strict=True))


def _settings_state(holder):
    return {name: repr(getattr(holder, name)) for name in dir(holder) if name.isupper()}


def _settings_key():
    """What the settings are: "" as configured, otherwise every setting's value (a test
    that overrides settings, with pytest-django's ``settings`` or ``override_settings``,
    gets a copy made under the same values only)."""
    base = settings._wrapped
    while hasattr(base, "default_settings"):  # an override: UserSettingsHolder
        base = base.default_settings
    if base is settings._wrapped:
        return ""
    state = _settings_state(settings)
    return "" if state == _settings_state(base) else repr(sorted(state.items()))


def _usable(tracker):
    return (connection.in_atomic_block and tracker is not None and not tracker.wrote
            and settings.PORTAL_SEARCH_BACKEND == "database")


def _references(structure):
    def ref(page):
        return type(page), page.pk

    return {"home": ref(structure["home"]), "home_en": ref(structure["home_en"]),
            "sections": {slug: ref(page) for slug, page in structure["sections"].items()},
            "site": ref(structure["site"])}


def _objects(references):
    def get(ref):
        model, pk = ref
        return model.objects.get(pk=pk)

    return {"home": get(references["home"]), "home_en": get(references["home_en"]),
            "sections": {slug: get(ref) for slug, ref in references["sections"].items()},
            "site": get(references["site"])}


def site_structure(tracker):
    """What ``ensure_site_structure`` returns, the tables as it leaves them."""
    from portal.site_structure import ensure_site_structure

    if not _usable(tracker):
        return ensure_site_structure()
    # The database the copy starts from, and the settings it was made under.
    start = (repr(sorted(_row_counts().items())), _settings_key())
    copy = _copies.get(start)
    if copy is not None:
        _restore(copy["tables"])
        return _objects(copy["references"])
    outbox_before = len(mail.outbox)
    structure = ensure_site_structure()
    if len(mail.outbox) == outbox_before:  # it sent nothing a copy could not send again
        _copies[start] = {"tables": DemoCopy(tables=_dump()),
                          "references": _references(structure)}
    return structure

