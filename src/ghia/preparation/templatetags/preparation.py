"""Template tags for data preparation: what a dataset page shows of its preparation."""

from django import template

from ghia.preparation import gate, quality, services

register = template.Library()


@register.simple_tag
def dataset_preparation(dataset) -> dict:
    """The newest check of the dataset's current version, its quality and what blocks it."""
    version = services.current_version(dataset)
    return {
        "version": version,
        "check": services.latest_check(version),
        "quality": quality.dataset_quality(dataset),
        "blockers": gate.personal_data_decided(dataset),
    }


@register.filter
def stars(count: int) -> str:
    """Five stars, the earned ones filled."""
    return "★" * count + "☆" * (5 - count)
