"""The message catalogues are complete in both directions.

The source strings (msgids) are English, so the English site shows them as they are and
needs no catalogue of its own: "the English catalogue" is the msgids, and the check
here is that they really are English. Dutch lives in the .po files: every message the
code and templates use must have a Dutch translation there (not fuzzy, not empty), and a
catalogue holds nothing the code no longer uses.

The messages are extracted with Django's own ``makemessages`` into a temporary copy of
the sources, so the check sees exactly what ``make messages`` would see.
"""

import gettext
import importlib.util
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
# What the project catalogue (locale/) covers besides the apps with their own catalogue.
PROJECT_SOURCES = ["portal", "templates", "ledenportaal"]
SKIPPED = shutil.ignore_patterns("*.po", "*.mo", "__pycache__", "migrations", "static")

# Words that only Dutch uses: a msgid holding one of them is Dutch, and would show
# untranslated on the English site.
DUTCH_WORDS = {
    "aanmelden", "alle", "bent", "bij", "de", "deze", "dit", "een", "geen", "heeft",
    "hebt", "het", "je", "jij", "jouw", "kun", "kunt", "leden", "naar", "niet", "nog",
    "ons", "onze", "ook", "uit", "uw", "van", "voor", "waar", "wat", "wie", "wij", "wilt",
    "wordt", "worden", "zijn",
}
# The reader is addressed with "je"/"jouw" everywhere, never "u"/"uw".
FORMAL_ADDRESS = re.compile(r"\b(u|uw|uzelf|uwe)\b", re.IGNORECASE)


def app_catalogue_dirs():
    """Apps of this project that keep their own catalogue (<app>/locale)."""
    return sorted(path.parents[3].name for path in ROOT.glob("*/locale/nl/LC_MESSAGES/django.po")
                  if path.parents[3] != ROOT)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """{catalogue path relative to ROOT: the freshly extracted catalogue (polib)}."""
    tmp = tmp_path_factory.mktemp("messages")
    for name in PROJECT_SOURCES + app_catalogue_dirs():
        shutil.copytree(ROOT / name, tmp / name, ignore=SKIPPED)
    (tmp / "locale").mkdir()
    import os

    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        with override_settings(LOCALE_PATHS=[str(tmp / "locale")]):
            call_command("makemessages", locale=["nl"], verbosity=0, no_obsolete=True)
    finally:
        os.chdir(cwd)
    found = {path.relative_to(tmp): polib.pofile(str(path))
             for path in tmp.glob("**/locale/nl/LC_MESSAGES/django.po")}
    assert len(found) == len(app_catalogue_dirs()) + 1, found
    return found


def key(entry):
    return entry.msgctxt, entry.msgid, entry.msgid_plural or None


def translated(entry):
    if entry.fuzzy or entry.obsolete:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def upstream_dutch():
    """The Dutch catalogues of Django and the installed third-party apps (Wagtail, …):
    a template that reuses one of their messages needs no entry of its own."""
    import django

    from ledenportaal.settings import base

    dirs = [Path(django.__file__).parent / "conf" / "locale"]
    for name in base.INSTALLED_APPS:
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            path = Path(next(iter(spec.submodule_search_locations)))
            # Installed packages only: the virtualenv may sit inside the checkout (.venv).
            if "site-packages" in path.parts or not path.is_relative_to(ROOT):
                dirs.append(path / "locale")
    catalogues = []
    for directory in dirs:
        try:
            catalogues.append(gettext.translation("django", directory, ["nl"]))
        except OSError:
            continue
    return catalogues


def translated_upstream(entry, catalogues):
    for catalogue in catalogues:
        if entry.msgctxt:
            text = catalogue.pgettext(entry.msgctxt, entry.msgid)
        elif entry.msgid_plural:
            text = catalogue.ngettext(entry.msgid, entry.msgid_plural, 2)
            if text != entry.msgid_plural:
                return True
            continue
        else:
            text = catalogue.gettext(entry.msgid)
        if text != entry.msgid:
            return True
    return False


def test_every_message_has_a_dutch_translation_and_nothing_is_obsolete(extracted):
    upstream = upstream_dutch()
    problems = []
    for relative, fresh in sorted(extracted.items()):
        catalogue = polib.pofile(str(ROOT / relative))
        entries = {key(entry): entry for entry in catalogue}
        used = {key(entry) for entry in fresh}
        for entry in fresh:
            have = entries.get(key(entry))
            if have is not None and translated(have):
                continue
            if have is None and translated_upstream(entry, upstream):
                continue
            where = ", ".join(f"{file}:{line}" for file, line in entry.occurrences[:2])
            problems.append(f"{relative}: no Dutch for {entry.msgid!r} ({where})")
        for entry in catalogue:
            if key(entry) not in used:
                problems.append(f"{relative}: obsolete {entry.msgid!r}")
            elif entry.fuzzy:
                problems.append(f"{relative}: fuzzy {entry.msgid!r}")
        problems += [f"{relative}: obsolete #~ {entry.msgid!r}"
                     for entry in catalogue.obsolete_entries()]
    assert problems == [], "\n".join(problems)


def all_entries():
    for path in sorted(ROOT.glob("**/locale/nl/LC_MESSAGES/django.po")):
        if ".venv" in path.parts:
            continue
        for entry in polib.pofile(str(path)):
            yield path.relative_to(ROOT), entry


def test_the_source_messages_are_english():
    """No Dutch msgid: it would show as Dutch on the English site."""
    dutch = []
    for relative, entry in all_entries():
        for text in filter(None, (entry.msgid, entry.msgid_plural)):
            words = set(re.findall(r"[a-zà-ÿ]+", re.sub(
                r"%\(\w+\)\w|\{\{.*?\}\}|<[^>]+>|\S*/\S*", " ", text.lower())))
            if words & DUTCH_WORDS:
                dutch.append(f"{relative}: {text!r} ({sorted(words & DUTCH_WORDS)})")
    assert dutch == [], "\n".join(dutch)


def test_dutch_addresses_the_reader_with_je():
    formal = []
    for relative, entry in all_entries():
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        for text in texts:
            if FORMAL_ADDRESS.search(re.sub(r"%\(\w+\)\w", " ", text)):
                formal.append(f"{relative}: {entry.msgid[:50]!r} -> {text!r}")
    assert formal == [], "\n".join(formal)
