"""Situational analysis: readiness assessment, inventory survey, focus groups, evidence."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "ghia.assessment"
    label = "assessment"
    verbose_name = _("Situational analysis")
    default_auto_field = "django.db.models.BigAutoField"
