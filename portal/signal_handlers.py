from django.apps import apps
from django.db.models.signals import post_migrate


def groups_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app, in INSTALLED_APPS order, and each app's
    # permissions are created on its own turn: wait for the last app with models so
    # that every permission exists before the groups are granted theirs.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from portal.services import ensure_groups

    ensure_groups()


def connect():
    from portal import cache_invalidation

    post_migrate.connect(groups_after_migrate, dispatch_uid="portal_groups_after_migrate")
    cache_invalidation.connect()
