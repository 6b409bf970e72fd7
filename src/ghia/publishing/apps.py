from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "ghia.publishing"
    label = "publishing"
    verbose_name = _("Publishing")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ghia.assessment.evidence import publication_targets

        publication_targets(held_by_targets)


# What the situational analysis calls "website" and "portal"; a bundle is only a submission.
EVIDENCE_NAMES = {"site": "website", "ckan": "portal"}


def held_by_targets(municipality) -> dict[str, set[str]]:
    """Which of the website and the portal hold each published dataset of a municipality."""
    from ghia.publishing.models import Publication

    held: dict[str, set[str]] = {}
    rows = Publication.objects.filter(
        dataset__municipality=municipality,
        state=Publication.State.PUBLISHED,
        kind__in=EVIDENCE_NAMES,
    ).values_list("dataset_id", "kind")
    for dataset_id, kind in rows:
        held.setdefault(str(dataset_id), set()).add(EVIDENCE_NAMES[kind])
    return held
