"""Editors (the association's staff) get the servicedesk permissions after every migrate."""


def connect():
    from portal.signal_handlers import after_all_migrations
    from servicedesk.permissions import grant_editor_permissions

    after_all_migrations(grant_editor_permissions, dispatch_uid="servicedesk_editor_permissions")
