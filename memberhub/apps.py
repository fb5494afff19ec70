from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MemberhubConfig(AppConfig):
    name = "memberhub"
    verbose_name = _("Member hub")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
