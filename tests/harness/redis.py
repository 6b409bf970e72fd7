"""A throw-away Redis server on 127.0.0.1, from Debian's `redis-server` package.

    with RedisServer() as redis:
        redis.url   # redis://127.0.0.1:PORT/0

Nothing is written to disk; the temporary directory goes on stop, at exit too.
"""

import atexit
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from .processes import ServiceError, free_port, wait_until


def find_redis_server() -> str:
    found = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if not found:
        raise ServiceError(
            "redis-server not found: install the Debian package `redis-server` "
            "(apt-get install redis-server)"
        )
    return found


class RedisServer:
    """One Redis server on a free loopback port, without persistence."""

    def __init__(self) -> None:
        self.port: int | None = None
        self._dir: Path | None = None
        self._process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> "RedisServer":
        program = find_redis_server()
        self._dir = Path(tempfile.mkdtemp(prefix="ghia-redis-"))
        atexit.register(self.stop)
        try:
            self.port = free_port()
            # stdout/stderr go to a file: a pipe nobody reads would block the server.
            with open(self._dir / "redis.log", "w") as log:
                self._process = subprocess.Popen(
                    [
                        program, "--port", str(self.port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--dir", str(self._dir),
                        "--daemonize", "no", "--loglevel", "warning",
                    ],
                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                )  # fmt: skip
            wait_until(self._answers_ping, timeout=20, what="redis-server")
        except BaseException as error:
            log_text = (self._dir / "redis.log").read_text() if self._dir else ""
            self.stop()
            if isinstance(error, ServiceError):
                raise ServiceError(f"{error}\n{log_text}") from None
            raise
        return self

    def stop(self) -> None:
        """Stop the server and always remove the temporary directory."""
        try:
            if self._process is not None and self._process.poll() is None:
                self._process.terminate()
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
        finally:
            self._process = None
            if self._dir is not None:
                shutil.rmtree(self._dir, ignore_errors=True)
                self._dir = None
            self.port = None
            atexit.unregister(self.stop)

    def __enter__(self) -> "RedisServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _answers_ping(self) -> bool:
        if self._process.poll() is not None:
            raise ServiceError(f"redis-server exited with code {self._process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False
