"""A baseline that is timed only while fresh.

A CLIPS environment that has answered many queries answers later ones several times slower (136 us a
query in the first block of 300, 722 us in the eighth, on one environment; a new one is back at 137 us),
so a ratio against a reused environment flatters whatever is compared with it. ``FreshBaseline`` builds a
new instance (outside the timing) before every block of ``block`` timed queries, and refuses to time an
instance past that: a benchmark that reuses a worn baseline fails instead of printing a kind figure.
"""

from collections.abc import Callable
from typing import Any


class StaleBaseline(RuntimeError):
    """A baseline instance was asked to time more queries than its block allows."""


class FreshBaseline:
    """Calls ``run(instance, i)`` on an instance made by ``build()``, a new one every ``block`` queries.

    ``prepare()`` (called by the timing loop before it starts the clock) replaces a used-up instance and
    gives the new one ``warm_up`` untimed queries; ``__call__`` is the timed query."""

    def __init__(self, build: Callable[[], Any], run: Callable[[Any, int], Any], block: int = 100, warm_up: int = 1):
        if block < 1:
            raise ValueError("block must be at least 1")
        self.build, self.run, self.block, self.warm_up = build, run, block, warm_up
        self.instance: Any = None
        self.used = 0
        self.built = 0

    def prepare(self, i: int = 0) -> None:
        if self.instance is None or self.used >= self.block:
            self.instance = self.build()
            self.built += 1
            for _ in range(self.warm_up):
                self.run(self.instance, i)
            self.used = 0

    def __call__(self, i: int) -> Any:
        if self.instance is None or self.used >= self.block:
            raise StaleBaseline(
                f"this baseline instance has answered {self.used} timed queries (block {self.block}): "
                "call prepare() before timing it"
            )
        self.used += 1
        return self.run(self.instance, i)
