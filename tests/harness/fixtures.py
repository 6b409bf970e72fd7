"""Session-wide pytest fixtures for the real services.

Import them in a conftest: `from tests.harness.fixtures import ckan_server, postgres_cluster`.
A service that cannot start makes its tests error, never skip.
"""

import pytest

from .postgres import PostgresCluster, shared_cluster


@pytest.fixture(scope="session")
def postgres_cluster() -> PostgresCluster:
    """The process's throw-away PostgreSQL cluster (shared with the CKAN server)."""
    return shared_cluster()
