"""Demo self-scans (assessments.demo_content) with closed rounds of most member
organisations, so the sector benchmark shows, and two rounds of Stichting Waterbron
(and one earlier round of Digitaal Dorp), so the trend shows. Idempotent: a scan found by
its slug is left as it is. The demo responses are anonymous (no accounts of their own)."""

import datetime
import random
import uuid
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from assessments import scoring
from assessments.demo_content import LEVELS, SCANS
from assessments.models import Answer, Dimension, Level, Response, Round, Scan, ScanVersion
from assessments.services import keep_result
from memberhub.models import MemberOrganisation

ZONE = ZoneInfo("Europe/Amsterdam")
# (scan slug, organisation names or None for every active one, closed on)
ROUNDS = [
    ("digital-maturity-quick-scan", None, datetime.datetime(2025, 11, 14, 12, tzinfo=ZONE)),
    ("digital-maturity-quick-scan", ["Stichting Waterbron"],
     datetime.datetime(2026, 10, 2, 12, tzinfo=ZONE)),
    ("power-awareness-tool", None, datetime.datetime(2026, 3, 20, 12, tzinfo=ZONE)),
    ("zelfevaluatie-integriteit", None, datetime.datetime(2026, 6, 5, 12, tzinfo=ZONE)),
    ("zelfevaluatie-kwaliteit", ["Gezond Samen", "Kinderkansen Internationaal",
                                 "Oogst Coöperatie"], datetime.datetime(2026, 5, 1, 12,
                                                                         tzinfo=ZONE)),
]
# Organisations that leave their results out of the Quick Scan rounds of 2025 (the demo
# member's Digitaal Dorp is in; Lokaal Leiderschap joins later).
NOT_IN_2025 = {"Lokaal Leiderschap"}


def _id():
    return str(uuid.uuid4())


def _pages(model, slugs):
    if not slugs:
        return []
    found = {page.slug: page for page in model.objects.filter(slug__in=slugs)
             .filter(locale__language_code="nl")}
    return [found[slug] for slug in slugs if slug in found]


def _question(kind, spec, steps):
    if kind == "choice":
        _kind, nl, en, options = spec
        return {"type": "choice", "id": _id(), "value": {
            "text": nl, "text_en": en, "explanation": "", "explanation_en": "",
            "weight": "1.0", "allow_not_applicable": False,
            "options": [{"type": "item", "id": _id(), "value": {
                "label": o_nl, "label_en": o_en, "points": points}}
                for o_nl, o_en, points in options]}}
    _kind, nl, en, explanation, explanation_en = spec
    value = {"text": nl, "text_en": en, "explanation": explanation,
             "explanation_en": explanation_en, "weight": "1.0",
             "allow_not_applicable": kind == "yes_no"}
    if kind == "scale":
        value["steps"] = [{"type": "item", "id": _id(), "value": {"label": s_nl,
                                                                  "label_en": s_en}}
                          for s_nl, s_en in steps]
    else:
        value["yes_is_positive"] = True
    return {"type": kind, "id": _id(), "value": value}


def _advice(title, title_en):
    return [{"type": "advice", "id": _id(), "value": {
        "level": number, "text": f"{title}: {nl}", "text_en": f"{title_en or title}: {en}"}}
        for number, _n, _e, _m, nl, en in LEVELS]


def make_scan(spec):
    from knowledge.models import KnowledgeItemPage
    from learninglines.models import LearningLinePage, WorkingGroupPage

    scan = Scan.objects.create(
        title=spec["title"], title_en=spec["title_en"], slug=spec["slug"], kind=spec["kind"],
        description=spec["description"], description_en=spec["description_en"])
    version = ScanVersion.objects.create(scan=scan, number=1, note="Eerste versie")
    Level.objects.bulk_create(Level(version=version, sort_order=index, number=number,
                                    name=nl, name_en=en, min_score=minimum,
                                    description=d_nl, description_en=d_en)
                              for index, (number, nl, en, minimum, d_nl, d_en)
                              in enumerate(LEVELS))
    for position, dimension in enumerate(spec["dimensions"]):
        line = LearningLinePage.objects.filter(slug=dimension.get("line", ""),
                                               locale__language_code="nl").first()
        recommendations = [{"type": "knowledge_item", "id": _id(), "value": page.pk}
                           for page in _pages(KnowledgeItemPage, dimension.get("knowledge"))]
        recommendations += [{"type": "working_group", "id": _id(), "value": page.pk}
                            for page in _pages(WorkingGroupPage,
                                               [dimension["group"]] if "group" in dimension
                                               else [])]
        Dimension.objects.create(
            version=version, sort_order=position, key=dimension["key"],
            title=dimension["title"], title_en=dimension["title_en"], learning_line=line,
            questions=[_question(question[0], question,
                                 spec["steps"]) for question in dimension["questions"]],
            advice=_advice(dimension["title"], dimension["title_en"]),
            recommendations=recommendations)
    return scan


def demo_round(version, organisation, closed_on, respondents=3, answer_all=True):
    """A closed round with anonymous respondents whose answers lean to the organisation's
    own level (the same each time the demo loads)."""
    definition = scoring.version_definition(version)
    # seeded, repeatable demo figures: no secret comes from it
    chance = random.Random(f"{organisation.slug}-{version.pk}-{closed_on:%Y}")  # nosec B311
    lean = chance.uniform(-1.2, 1.2) + (0.6 if closed_on.year >= 2026 else 0)
    round_ = Round.objects.create(scan=version.scan, version=version, organisation=organisation,
                                  started_at=closed_on - datetime.timedelta(days=21))
    answers = []
    for _person in range(respondents):
        response = Response.objects.create(round=round_, respondent=None,
                                           submitted_at=closed_on)
        for item in definition:
            for question in item.questions:
                values = [value for value, _label in question.choices]
                pick = round((len(values) - 1) * min(1, max(0, 0.5 + (lean + chance.gauss(
                    0, 0.8)) / 4)))
                if question.kind == "yes_no":
                    pick = 0 if chance.random() < 0.45 + lean / 4 else 1
                answers.append(Answer(response=response, question_key=question.key,
                                      value=values[pick]))
    Answer.objects.bulk_create(answers)
    return keep_result(round_, completed_at=closed_on)


def load(context):
    made = {}
    for spec in SCANS:
        if not Scan.objects.filter(slug=spec["slug"]).exists():
            made[spec["slug"]] = make_scan(spec)
    active = list(MemberOrganisation.objects.active().order_by("name"))
    for slug, names, closed_on in ROUNDS:
        scan = made.get(slug)
        if scan is None:  # existed before: its rounds too
            continue
        version = scan.versions.get(number=1)
        organisations = [o for o in active if (names is None and o.name not in NOT_IN_2025)
                         or (names and o.name in names)]
        for index, organisation in enumerate(organisations):
            demo_round(version, organisation, closed_on, respondents=2 + index % 3)
    context["scans"] = {slugify(key): value for key, value in made.items()}
