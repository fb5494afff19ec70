from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearninglinesConfig(AppConfig):
    name = "learninglines"
    verbose_name = _("Learning lines")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from learninglines import signal_handlers

        signal_handlers.connect()
