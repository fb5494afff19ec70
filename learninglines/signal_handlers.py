"""When an editor publishes a session with more places, the waiting list moves up."""

from wagtail.signals import page_published


def fill_freed_places(sender, instance, **kwargs):
    from learninglines.selectors.sessions import canonical_session
    from learninglines.services import promote_waitlisted

    promote_waitlisted(canonical_session(instance))


def connect():
    from learninglines.models import SessionPage

    page_published.connect(fill_freed_places, sender=SessionPage,
                           dispatch_uid="learninglines_fill_freed_places")
