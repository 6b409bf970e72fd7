"""Who may do what in a situational analysis, on top of the catalogue's roles.

The coordinator of a municipality (also the role given to the programme consultant) and
administrators run the whole assessment. A data editor sees and fills only the inventory
questionnaires of their own services; a viewer may read the dashboard and the report.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from ghia.catalog import permissions as catalog
from ghia.catalog.models import Role, Service


def can_manage(user, municipality_id: int) -> bool:
    return catalog.is_admin(user) or municipality_id in catalog.coordinated_municipality_ids(user)


def can_view(user, municipality_id: int) -> bool:
    return can_manage(user, municipality_id) or any(
        m.municipality_id == municipality_id and m.role == Role.VIEWER
        for m in catalog.memberships(user)
    )


def survey_services(user, assessment) -> QuerySet:
    """The services whose questionnaire the user sees in this assessment."""
    services = Service.objects.filter(municipality_id=assessment.municipality_id)
    if can_manage(user, assessment.municipality_id):
        return services
    return services.filter(id__in=catalog.edited_service_ids(user))


def can_fill(user, survey) -> bool:
    return can_manage(
        user, survey.assessment.municipality_id
    ) or survey.service_id in catalog.edited_service_ids(user)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
