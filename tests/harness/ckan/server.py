"""`CkanServer`: a real CKAN 2.12 site on a free loopback port, for one test session.

    with CkanServer() as ckan:
        RemoteCKAN(ckan.url, apikey=ckan.api_token).action.organization_create(name="x")

It uses the process's PostgreSQL cluster (a database and a role of its own), a Redis of
its own, a temporary directory for the configuration, the uploaded files and the log, and
the `ghia_database_search` plugin in place of Solr. `stop()` ends the server, drops the
database and removes the directory.
"""

import atexit
import configparser
import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from ..postgres import PostgresCluster, shared_cluster
from ..processes import ServiceError, free_port, run, wait_until
from ..redis import RedisServer
from .install import install, venv_bin

SEARCH_PLUGIN = "ghia_database_search"
MAX_RESOURCE_SIZE_MB = 200  # CKAN refuses uploads over 10 MB by default
STARTUP_TIMEOUT = 180


class CkanServer:
    """A running CKAN site: `.url`, `.api_token` of the sysadmin `.sysadmin`."""

    def __init__(self, cluster: PostgresCluster | None = None) -> None:
        self._cluster = cluster
        self._dir: Path | None = None
        self._redis: RedisServer | None = None
        self._process: subprocess.Popen | None = None
        self._database: str | None = None
        self.url: str | None = None
        self.api_token: str | None = None
        self.sysadmin = "ghia_sysadmin"
        self.startup_seconds: float | None = None

    @property
    def config_path(self) -> Path:
        return self._dir / "ckan.ini"

    @property
    def storage_path(self) -> Path:
        return self._dir / "storage"

    @property
    def log_path(self) -> Path:
        return self._dir / "ckan.log"

    def start(self) -> "CkanServer":
        started = time.monotonic()
        install()
        self._dir = Path(tempfile.mkdtemp(prefix="ghia-ckan-"))
        atexit.register(self.stop)
        try:
            self._cluster = self._cluster or shared_cluster()
            database_url = self._create_database()
            self._redis = RedisServer().start()
            port = free_port()
            # Exactly the address clients use: CKAN builds resource URLs from it.
            self.url = f"http://127.0.0.1:{port}"
            self._write_config(database_url)
            self.api_token = self._bootstrap()
            self._serve(port)
        except BaseException as error:
            log = self._log_tail()
            self.stop()
            if isinstance(error, ServiceError) and log:
                raise ServiceError(f"{error}\n--- CKAN log ---\n{log}") from None
            raise
        self.startup_seconds = time.monotonic() - started
        return self

    def stop(self) -> None:
        """Stop CKAN and Redis, drop the database, always remove the temporary directory."""
        try:
            self._stop_process()
            if self._redis is not None:
                self._redis.stop()
            if self._database and self._cluster is not None and self._cluster.running:
                self._cluster.drop_database(self._database)
                self._cluster.drop_user(self._database)
        finally:
            self._redis = None
            self._database = None
            if self._dir is not None:
                shutil.rmtree(self._dir, ignore_errors=True)
                self._dir = None
            atexit.unregister(self.stop)

    def __enter__(self) -> "CkanServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _create_database(self) -> str:
        name, password = f"ckan_{secrets.token_hex(4)}", secrets.token_hex(16)
        self._cluster.create_user(name, password)
        self._cluster.create_database(name, owner=name)
        self._database = name
        return f"postgresql://{name}:{password}@127.0.0.1:{self._cluster.port}/{name}"

    def _write_config(self, database_url: str) -> None:
        ckan = str(venv_bin("ckan"))
        run([ckan, "generate", "config", str(self.config_path)], "ckan generate config")
        self.storage_path.mkdir()
        settings = {
            "sqlalchemy.url": database_url,
            "ckan.site_url": self.url,
            "ckan.redis.url": self._redis.url,
            "ckan.storage_path": str(self.storage_path),
            "ckan.max_resource_size": str(MAX_RESOURCE_SIZE_MB),
            "ckan.plugins": SEARCH_PLUGIN,
            "SECRET_KEY": secrets.token_urlsafe(32),
            # Datasets belong to organizations; their admins and editors create them.
            "ckan.auth.create_unowned_dataset": "false",
            "ckan.auth.create_dataset_if_not_in_organization": "false",
            "ckan.auth.user_create_organizations": "false",
            "ckan.devserver.threaded": "true",
        }
        config = configparser.RawConfigParser(strict=True)
        config.optionxform = str  # CKAN's keys are case-sensitive (SECRET_KEY)
        config.read(self.config_path)
        for key, value in settings.items():
            config.set("app:main", key, value)
        # Without Solr, CKAN logs a connection traceback at every start: keep it out of the log.
        config.set("loggers", "keys", config.get("loggers", "keys") + ", solr")
        config["logger_solr"] = {
            "level": "CRITICAL",
            "handlers": "console",
            "qualname": "ckan.lib.search",
            "propagate": "0",
        }
        with open(self.config_path, "w") as out:
            config.write(out)

    def _bootstrap(self) -> str:
        result = run(
            [
                str(venv_bin("python")), "-m", "ckanext_ghiatest.bootstrap",
                str(self.config_path), self.sysadmin, "sysadmin@ghia.test", secrets.token_urlsafe(16),
            ],
            "creating the CKAN tables, sysadmin and API token",
        )  # fmt: skip
        return json.loads(result.stdout.strip().splitlines()[-1])["api_token"]

    def _serve(self, port: int) -> None:
        with open(self.log_path, "a") as log:
            self._process = subprocess.Popen(
                [
                    str(venv_bin("ckan")), "-c", str(self.config_path), "run",
                    "--host", "127.0.0.1", "--port", str(port),
                    "--disable-reloader", "--disable-debugger", "--threaded",
                ],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group, stopped as a whole
            )  # fmt: skip
        wait_until(self._answers, STARTUP_TIMEOUT, "CKAN", interval=0.25)

    def _answers(self) -> bool:
        if self._process.poll() is not None:
            raise ServiceError(f"CKAN exited with code {self._process.returncode}")
        try:
            with urllib.request.urlopen(f"{self.url}/api/3/action/status_show", timeout=5) as r:
                return json.load(r)["success"] is True
        except (OSError, ValueError, urllib.error.URLError):
            return False

    def _stop_process(self) -> None:
        if self._process is None:
            return
        try:
            if self._process.poll() is None:
                os.killpg(self._process.pid, signal.SIGTERM)
                try:
                    self._process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(self._process.pid, signal.SIGKILL)
                    self._process.wait()
        except ProcessLookupError:
            pass
        finally:
            self._process = None

    def _log_tail(self, lines: int = 40) -> str:
        if self._dir is None or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
