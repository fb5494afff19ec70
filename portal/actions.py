"""Running a person's action from a view: a rule it breaks (``ValidationError``) becomes an
error message on the next page, success a confirmation; nothing is half done, because each
service is atomic."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def attempt(request, action, *args, success=None, **kwargs):
    """``action(*args, **kwargs)``; True when it ran. On ``ValidationError`` the person sees
    its messages and it returns False; otherwise ``success`` (if any) is shown."""
    try:
        action(*args, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    if success:
        messages.success(request, success)
    return True
