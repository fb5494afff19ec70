"""The names of the moderation workflow and its task, in the reader's language.

Wagtail keeps a workflow's and a task's name as plain data and shows it as it is in
every place members and editors meet it: the action menu ("Submit to …"), the status
panel, the dashboard, the reports, the history, the lock messages. The portal's own
workflow and task (memberhub.services.ensure_member_workflow) have translatable names
instead: they are stored in the site's default language, as before, and read from the
database as a :class:`TranslatedName`, a string that is the stored name for the
database and for lookups but renders in the active language (Dutch "Stuur door naar
Redactie", English "Submit to Editors"). Saving a name in any language stores the
default-language one, so editing the workflow in the English admin changes nothing.
A name an editor gives another workflow or task stays as it is.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext_lazy

WORKFLOW = pgettext_lazy("moderation workflow", "Editors")
TASK = pgettext_lazy("moderation task", "Approval by the editors")
NAMES = (WORKFLOW, TASK)


def in_language(name, language):
    with translation.override(language):
        return str(name)


def known_name(value):
    """The translatable name that ``value`` spells in one of the site's languages."""
    if not isinstance(value, str) or not value:
        return None
    for name in NAMES:
        if value in {in_language(name, code) for code, _label in settings.LANGUAGES}:
            return name
    return None


def stored_name(name):
    """How a translatable name is stored: in the site's default language."""
    return in_language(name, settings.LANGUAGE_CODE)


class TranslatedName(str):
    """The stored name for the database, comparisons and lookups; shown (``str()``,
    templates, ``%s``, f-strings) in the active language."""

    def __new__(cls, stored, name):
        value = super().__new__(cls, stored)
        value.name = name
        return value

    def __str__(self):
        return str(self.name)

    def __format__(self, spec):
        return format(str(self), spec)

    def __reduce__(self):
        return TranslatedName, (str.__str__(self), self.name)


def _from_db_value(value, expression, connection):
    name = known_name(value)
    return TranslatedName(value, name) if name is not None else value


def install():
    """Translate the names of Wagtail's Workflow and Task as they are read and saved."""
    from wagtail.models import Task, Workflow

    for model in (Workflow, Task):
        field = model._meta.get_field("name")
        if getattr(field, "portal_translated_names", False):
            continue
        original = field.get_prep_value

        def get_prep_value(value, original=original):
            value = original(value)
            name = known_name(value)
            return stored_name(name) if name is not None else value

        field.get_prep_value = get_prep_value
        field.from_db_value = _from_db_value
        field.portal_translated_names = True
        # ``"%s" % workflow`` (Wagtail's messages) reads str(workflow): the shown name.
        model.__str__ = _shown_name


def _shown_name(instance):
    return str(instance.name)
