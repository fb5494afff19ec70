from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def parse_po(path):
    """Entries of a .po file as (msgid, msgstr, fuzzy) without external tools."""
    entries, msgid, msgstr, fuzzy, field = [], None, None, False, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if msgid is not None:
                entries.append((msgid, msgstr, fuzzy))
            msgid, msgstr, fuzzy, field = None, None, False, None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            msgid, field = line[6:].strip('"'), "id"
        elif line.startswith("msgid_plural"):
            field = "plural"
        elif line.startswith("msgstr"):
            value = line.split(" ", 1)[1].strip('"')
            msgstr = (msgstr or "") + value if line.startswith("msgstr[") or msgstr is None \
                else msgstr
            field = "str"
        elif line.startswith('"'):
            if field == "id":
                msgid += line.strip('"')
            elif field == "str":
                msgstr = (msgstr or "") + line.strip('"')
    return [entry for entry in entries if entry[0]]


def catalogues():
    found = [path for path in ROOT.glob("**/locale/nl/LC_MESSAGES/django.po")
             if ".venv" not in path.parts]
    assert len(found) >= 2
    return found


def test_dutch_catalogues_are_complete():
    for catalogue in catalogues():
        entries = parse_po(catalogue)
        missing = [msgid for msgid, msgstr, fuzzy in entries if not msgstr or fuzzy]
        assert missing == [], catalogue


def test_compiled_catalogues_match_the_po_files():
    """The committed .mo files (what Django reads) hold every translation of the .po files."""
    for catalogue in catalogues():
        check_compiled(catalogue)


def check_compiled(catalogue):
    import gettext

    import polib

    with open(catalogue.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in polib.pofile(str(catalogue)):
        if entry.obsolete or entry.fuzzy:
            continue
        if entry.msgid_plural:
            for number, index in ((1, 0), (2, 1)):
                text = compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural,
                                          number) if entry.msgctxt else \
                    compiled.ngettext(entry.msgid, entry.msgid_plural, number)
                assert text == entry.msgstr_plural[index], entry.msgid
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid
