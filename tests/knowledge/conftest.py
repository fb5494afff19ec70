import datetime

import pytest

from knowledge.models import Kind
from tests.factories import OrganisationFactory

from .factories import make_item, make_line


@pytest.fixture
def kennisbank(site_structure):
    return site_structure["sections"]["kennisbank"]


@pytest.fixture
def lines(site_structure):
    return {
        "dr": make_line(site_structure, "digital-readiness", "Digital Readiness"),
        "ep": make_line(site_structure, "equitable-partnerships", "Equitable Partnerships"),
    }


@pytest.fixture
def catalogue(kennisbank, lines, db):
    """A varied set of items: kinds, lines, tracks, themes, SDGs, organisations,
    languages and years, including member-only ones."""
    alfa = OrganisationFactory(name="Alfa Hulp", slug="alfa-hulp")
    beta = OrganisationFactory(name="Beta Zorg", slug="beta-zorg")
    specs = [
        ("Power tool", Kind.TOOL, ["ep"], "practitioner", ["Machtsverhoudingen"], [10],
         [alfa], "nl", 2025),
        ("Scan", Kind.TOOL, ["dr"], "both", ["Digitale autonomie", "Cyberveiligheid"], [9],
         [beta], "nl", 2024),
        ("AI guide", Kind.PUBLICATION, ["dr"], "practitioner", ["Kunstmatige intelligentie"],
         [9, 16], [alfa, beta], "en", 2026),
        ("Paper partners", Kind.POSITION_PAPER, ["ep", "dr"], "leadership",
         ["Machtsverhoudingen"], [17], [alfa], "nl", 2025),
        ("Report loose", Kind.REPORT, [], "", [], [], [], "nl", 2023),
        ("Video civic", Kind.VIDEO, ["ep"], "leadership", ["Maatschappelijke ruimte"], [16],
         [], "en", 2025),
        ("Other thing", Kind.OTHER, [], "both", ["Cyberveiligheid"], [9], [beta], "nl", 2024),
        ("Handbook", Kind.PUBLICATION, ["ep"], "", ["Inclusieve communicatie"], [5, 10],
         [beta], "nl", 2023),
    ]
    items = {}
    for title, kind, line_keys, track, themes, sdgs, orgs, language, year in specs:
        items[title] = make_item(
            kennisbank, title, kind=kind, lines=[lines[key] for key in line_keys],
            track=track, themes=themes, sdgs=sdgs, organisations=orgs, language=language,
            publication_date=datetime.date(year, 3, 1),
        )
    items["Monitor"] = make_item(
        kennisbank, "Geheime monitor week 12", kind=Kind.POLITICAL_MONITOR, lines=[lines["ep"]],
        track="leadership", themes=["Machtsverhoudingen"], sdgs=[10], organisations=[alfa],
        publication_date=datetime.date(2025, 3, 1),
    )
    items["Members tool"] = make_item(
        kennisbank, "Besloten ledentool", kind=Kind.TOOL, lines=[lines["dr"]],
        track="practitioner", themes=["Digitale autonomie"], sdgs=[9], organisations=[beta],
        members_only=True, publication_date=datetime.date(2026, 3, 1),
    )
    items["Draft"] = make_item(kennisbank, "Concept item", kind=Kind.TOOL, publish=False,
                               lines=[lines["dr"]])
    return {"items": items, "alfa": alfa, "beta": beta}
