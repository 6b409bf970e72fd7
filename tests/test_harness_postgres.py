"""The throw-away PostgreSQL cluster of the test harness."""

import psycopg
import pytest

from tests.harness.postgres import PostgresCluster, find_bindir
from tests.harness.processes import ServiceError


def test_cluster_creates_a_database_and_a_user_that_can_connect(postgres_cluster):
    postgres_cluster.create_user("harness_owner", "s3cret")
    postgres_cluster.create_database("harness_probe", owner="harness_owner")
    url = f"postgres://harness_owner:s3cret@127.0.0.1:{postgres_cluster.port}/harness_probe"
    with psycopg.connect(url) as connection:
        connection.execute("CREATE TABLE place (name text)")
        connection.execute("INSERT INTO place VALUES ('ქუთაისი')")
        name, owner = connection.execute("SELECT name, current_user FROM place").fetchone()
    assert (name, owner) == ("ქუთაისი", "harness_owner")
    assert postgres_cluster.url("harness_probe") == (
        f"postgres://postgres@127.0.0.1:{postgres_cluster.port}/harness_probe"
    )
    postgres_cluster.drop_database("harness_probe")


def test_stopping_a_cluster_removes_its_directory_and_server():
    cluster = PostgresCluster().start()
    directory, url = cluster.data_dir.parent, cluster.url()
    cluster.stop()
    assert not directory.exists()
    assert not cluster.running
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)


def test_missing_binaries_name_the_debian_package(monkeypatch, tmp_path):
    monkeypatch.setattr("tests.harness.postgres.POSTGRES_ROOT", tmp_path)
    with pytest.raises(ServiceError, match="`postgresql`"):
        find_bindir()
