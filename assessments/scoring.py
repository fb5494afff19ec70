"""The questions of a version as plain definitions, and how answers become scores.

Every question scores between 0 and 1: a scale step (1-5) as (step-1)/4, an option as its
points over the best option's points, yes/no as 1 for the mature answer. A dimension's
score (0-100) is the weighted mean over its answered questions ("not applicable" left
out); an organisation's score per dimension is the mean of its respondents' scores, and
the spread is the distance between the lowest and highest respondent."""

from dataclasses import dataclass, field
from statistics import mean

from django.utils.translation import gettext as _

from assessments.models import localized

NOT_APPLICABLE = "na"


@dataclass
class Question:
    key: str
    kind: str
    text: str
    explanation: str
    weight: float
    allow_not_applicable: bool
    choices: list  # [(value, label)]
    points: dict  # value -> score 0..1

    def score(self, value):
        return self.points.get(value)


@dataclass
class DimensionDef:
    dimension: object
    questions: list = field(default_factory=list)

    @property
    def key(self):
        return self.dimension.key


def _question(block):
    value = block.value
    kind = block.block_type
    if kind == "scale":
        choices = [(step_number, f"{step_number}. {localized(step, 'label')}")
                   for step_number, step in enumerate(value["steps"], start=1)]
        points = {number: (number - 1) / 4 for number, _label in choices}
    elif kind == "choice":
        options = list(value["options"])
        best = max([option["points"] for option in options] + [0]) or 1
        choices = [(index, localized(option, "label")) for index, option in enumerate(options)]
        points = {index: option["points"] / best for index, option in enumerate(options)}
    else:
        choices = [(1, _("Yes")), (0, _("No"))]
        positive = value.get("yes_is_positive", True)
        points = {1: 1.0 if positive else 0.0, 0: 0.0 if positive else 1.0}
    return Question(key=block.id, kind=kind, text=localized(value, "text"),
                    explanation=localized(value, "explanation"),
                    weight=float(value.get("weight") or 0),
                    allow_not_applicable=bool(value.get("allow_not_applicable")),
                    choices=choices, points=points)


def version_definition(version, dimensions=None):
    """[DimensionDef] of a version, in order (one query unless ``dimensions`` is given)."""
    if dimensions is None:
        dimensions = version.dimensions.select_related("learning_line").order_by("sort_order")
    return [DimensionDef(dimension, [_question(block) for block in dimension.questions])
            for dimension in dimensions]


def question_count(definition):
    return sum(len(item.questions) for item in definition)


def respondent_dimension_score(dimension_def, answers):
    """0-100 for one respondent, or None when nothing in it was answered (``answers``:
    {question key: (value, not_applicable)})."""
    total = weights = 0.0
    for question in dimension_def.questions:
        answer = answers.get(question.key)
        if answer is None or answer[1]:
            continue
        score = question.score(answer[0])
        if score is None or question.weight <= 0:
            continue
        total += question.weight * score
        weights += question.weight
    return round(100 * total / weights, 1) if weights else None


def combine(per_respondent):
    """(score, spread) from the respondents' scores of one dimension (None left out)."""
    scores = [score for score in per_respondent if score is not None]
    if not scores:
        return None, None
    return round(mean(scores), 1), round(max(scores) - min(scores), 1)


def total_score(definition, scores):
    """The weighted mean of the dimension scores ({key: score}) by dimension weight."""
    total = weights = 0.0
    for item in definition:
        score = scores.get(item.key)
        weight = float(item.dimension.weight or 0)
        if score is None or weight <= 0:
            continue
        total += weight * score
        weights += weight
    return round(total / weights, 1) if weights else None


def level_for(levels, score):
    """The highest level whose band starts at or below ``score`` (levels sorted by
    min_score), or None."""
    if score is None:
        return None
    found = None
    for level in sorted(levels, key=lambda item: item.min_score):
        if level.min_score <= score:
            found = level
    return found


def advice_for(dimension, level):
    if level is None:
        return ""
    for block in dimension.advice:
        if block.value["level"] == level.number:
            return localized(block.value, "text")
    return ""
