from django.apps import apps
from django.db.models.signals import post_migrate


def after_all_migrations(action, dispatch_uid):
    """Run ``action()`` once at the end of every ``migrate``, when every app's content
    types and permissions exist.

    post_migrate is sent once per app, in INSTALLED_APPS order, and each app's
    permissions are created on its own turn: ``action`` runs on the turn of the last
    app with models. Actions connected this way run in the order they were connected
    (each app connects in its ready(), so in INSTALLED_APPS order: portal's groups
    exist before memberhub's and mailings' actions use them)."""

    def on_post_migrate(sender, **kwargs):
        with_models = [config for config in apps.get_app_configs() if config.models_module]
        if sender is with_models[-1]:
            action()

    post_migrate.connect(on_post_migrate, dispatch_uid=dispatch_uid, weak=False)


def groups_after_migrate():
    from portal.permissions import ensure_groups

    ensure_groups()


def setting_saved(sender, instance, created=False, **kwargs):
    from django.core.cache import cache

    if created:  # created on first read with default values: nothing cached differs
        return

    from portal.cache import purge_everything
    from portal.selectors import bump_navigation

    cache.delete(sender.cache_key(instance.site_id))
    bump_navigation()
    purge_everything()  # header and footer are on every cached page


def index_references_now(sender, instance, **kwargs):
    """Record which documents and images a page uses as it is published, in the request
    (Wagtail queues this for a task worker): from that moment a file follows the page's
    rule (portal/media.py), e.g. one moved from a public page to a members-only one."""
    from wagtail.models import ReferenceIndex

    if ReferenceIndex.is_indexed(type(instance)):
        ReferenceIndex.create_or_update_for_object(instance)


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale

    from portal import cache_invalidation
    from portal.languages import forget_locale_codes
    from portal.selectors import forget_locales

    post_save.connect(forget_locales, sender=Locale, dispatch_uid="portal_locale_saved")
    post_save.connect(forget_locale_codes, sender=Locale, dispatch_uid="portal_locale_codes")
    post_delete.connect(forget_locale_codes, sender=Locale,
                        dispatch_uid="portal_locale_codes_deleted")
    from portal.models import NavigationSettings, SiteSettings

    for model in (SiteSettings, NavigationSettings):
        post_save.connect(setting_saved, sender=model, dispatch_uid=f"portal_{model.__name__}")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="portal_locale_deleted")

    # Remembered routes and sites (portal/routing.py) start afresh when a site changes.
    from wagtail.models import Site

    from portal.routing import forget_routes

    post_save.connect(forget_routes, sender=Site, dispatch_uid="portal_routes_site_saved")
    post_delete.connect(forget_routes, sender=Site, dispatch_uid="portal_routes_site_deleted")

    after_all_migrations(groups_after_migrate, dispatch_uid="portal_groups_after_migrate")

    # Documents and images follow the pages that use them (portal/media.py).
    from django.db.models.signals import pre_save
    from wagtail.images import get_image_model
    from wagtail.signals import page_published

    from portal.media import give_upload_a_secret_name

    pre_save.connect(give_upload_a_secret_name, sender=get_image_model(),
                     dispatch_uid="portal_image_secret_name")
    page_published.connect(index_references_now, dispatch_uid="portal_references_on_publish")
    cache_invalidation.connect()
