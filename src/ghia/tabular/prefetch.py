"""Reading the next block while the current one is checked.

Reading a block (file, numpy counting, polars parsing) and checking it (polars
expressions) release the GIL for most of their time, so a reader thread working one
block ahead keeps both cores busy. It starts a block only when the consumer has taken
the previous one, so at most two blocks are in memory at once.
"""

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


def prefetched(items: Iterator[T]) -> Iterator[T]:
    """Yield ``items``, each produced by a background thread while the previous is used."""
    channel: queue.SimpleQueue = queue.SimpleQueue()
    wanted = threading.Semaphore(1)  # a token per item the consumer is ready for
    stop = threading.Event()

    def produce() -> None:
        try:
            while True:
                wanted.acquire()
                if stop.is_set():
                    return
                item = next(items, _DONE)
                channel.put((item, None))
                if item is _DONE:
                    return
        except BaseException as error:  # handed to the consumer, which re-raises it
            channel.put((_DONE, error))

    worker = threading.Thread(target=produce, name="ghia-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            item, error = channel.get()
            if error is not None:
                raise error
            if item is _DONE:
                return
            wanted.release()  # the next block may be read while this one is used
            yield item
    finally:
        stop.set()
        wanted.release()
        worker.join(timeout=5)
