"""Small helpers shared by the services: free ports, waiting, running as another user."""

import os
import socket
import subprocess
import time
from collections.abc import Callable, Sequence


class ServiceError(RuntimeError):
    """A service of the test harness could not be installed, started or used."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(ready: Callable[[], bool], timeout: float, what: str, interval: float = 0.1) -> None:
    """Call `ready` until it answers true; raise ServiceError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise ServiceError(f"{what} was not ready after {timeout:.0f} s")
        time.sleep(interval)


def as_user(user: str, command: Sequence[str]) -> list[str]:
    """`command` run as `user` when we are root (PostgreSQL refuses to run as root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", user, "--", *command]
    return list(command)


def run(command: Sequence[str], what: str, **kwargs) -> subprocess.CompletedProcess:
    """Run a command to completion; on failure raise ServiceError with its output."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise ServiceError(
            f"{what} failed (exit {result.returncode}): {' '.join(command)}\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result
