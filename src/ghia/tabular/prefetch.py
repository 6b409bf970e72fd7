"""Reading the next block while the current one is checked.

Reading a block (file, numpy counting, polars parsing) and checking it (polars
expressions) release the GIL for most of their time, so one reader thread running a
block ahead keeps both cores busy. The queue holds one block: memory stays bounded.
"""

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


def prefetched(items: Iterator[T], depth: int = 1) -> Iterator[T]:
    """Yield ``items``, produced by a background thread up to ``depth`` ahead."""
    channel: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(entry) -> bool:
        """Hand an entry to the consumer; False once the consumer has gone."""
        while not stop.is_set():
            try:
                channel.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
            put((_DONE, None))
        except BaseException as error:  # handed to the consumer, which re-raises it
            put((_DONE, error))

    worker = threading.Thread(target=produce, name="ghia-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            item, error = channel.get()
            if error is not None:
                raise error
            if item is _DONE:
                return
            yield item
    finally:
        stop.set()
        worker.join(timeout=5)
