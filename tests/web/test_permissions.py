"""The permission matrix: every staff URL and API endpoint, for every kind of person.

The dataset under test is unpublished and belongs to Kutaisi's finance service."""

import io

import pytest
from django.urls import reverse

from ghia.catalog.models import Status

pytestmark = pytest.mark.django_db

PEOPLE = ["anonymous", "outsider", "viewer", "editor", "editor_transport", "other_coordinator", "coordinator", "admin"]

# For each request: the expected status code per person, in the order of PEOPLE.
LOGIN, FORBIDDEN, HIDDEN = "login", 403, 404
MATRIX = {
    "workspace home": (LOGIN, FORBIDDEN, 200, 200, 200, 200, 200, 200),
    "workspace new form": (LOGIN, FORBIDDEN, FORBIDDEN, 200, 200, 200, 200, 200),
    "workspace dataset": (LOGIN, FORBIDDEN, 200, 200, 200, HIDDEN, 200, 200),
    "workspace edit form": (LOGIN, FORBIDDEN, FORBIDDEN, 200, FORBIDDEN, HIDDEN, 200, 200),
    "workspace upload": (LOGIN, FORBIDDEN, FORBIDDEN, 302, FORBIDDEN, HIDDEN, 302, 302),
    "workspace status": (LOGIN, FORBIDDEN, 302, 302, 302, HIDDEN, 302, 302),
    "public page": (HIDDEN, HIDDEN, 200, 200, 200, HIDDEN, 200, 200),
    "download": (HIDDEN, HIDDEN, 200, 200, 200, HIDDEN, 200, 200),
    "api dataset": (HIDDEN, HIDDEN, 200, 200, 200, HIDDEN, 200, 200),
    "admin": (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200),
}
# Whether the person's status change (planned → in preparation) takes effect.
MAY_CHANGE_STATUS = dict(zip(PEOPLE, (False, False, False, True, False, False, True, True), strict=True))


def _request(client, name, dataset):
    version = dataset.versions.get()
    pk = dataset.pk
    if name == "workspace home":
        return client.get(reverse("workspace:home"))
    if name == "workspace new form":
        return client.get(reverse("workspace:dataset_new"))
    if name == "workspace dataset":
        return client.get(reverse("workspace:dataset", args=[pk]))
    if name == "workspace edit form":
        return client.get(reverse("workspace:dataset_edit", args=[pk]))
    if name == "workspace upload":
        return client.post(reverse("workspace:dataset_upload", args=[pk]), {"file": io.BytesIO(b"a\n1\n"), "note": ""})
    if name == "workspace status":
        return client.post(reverse("workspace:dataset_transition", args=[pk]), {"to": Status.IN_PREPARATION})
    if name == "public page":
        return client.get(reverse("dataset", args=[dataset.municipality.slug, dataset.slug]))
    if name == "download":
        return client.get(reverse("download", args=[version.pk, version.filename]))
    if name == "api dataset":
        return client.get(f"/api/datasets/{pk}")
    if name == "admin":
        return client.get(reverse("admin:index"))
    raise AssertionError(name)


@pytest.fixture
def dataset(make_dataset):
    return make_dataset("ბიუჯეტი", "Budget")


@pytest.mark.parametrize("request_name", list(MATRIX))
@pytest.mark.parametrize("person", PEOPLE)
def test_matrix(client, world, dataset, person, request_name):
    if person != "anonymous":
        client.force_login(getattr(world, person))
    response = _request(client, request_name, dataset)
    expected = MATRIX[request_name][PEOPLE.index(person)]
    if expected == LOGIN:
        assert response.status_code == 302 and "login" in response["Location"], response
    else:
        assert response.status_code == expected, (person, request_name, response.status_code)
    if request_name == "workspace status":
        dataset.refresh_from_db()
        assert (dataset.status == Status.IN_PREPARATION) == MAY_CHANGE_STATUS[person]


@pytest.mark.parametrize("person", PEOPLE)
def test_api_list_hides_other_municipalities_unpublished_work(client, world, make_dataset, person):
    unpublished = make_dataset("ბიუჯეტი", "Budget")
    published = make_dataset("ბაღები", "Kindergartens", status=Status.PUBLISHED)
    if person != "anonymous":
        client.force_login(getattr(world, person))
    ids = {item["id"] for item in client.get("/api/datasets").json()["items"]}
    assert str(published.pk) in ids
    sees_unpublished = person in ("viewer", "editor", "editor_transport", "coordinator", "admin")
    assert (str(unpublished.pk) in ids) == sees_unpublished


def test_public_catalogue_lists_only_published(client, world, make_dataset):
    make_dataset("ბიუჯეტი", "Budget")
    make_dataset("ბაღები", "Kindergartens", status=Status.PUBLISHED)
    make_dataset("გაჩერებები", "Bus stops", status=Status.WITHDRAWN)
    client.force_login(world.coordinator)  # even staff see only what is published there
    page = client.get(reverse("catalogue")).content.decode()
    assert "ბაღები" in page and "ბიუჯეტი" not in page and "გაჩერებები" not in page


def test_editor_cannot_move_a_dataset_to_another_municipality(client, world, dataset):
    client.force_login(world.coordinator)
    form = client.get(reverse("workspace:dataset_edit", args=[dataset.pk])).context["form"]
    assert world.a_finance not in form.fields["service"].queryset
