"""Form fields of the Wagtail editor shared by every content type: themes and learning
lines as members and editors pick them."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.forms import TagField as TaggitTagField
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.tags import TagField, validate_tag_length


class ThemeTagField(TagField):
    """Themes from the curated list, matched the way people type them: in any case, by
    the Dutch or the English name. Wagtail's own field compares names case-sensitively
    and silently drops anything else, so "klimaat en milieu" was lost on publishing;
    an unknown theme is now refused with a message instead."""

    def clean(self, value):
        names = TaggitTagField.clean(self, value)  # parsed as taggit does, not looked up
        validate_tag_length(names, self.tag_model.name.field.max_length)
        chosen, unknown = [], []
        for name in names:
            theme = (self.tag_model.objects
                     .filter(Q(name__iexact=name) | Q(name_en__iexact=name)).first())
            if theme is None:
                unknown.append(name)
            elif theme.name not in chosen:
                chosen.append(theme.name)
        if unknown:
            raise ValidationError(
                _("Choose themes from the list; unknown: %(names)s.")
                % {"names": ", ".join(unknown)}, code="unknown_theme")
        return chosen


def _tag_field_override(db_field):
    from portal.models import ThemeTag

    if db_field.related_model is ThemeTag:
        return {"form_class": ThemeTagField, "tag_model": ThemeTag}
    return {"form_class": TagField, "tag_model": db_field.related_model}


def register():
    register_form_field_override(ClusterTaggableManager, override=_tag_field_override)


def learning_line_label(line, locale_id):
    """A learning line's title, with its language when it is not the item's."""
    if line.locale_id == locale_id:
        return line.title
    return f"{line.title} ({line.locale.get_display_name()})"


class LearningLineChoicesMixin:
    """For a page form with a ``learning_lines`` field: offer each line once, in the
    language of the page being edited (every translation of a line appeared, Dutch and
    English indistinguishable); a line of another language already chosen stays, labelled
    with its language, so that saving never drops it silently."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("learning_lines")
        if field is None:
            return
        from wagtail.models import Locale

        lines = field.queryset.model  # the learning-line page type the field points to
        locale_id = self.instance.locale_id or Locale.get_default().pk
        chosen = []
        if self.instance.pk:
            chosen = [line.pk for line in self.instance.learning_lines.all()]
        field.queryset = (lines.objects
                          .filter(Q(locale_id=locale_id) | Q(pk__in=chosen))
                          .select_related("locale").order_by("path"))
        field.label_from_instance = lambda line: learning_line_label(line, locale_id)
