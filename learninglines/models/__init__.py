"""Learning lines on two tracks: the line pages, their sessions and working groups,
registrations, working-group participation and session evaluations (docs/learninglines.md).

Business rules live in :mod:`learninglines.services` (actions),
:mod:`learninglines.selectors` (reads) and :mod:`learninglines.permissions` (who may do
what); the models hold data, constraints and display.
"""

# Migration 0002 refers to the validator as learninglines.models.validate_timezone_name.
from learninglines.models.choices import validate_timezone_name
from learninglines.models.lines import (
    LearningLineCoordinator,
    LearningLineIndexPage,
    LearningLinePage,
)
from learninglines.models.registrations import Evaluation, Registration
from learninglines.models.sessions import SessionPage, SessionThemeTag
from learninglines.models.working_groups import (
    WorkingGroupMembership,
    WorkingGroupPage,
    WorkingGroupThemeTag,
)

__all__ = [
    "Evaluation",
    "LearningLineCoordinator",
    "LearningLineIndexPage",
    "LearningLinePage",
    "Registration",
    "SessionPage",
    "SessionThemeTag",
    "WorkingGroupMembership",
    "WorkingGroupPage",
    "WorkingGroupThemeTag",
    "validate_timezone_name",
]
