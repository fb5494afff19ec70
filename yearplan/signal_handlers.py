"""Editors and the Board get their year-plan permissions after every migrate."""


def connect():
    from portal.signal_handlers import after_all_migrations
    from yearplan.permissions import ensure_permissions

    after_all_migrations(ensure_permissions, dispatch_uid="yearplan_permissions")
