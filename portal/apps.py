from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalAppConfig(AppConfig):
    """The shape of every app of the project: big-integer keys, and its signal receivers
    connected once the registry is ready (``<app>.signal_handlers.connect()``).

    ``default = False``: not itself an app's configuration, so Django does not take it for
    one in the apps.py files that import it; each app's own subclass says ``default = True``."""

    default = False
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import_module(f"{self.name}.signal_handlers").connect()


class PortalConfig(PortalAppConfig):
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        super().ready()
        from . import admin_forms

        admin_forms.register()
