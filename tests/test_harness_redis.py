"""The throw-away Redis server of the test harness."""

import socket

import pytest

from tests.harness.redis import RedisServer


def ask(port: int, command: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(command)
        return sock.recv(64)


def test_redis_answers_on_its_url_and_is_gone_after_stop():
    with RedisServer() as redis:
        port = redis.port
        assert redis.url == f"redis://127.0.0.1:{port}/0"
        assert ask(port, b"SET city Kutaisi\r\nGET city\r\n").endswith(b"Kutaisi\r\n")
        directory = redis._dir
    assert not redis.running
    assert not directory.exists()
    with pytest.raises(OSError):
        ask(port, b"PING\r\n")
