"""Who may see and change what. Every view and API endpoint asks here; nothing else decides.

Roles are scoped: a viewer sees the unpublished work of their municipality, an editor
changes the datasets of their services, a coordinator everything of their municipality and
is the only one who publishes or withdraws, an administrator the whole instance. Outside a
municipality nobody sees its unpublished datasets.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from ghia.catalog.models import Dataset, Membership, Municipality, Role, Service, Status


def memberships(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_ghia_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).prefetch_related("services"))
        user._ghia_memberships = cached
    return cached


def is_admin(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(
        m.role == Role.ADMINISTRATOR for m in memberships(user)
    )


def member_municipality_ids(user) -> set[int]:
    return {m.municipality_id for m in memberships(user) if m.municipality_id}


def coordinated_municipality_ids(user) -> set[int]:
    return {m.municipality_id for m in memberships(user) if m.role == Role.COORDINATOR}


def edited_service_ids(user) -> set[int]:
    return {s.id for m in memberships(user) if m.role == Role.EDITOR for s in m.services.all()}


def is_staff_member(user) -> bool:
    return is_admin(user) or bool(memberships(user))


def visible_datasets(user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Dataset.objects.all() if queryset is None else queryset
    if is_admin(user):
        return queryset
    return queryset.filter(Q(status=Status.PUBLISHED) | Q(municipality_id__in=member_municipality_ids(user)))


def workspace_datasets(user) -> QuerySet:
    """What a staff member works on: everything of their municipalities."""
    if is_admin(user):
        return Dataset.objects.all()
    return Dataset.objects.filter(municipality_id__in=member_municipality_ids(user))


def can_view(user, dataset: Dataset) -> bool:
    return dataset.status == Status.PUBLISHED or is_admin(user) or dataset.municipality_id in member_municipality_ids(user)


def can_edit(user, dataset: Dataset) -> bool:
    return (
        is_admin(user)
        or dataset.municipality_id in coordinated_municipality_ids(user)
        or dataset.service_id in edited_service_ids(user)
    )


def can_publish(user, dataset: Dataset) -> bool:
    return is_admin(user) or dataset.municipality_id in coordinated_municipality_ids(user)


def editable_services(user) -> QuerySet:
    """Services in which the user may create datasets."""
    if is_admin(user):
        return Service.objects.all()
    return Service.objects.filter(
        Q(municipality_id__in=coordinated_municipality_ids(user)) | Q(id__in=edited_service_ids(user))
    )


def staff_municipalities(user) -> QuerySet:
    if is_admin(user):
        return Municipality.objects.all()
    return Municipality.objects.filter(id__in=member_municipality_ids(user))
