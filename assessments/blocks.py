"""The question kinds of a scan (StreamField blocks of a dimension), the advice per level
and the recommendations. Each question keeps its block id as its stable key: answers
refer to it, and a new version (a copy) keeps the keys of the questions it copied."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class QuestionBase(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Question (Dutch)"), max_length=400)
    text_en = blocks.CharBlock(label=_("Question (English)"), max_length=400, required=False)
    explanation = blocks.TextBlock(label=_("Explanation (Dutch)"), required=False)
    explanation_en = blocks.TextBlock(label=_("Explanation (English)"), required=False)
    weight = blocks.DecimalBlock(label=_("Weight"), default=1, min_value=0, max_value=10,
                                 decimal_places=1)
    allow_not_applicable = blocks.BooleanBlock(label=_("Offer “not applicable”"),
                                               required=False, default=False)


class StepBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label (Dutch)"), max_length=120)
    label_en = blocks.CharBlock(label=_("Label (English)"), max_length=120, required=False)


class ScaleQuestionBlock(QuestionBase):
    steps = blocks.ListBlock(StepBlock(), min_num=5, max_num=5,
                             label=_("The five steps, from 1 (lowest) to 5 (highest)"))

    class Meta:
        icon = "order"
        label = _("Scale 1-5")


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Option (Dutch)"), max_length=200)
    label_en = blocks.CharBlock(label=_("Option (English)"), max_length=200, required=False)
    points = blocks.IntegerBlock(label=_("Points"), min_value=0, max_value=100, default=0)


class ChoiceQuestionBlock(QuestionBase):
    options = blocks.ListBlock(OptionBlock(), min_num=2, label=_("Options"))

    class Meta:
        icon = "list-ul"
        label = _("Single choice with points")


class YesNoQuestionBlock(QuestionBase):
    yes_is_positive = blocks.BooleanBlock(
        label=_("“Yes” is the mature answer"), required=False, default=True,
        help_text=_("Untick for questions where “no” scores the points."))

    class Meta:
        icon = "tick"
        label = _("Yes/no")


class QuestionStreamBlock(blocks.StreamBlock):
    scale = ScaleQuestionBlock()
    choice = ChoiceQuestionBlock()
    yes_no = YesNoQuestionBlock()


class AdviceBlock(blocks.StructBlock):
    level = blocks.IntegerBlock(label=_("Level number (1 = lowest)"), min_value=1, max_value=10)
    text = blocks.TextBlock(label=_("Advice (Dutch)"))
    text_en = blocks.TextBlock(label=_("Advice (English)"), required=False)

    class Meta:
        icon = "help"
        label = _("Advice for a level")


class RecommendationStreamBlock(blocks.StreamBlock):
    knowledge_item = blocks.PageChooserBlock(page_type="knowledge.KnowledgeItemPage",
                                             label=_("Kennisbank item"))
    working_group = blocks.PageChooserBlock(page_type="learninglines.WorkingGroupPage",
                                            label=_("Working group"))
    session = blocks.PageChooserBlock(page_type="learninglines.SessionPage",
                                      label=_("Session"))
