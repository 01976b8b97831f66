"""Counting work instead of timing it, for tests that check how a cost grows with the input: the number
of Python lines and calls a function runs is the same on an idle and on a loaded machine, so a test
built on it cannot be broken by other work running beside it."""

import sys
from collections.abc import Callable

# Reading 4 times more text must cost at most this many times the work: linear growth gives about 4
# (a little less, for the fixed part), quadratic growth 16.
LINEAR_BOUND = 5.0


def steps(run: Callable[[], object]) -> int:
    """Lines and calls of Python that ``run()`` executes (work inside C functions is not counted)."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


def growth(make: Callable[[int], Callable[[], object]], size: int) -> float:
    """How many times more work ``make(4 * size)()`` does than ``make(size)()``. ``make(size)`` is run
    once untraced first, so that first-use work (lazy imports, tables built once) is not counted."""
    make(size)()
    return steps(make(4 * size)) / steps(make(size))
