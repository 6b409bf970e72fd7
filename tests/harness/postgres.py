"""A throw-away PostgreSQL cluster on 127.0.0.1, built from Debian's `postgresql` package.

    with PostgresCluster() as cluster:
        cluster.create_database("ghia")
        url = cluster.url("ghia")   # postgres://postgres@127.0.0.1:PORT/ghia

The cluster trusts every connection from loopback, keeps nothing on disk safely (fsync off)
and is removed with its temporary directory on stop, at exit too.
"""

import atexit
import os
import pwd
import shutil
import signal
import tempfile
import threading
from pathlib import Path

import psycopg
from psycopg import sql

from .processes import ServiceError, as_user, free_port, run

POSTGRES_ROOT = Path("/usr/lib/postgresql")
SYSTEM_USER = "postgres"  # initdb refuses root, so the cluster belongs to this user
SUPERUSER = "postgres"

# Speed over durability: the cluster lives for one test session.
FAST_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "max_connections": "200",
    "log_min_messages": "warning",
}


def find_bindir() -> Path:
    """The bin directory of the newest PostgreSQL version installed by Debian."""
    versions = [
        path
        for path in POSTGRES_ROOT.glob("*/bin")
        if (path / "initdb").exists() and path.parent.name.replace(".", "").isdigit()
    ]
    if not versions:
        raise ServiceError(
            f"PostgreSQL server programs (initdb, pg_ctl) not found in {POSTGRES_ROOT}/*/bin: "
            "install the Debian package `postgresql` (apt-get install postgresql)"
        )
    return max(versions, key=lambda path: float(path.parent.name))


class PostgresCluster:
    """One PostgreSQL server on a free loopback port, data in a temporary directory."""

    def __init__(self) -> None:
        self.port: int | None = None
        self._dir: Path | None = None
        self._bindir: Path | None = None

    @property
    def data_dir(self) -> Path:
        return self._dir / "data"

    @property
    def running(self) -> bool:
        return self._dir is not None and self.port is not None

    def url(self, dbname: str = "postgres") -> str:
        return f"postgres://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def start(self) -> "PostgresCluster":
        self._bindir = find_bindir()
        self._dir = Path(tempfile.mkdtemp(prefix="ghia-postgres-"))
        atexit.register(self.stop)
        try:
            self._give_to_system_user()
            self._initdb()
            self._start_server()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the server (if it runs) and always remove the temporary directory."""
        if self._dir is None:
            return
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self._stop_server()
        finally:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
            self.port = None
            atexit.unregister(self.stop)

    def __enter__(self) -> "PostgresCluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def execute(self, statement: sql.Composable | str, dbname: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction (CREATE DATABASE needs that)."""
        with psycopg.connect(self.url(dbname), autocommit=True) as connection:
            connection.execute(statement)

    def create_user(self, name: str, password: str) -> None:
        self.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(name), sql.Literal(password)
            )
        )

    def create_database(
        self, name: str, owner: str | None = None, template: str | None = None
    ) -> None:
        statement = sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(sql.Identifier(name))
        if owner:
            statement += sql.SQL(" OWNER {}").format(sql.Identifier(owner))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self.execute(statement)

    def drop_user(self, name: str) -> None:
        self.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))

    def drop_database(self, name: str) -> None:
        self.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )

    def _tool(self, name: str, *args: str) -> list[str]:
        return as_user(SYSTEM_USER, [str(self._bindir / name), *args])

    def _give_to_system_user(self) -> None:
        if os.geteuid() != 0:
            return
        try:
            user = pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            raise ServiceError(
                f"no `{SYSTEM_USER}` system user: install the Debian package `postgresql`"
            ) from None
        os.chown(self._dir, user.pw_uid, user.pw_gid)

    def _initdb(self) -> None:
        run(
            self._tool(
                "initdb",
                "-D",
                str(self.data_dir),
                "-U",
                SUPERUSER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
                "--no-instructions",
            ),
            "initdb",
        )
        settings = {
            **FAST_SETTINGS,
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{self._dir}'",
        }
        with open(self.data_dir / "postgresql.conf", "a") as conf:
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())

    def _start_server(self) -> None:
        # A port found free can be taken before the server binds it: try a few.
        for attempt in range(3):
            self.port = free_port()
            try:
                run(
                    self._tool(
                        "pg_ctl",
                        "start",
                        "-D",
                        str(self.data_dir),
                        "-w",
                        "-t",
                        "60",
                        "-l",
                        str(self._dir / "server.log"),
                        "-o",
                        f"-p {self.port}",
                    ),
                    "pg_ctl start",
                )
                return
            except ServiceError as error:
                if attempt == 2:
                    log = self._dir / "server.log"
                    raise ServiceError(
                        f"{error}\n{log.read_text() if log.exists() else ''}"
                    ) from None

    def _stop_server(self) -> None:
        try:
            run(
                self._tool("pg_ctl", "stop", "-D", str(self.data_dir), "-m", "fast", "-w"),
                "pg_ctl stop",
            )
        except ServiceError:
            # SIGQUIT is PostgreSQL's immediate shutdown: the postmaster takes its children along.
            pid = int((self.data_dir / "postmaster.pid").read_text().split()[0])
            try:
                os.kill(pid, signal.SIGQUIT)
            except ProcessLookupError:
                pass


_shared: PostgresCluster | None = None
_shared_lock = threading.Lock()


def shared_cluster() -> PostgresCluster:
    """The one cluster of this process, started on first use and stopped at exit."""
    global _shared
    with _shared_lock:
        if _shared is None or not _shared.running:
            _shared = PostgresCluster().start()
        return _shared
