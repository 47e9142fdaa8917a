"""A bounded cache of rendered pages, shared by the threads of one server process.

Why: a review page costs a JSON decode and a 35 kB template render, a search page an FTS5
query with facets; under load the same pages are asked for again and again. Keys carry the
library's generation (`Store.generation`), so any ingest, re-analysis or removal, by this
process or another, makes every older entry unreachable; they then age out of the LRU.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable


class PageCache:
    """Least-recently-used mapping of key -> rendered body, at most `size` entries (0: off)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> bytes | None:
        if not self.size:
            return None
        with self._lock:
            body = self._items.get(key)
            if body is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        if not self.size:
            return
        with self._lock:
            self._items[key] = body
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
