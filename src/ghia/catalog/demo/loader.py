"""Loads the demo into the catalogue through its service functions, so the audit log,
slugs, versions and workflow history are those real work would leave."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from ghia.catalog import services, workflow
from ghia.catalog.audit import record
from ghia.catalog.bilingual import Bilingual
from ghia.catalog.demo.files import generate_all
from ghia.catalog.demo.inventory import INVENTORIES, Entry
from ghia.catalog.demo.organisation import (
    DEMO_PASSWORD,
    LOGINS,
    MUNICIPALITIES,
    LoginSpec,
    MunicipalitySpec,
)
from ghia.catalog.models import Frequency, Licence, Municipality, Role, Service, Status, Theme

# The way forward through the workflow; each entry stops at its own status.
_PATH = (Status.IN_PREPARATION, Status.IN_REVIEW, Status.PUBLISHED, Status.WITHDRAWN)


def _bilingual(pair: tuple[str, str]) -> Bilingual:
    return Bilingual({"ka": pair[0], "en": pair[1]})


def _say(stdout, text: str) -> None:
    if stdout is not None:
        stdout.write(text + "\n")


def _logins() -> list[dict]:
    return [
        {
            "username": login.username,
            "password": DEMO_PASSWORD,
            "role": login.role,
            "municipality": login.municipality,
        }
        for login in LOGINS
    ]


def load_demo(stdout=None) -> dict:
    """Create the demo municipalities, people, inventories and files, once.

    When the demo municipalities already exist nothing changes. Existing user accounts
    with a demo login's name keep their password; they only get the demo role.
    """
    slugs = [spec.slug for spec in MUNICIPALITIES]
    if Municipality.objects.filter(slug__in=slugs).exists():
        _say(stdout, "The demo is already loaded. / სადემონსტრაციო მონაცემები უკვე ჩატვირთულია.")
        return {"created": False, "municipalities": slugs, "datasets": {}, "logins": _logins()}
    files = generate_all()
    # One hash for every demo account: hashing is deliberately slow and the password is public.
    password = make_password(DEMO_PASSWORD)
    counts = {}
    with transaction.atomic():
        users = {login.username: _user(login, password) for login in LOGINS}
        admin = users["admin"]
        services.grant_role(admin, Role.ADMINISTRATOR)
        for spec in MUNICIPALITIES:
            municipality = _municipality(spec, admin)
            for login in LOGINS:
                if login.municipality == spec.slug:
                    services.grant_role(
                        users[login.username], login.role, municipality,
                        Service.objects.filter(municipality=municipality, code__in=login.services),
                    )  # fmt: skip
            coordinator = next(
                users[login.username]
                for login in LOGINS
                if login.municipality == spec.slug and login.role == Role.COORDINATOR
            )
            editors = {
                code: users[login.username]
                for login in LOGINS
                if login.municipality == spec.slug
                for code in login.services
            }
            for entry in INVENTORIES[spec.slug]:
                _dataset(
                    entry,
                    spec,
                    municipality,
                    files,
                    editors.get(entry.service, coordinator),
                    coordinator,
                )
            counts[spec.slug] = municipality.datasets.count()
            _say(stdout, f"{spec.ka} / {spec.en}: {counts[spec.slug]}")
    return {"created": True, "municipalities": slugs, "datasets": counts, "logins": _logins()}


def _user(login: LoginSpec, password: str):
    User = get_user_model()
    user, _created = User.objects.get_or_create(
        username=login.username,
        defaults={
            "first_name": login.first_name, "last_name": login.last_name,
            "email": f"{login.username}@example.org", "password": password,
        },
    )  # fmt: skip
    return user


def _municipality(spec: MunicipalitySpec, admin) -> Municipality:
    municipality = Municipality.objects.create(
        slug=spec.slug, name=Bilingual({"ka": spec.ka, "en": spec.en}), website=spec.website,
        base_uri=spec.base_uri, email=spec.email,
    )  # fmt: skip
    record(admin, "create", municipality, summary=spec.en)
    for service in spec.services:
        created = Service.objects.create(
            municipality=municipality,
            code=service.code,
            name=Bilingual({"ka": service.ka, "en": service.en}),
        )
        record(admin, "create", created, summary=service.en)
    return municipality


def _dataset(
    entry: Entry,
    spec: MunicipalitySpec,
    municipality: Municipality,
    files: dict[str, bytes],
    editor,
    coordinator,
):
    service = Service.objects.get(municipality=municipality, code=entry.service)
    covers = entry.covers or (None, None)
    dataset = services.create_dataset(
        editor, service=service, title=_bilingual(entry.former_title or entry.title),
        description=_bilingual(entry.description), keywords=_bilingual(entry.keywords),
        contact_name=service.name["ka"], contact_email=municipality.email,
        theme=Theme.objects.get(pk=entry.theme), licence=Licence.objects.get(pk=entry.licence),
        frequency=Frequency.objects.get(pk=entry.frequency),
        access_level=entry.access_level, access_reason=_bilingual(entry.access_reason),
        temporal_start=covers[0], temporal_end=covers[1],
        spatial=_bilingual(spec.spatial),
        exists=entry.exists, digital=entry.digital, source_system=entry.source_system,
        current_format=entry.current_format, personal_data=entry.personal_data, priority=entry.priority,
    )  # fmt: skip
    if entry.former_title:
        services.update_dataset(editor, dataset, title=_bilingual(entry.title))
    steps = _PATH[: _PATH.index(entry.status) + 1] if entry.status != Status.PLANNED else ()
    for step in steps:
        actor = coordinator if step in (Status.PUBLISHED, Status.WITHDRAWN) else editor
        workflow.transition(
            actor, dataset, step, note=entry.status_note if step == entry.status else ""
        )
        if step == Status.IN_PREPARATION:
            for name, note in entry.files:
                services.add_version(editor, dataset, io.BytesIO(files[name]), name, note=note)
    return dataset
