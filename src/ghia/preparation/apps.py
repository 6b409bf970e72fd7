from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreparationConfig(AppConfig):
    name = "ghia.preparation"
    label = "preparation"
    verbose_name = _("Data preparation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Both modules register themselves: the upload hook and the publication gate.
        from ghia.preparation import gate, signals  # noqa: F401
