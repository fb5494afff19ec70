"""Django's own messages that members see and whose Dutch the project gives itself.

- Django 5.2 changed the msgid of the "password too short" error (``%d`` instead of
  ``%(min_length)d``) and its Dutch catalogue still holds only the old one, so the error
  showed in English on the Dutch invitation and password forms.
- Django's Dutch addresses the reader with "u"/"uw"; the portal says "je"/"jouw".

The project catalogue (locale/nl) comes before Django's, so these entries win. This
function is never called: it only shows ``makemessages`` (and tests/portal/
test_catalogues.py) which messages the project catalogue translates for Django.
"""

from django.utils.translation import gettext, ngettext


def _messages():  # pragma: no cover - read by makemessages, never run
    ngettext("This password is too short. It must contain at least %d character.",
             "This password is too short. It must contain at least %d characters.", 0)
    ngettext("Your password must contain at least %(min_length)d character.",
             "Your password must contain at least %(min_length)d characters.", 0)
    gettext("Your password can’t be too similar to your other personal information.")
    gettext("Your password can’t be a commonly used password.")
    gettext("Your password can’t be entirely numeric.")
    gettext("Your old password was entered incorrectly. Please enter it again.")
