"""Run pytest against a throw-away PostgreSQL cluster: `python -m tests.run_on_postgres [pytest args]`.

The cluster is started before Django reads its settings (DATABASE_URL) and removed afterwards."""

import os
import subprocess
import sys

from tests.harness.postgres import PostgresCluster


def main(argv: list[str]) -> int:
    with PostgresCluster() as cluster:
        cluster.create_database("ghia")
        env = {**os.environ, "DATABASE_URL": cluster.url("ghia"), "GHIA_TEST_DB": "postgres"}
        print(f"PostgreSQL on {cluster.url('ghia')}", flush=True)
        return subprocess.call([sys.executable, "-m", "pytest", *argv], env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
