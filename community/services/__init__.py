"""Actions of the community (business rules); reads are in community.selectors."""


class CommunityError(Exception):
    """A refused action, with the message the person is shown."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
