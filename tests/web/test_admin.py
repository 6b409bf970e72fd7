import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["municipality", "service", "membership", "dataset", "auditentry", "licence", "theme"])
def test_administrator_sees_every_admin_list(client, world, make_dataset, model):
    make_dataset()
    client.force_login(world.admin)
    assert client.get(reverse(f"admin:catalog_{model}_changelist")).status_code == 200


def test_datasets_are_read_only_in_the_admin(client, world, make_dataset):
    dataset = make_dataset()
    client.force_login(world.admin)
    assert client.get(reverse("admin:catalog_dataset_add")).status_code == 403
    page = client.get(reverse("admin:catalog_dataset_change", args=[dataset.pk]))
    assert page.status_code == 200 and b'type="submit" value="Save"' not in page.content
