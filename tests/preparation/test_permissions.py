"""Every data-preparation URL for every kind of person in the world fixture.

The dataset is Kutaisi's finance service's, unpublished, with one checked CSV version."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PEOPLE = [
    "anonymous",
    "outsider",
    "viewer",
    "editor",
    "editor_transport",
    "other_coordinator",
    "coordinator",
    "admin",
]
LOGIN, FORBIDDEN, HIDDEN = "login", 403, 404
SEE = (LOGIN, FORBIDDEN, 200, 200, 200, HIDDEN, 200, 200)
EDIT = (LOGIN, FORBIDDEN, FORBIDDEN, 302, FORBIDDEN, HIDDEN, 302, 302)
MATRIX = {
    "overview": SEE,
    "report": SEE,
    "schema form": SEE,
    "schema json": SEE,
    "latest check": (LOGIN, FORBIDDEN, 302, 302, 302, HIDDEN, 302, 302),
    "check again": EDIT,
    "choose a sheet": EDIT,
    "save schema": EDIT,
    "apply repair": EDIT,
    "undo repair": EDIT,
    "decide": (LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN, 302, 302),
}
CSV = "id,name,amount\n" + "".join(f"{i},row {i},{i * 10}\n" for i in range(1, 13))


@pytest.fixture
def version(make_dataset, upload):
    dataset = make_dataset(file=False)
    return upload(dataset, "table.csv", CSV.encode())


def _request(client, name, version):
    dataset, run = version.dataset, version.checks.get()
    if name == "overview":
        return client.get(reverse("preparation:dataset", args=[dataset.pk]))
    if name == "report":
        return client.get(reverse("preparation:report", args=[run.pk]))
    if name == "schema form":
        return client.get(reverse("preparation:schema", args=[dataset.pk]))
    if name == "schema json":
        return client.get(reverse("preparation:schema_json", args=[dataset.pk]))
    if name == "latest check":
        return client.get(reverse("preparation:version_check", args=[version.pk]))
    if name == "check again":
        return client.post(reverse("preparation:version_check", args=[version.pk]))
    if name == "choose a sheet":  # a CSV has none: an editor is told so, not refused
        return client.post(
            reverse("preparation:version_check", args=[version.pk]), {"sheet": "Sheet1"}
        )
    if name == "save schema":
        return client.post(reverse("preparation:schema", args=[dataset.pk]), {"reset": "1"})
    if name == "apply repair":
        return client.post(
            reverse("preparation:apply_step", args=[version.pk]), {"step": '{"step": "trim"}'}
        )
    if name == "undo repair":
        return client.post(reverse("preparation:undo_step", args=[version.pk]), {"index": "0"})
    if name == "decide":
        return client.post(reverse("preparation:decide", args=[version.pk]), {"decision": "mask"})
    raise AssertionError(name)


@pytest.mark.parametrize("request_name", list(MATRIX))
@pytest.mark.parametrize("person", PEOPLE)
def test_matrix(client, world, version, person, request_name, django_capture_on_commit_callbacks):
    if person != "anonymous":
        client.force_login(getattr(world, person))
    with django_capture_on_commit_callbacks(execute=True):
        response = _request(client, request_name, version)
    expected = MATRIX[request_name][PEOPLE.index(person)]
    if expected == LOGIN:
        assert response.status_code == 302 and "login" in response["Location"], response
    else:
        assert response.status_code == expected, (person, request_name, response.status_code)
    acted = expected == 302 and request_name in ("apply repair", "decide", "check again")
    if request_name == "apply repair":
        # The upload, then the cleaned CSV with its XLSX, JSON and Parquet.
        assert version.dataset.versions.count() == (5 if acted else 1)
    if request_name == "decide":
        assert version.personal_data_decisions.exists() == acted
    if request_name == "check again":
        assert version.checks.count() == (2 if acted else 1)
    if request_name == "choose a sheet":
        assert version.checks.count() == 1
