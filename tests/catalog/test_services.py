import io

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from ghia.catalog import services
from ghia.catalog.bilingual import Bilingual
from ghia.catalog.models import AuditEntry, DatasetSlug, Status

pytestmark = pytest.mark.django_db


def test_slug_is_romanized_from_the_georgian_title(world, make_dataset):
    dataset = make_dataset("ქალაქის ბიუჯეტის შესრულება", "City budget execution")
    assert dataset.slug == "kalakis-biujetis-shesruleba"
    assert dataset.licence_id == "CC-BY-4.0"


def test_slugs_are_unique_per_municipality(world, make_dataset):
    first = make_dataset("ბიუჯეტი", "Budget")
    second = make_dataset("ბიუჯეტი", "Budget again")
    other = make_dataset("ბიუჯეტი", "Budget", service=world.a_finance)
    assert (first.slug, second.slug, other.slug) == ("biujeti", "biujeti-2", "biujeti")


def test_renaming_keeps_the_old_slug_and_it_finds_the_dataset(world, make_dataset):
    dataset = make_dataset("ბიუჯეტი", "Budget")
    services.update_dataset(world.editor, dataset, title=Bilingual({"ka": "ბიუჯეტი 2025", "en": "Budget 2025"}))
    assert dataset.slug == "biujeti-2025"
    found, renamed = services.find_by_slug(world.kutaisi, "biujeti")
    assert found == dataset and renamed
    assert DatasetSlug.objects.filter(dataset=dataset).count() == 1
    # A new dataset cannot take the old slug: old links must keep pointing to the renamed one.
    assert make_dataset("ბიუჯეტი", "Budget").slug == "biujeti-2"


def test_update_writes_the_audit_log_with_what_changed(world, make_dataset):
    dataset = make_dataset()
    services.update_dataset(world.editor, dataset, contact_name="ნინო", priority=1)
    entry = AuditEntry.objects.filter(action="update").latest("at")
    assert entry.user == world.editor
    assert set(entry.changes) == {"contact_name", "priority"}
    assert entry.changes["contact_name"] == ["", "ნინო"]


def test_editor_of_another_service_cannot_edit(world, make_dataset):
    dataset = make_dataset()
    with pytest.raises(PermissionDenied):
        services.update_dataset(world.editor_transport, dataset, contact_name="x")
    with pytest.raises(PermissionDenied):
        services.create_dataset(world.editor_transport, service=world.finance, title={"ka": "x", "en": "x"})
    with pytest.raises(PermissionDenied):
        services.create_dataset(world.other_coordinator, service=world.finance, title={"ka": "x", "en": "x"})


def test_versions_are_content_addressed_and_immutable(world, make_dataset, settings):
    dataset = make_dataset(file=False)
    v1 = services.add_version(world.editor, dataset, io.BytesIO(b"x,y\n1,2\n"), "../../etc/passwd.csv")
    v2 = services.add_version(world.editor, dataset, io.BytesIO(b"x,y\n1,3\n"), "budget.csv")
    v3 = services.add_version(world.editor, dataset, io.BytesIO(b"x,y\n1,2\n"), "same-again.csv")
    assert [v.number for v in (v1, v2, v3)] == [1, 2, 3]
    assert v1.filename == "passwd.csv"  # a file name is never a path
    assert v1.storage_name == f"versions/{v1.sha256[:2]}/{v1.sha256}"
    assert v3.storage_name == v1.storage_name  # same content, one stored file
    with services.open_version(v1) as f:
        assert f.read() == b"x,y\n1,2\n"
    # One distribution per format, offering the newest file.
    distribution = dataset.distributions.get()
    assert distribution.version == v3 and distribution.format_id == "CSV" and distribution.size == 8


def test_upload_over_the_limit_is_refused(world, make_dataset, settings):
    settings.GHIA_MAX_UPLOAD_BYTES = 1024 * 1024
    dataset = make_dataset(file=False)
    with translation.override("en"), pytest.raises(services.UploadTooLarge, match="1 MB"):
        services.add_version(world.editor, dataset, io.BytesIO(b"x" * (1024 * 1024 + 1)), "big.csv")
    assert dataset.versions.count() == 0


def test_search_finds_georgian_english_and_romanized(world, make_dataset):
    dataset = make_dataset("საბავშვო ბაღები", "Kindergartens", status=Status.PUBLISHED)
    make_dataset("ავტობუსის გაჩერებები", "Bus stops", status=Status.PUBLISHED)
    from ghia.catalog.models import Dataset

    for query in ("ბაღები", "kindergarten", "KINDERGARTENS", "sabavshvo", "ბაღ kinder"):
        assert list(services.search(Dataset.objects.all(), query)) == [dataset], query
    assert not services.search(Dataset.objects.all(), "ბაღები bus").exists()
