"""Editors get the permissions of the scan definitions after every migrate (never of the
answers: those are the respondents' personal data)."""


def connect():
    from assessments.permissions import grant_editor_permissions
    from portal.signal_handlers import after_all_migrations

    after_all_migrations(grant_editor_permissions, dispatch_uid="assessments_editor_permissions")
