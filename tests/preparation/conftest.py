"""Fixtures for data preparation: checks run at once, and datasets holding demo files."""

import io

import pytest

from ghia.catalog import services as catalog
from ghia.catalog.demo.files import demo_files


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="session")
def demo():
    return demo_files()


@pytest.fixture
def upload(world, django_capture_on_commit_callbacks):
    """Upload bytes as a new version, as the workspace does; the check runs on commit."""

    def put(dataset, name, content, user=None):
        with django_capture_on_commit_callbacks(execute=True):
            version = catalog.add_version(user or world.editor, dataset, io.BytesIO(content), name)
        return version

    return put


@pytest.fixture
def dataset_with(make_dataset, upload, demo):
    """A Kutaisi finance dataset whose one version is the named demo file, checked."""

    def make(name, **fields):
        dataset = make_dataset(file=False, **fields)
        upload(dataset, name, demo[name].content)
        return dataset

    return make
