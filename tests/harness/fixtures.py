"""Session-wide pytest fixtures for the real services.

Import them in a conftest: `from tests.harness.fixtures import ckan_server, postgres_cluster`.
A service that cannot start makes its tests error, never skip.
"""

import pytest

from .ckan import CkanServer
from .postgres import PostgresCluster, shared_cluster


@pytest.fixture(scope="session")
def postgres_cluster() -> PostgresCluster:
    """The process's throw-away PostgreSQL cluster (shared with the CKAN server)."""
    return shared_cluster()


@pytest.fixture(scope="session")
def ckan_server(postgres_cluster):
    """A real CKAN 2.12 site for the whole session: `.url`, `.api_token`, `.sysadmin`."""
    with CkanServer(postgres_cluster) as server:
        yield server
