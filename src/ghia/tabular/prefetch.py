"""Working on the next blocks while the current one is used.

Reading a block (file, numpy counting, polars parsing) and checking it (polars
expressions) release the GIL for most of their time, so threads working a block or two
ahead keep the cores busy. Each starts a block only when the consumer has taken an
earlier one, so only a few blocks are in memory at once.
"""

import itertools
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
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


class ParallelMap:
    """``(item, function(item))`` for each of ``items``, in their order, the functions run
    by ``workers`` threads at once; at most ``workers`` items are taken ahead."""

    def __init__(self, function: Callable[[T], R], items: Iterator[T], workers: int = 2):
        self.function, self.items, self.workers = function, items, workers
        self._pending: deque = deque()

    def __iter__(self) -> Iterator[tuple[T, R]]:
        with ThreadPoolExecutor(self.workers, thread_name_prefix="ghia-map") as pool:
            for item in itertools.chain(self.items, [_DONE]):
                if item is not _DONE:
                    self._pending.append((item, pool.submit(self.function, item)))
                while len(self._pending) >= (self.workers if item is not _DONE else 1):
                    taken, future = self._pending.popleft()
                    yield taken, future.result()

    def unused(self) -> list[T]:
        """The items taken but not yielded; their work is cancelled where not started."""
        for _, future in self._pending:
            future.cancel()
        unused = [item for item, _ in self._pending]
        self._pending.clear()
        return unused
