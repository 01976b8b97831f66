"""Counting work instead of timing it, for tests that check how a cost grows with the input: the number
of Python lines and calls a function runs is the same on an idle and on a loaded machine, so a test
built on it cannot be broken by other work running beside it."""

import sys
from collections.abc import Callable

# Going from 2n to 4n must add at most this many times the work that going from n to 2n added: linear
# growth gives 2, quadratic 4. Work that does not grow (start-up, the did-you-means given only for the first
# few words left over) cancels out.
LINEAR_BOUND = 2.5


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
    """The work ``make(n)()`` adds from 2n to 4n over what it adds from n to 2n (n = ``size``). ``make(size)``
    is run once untraced first, so that first-use work (lazy imports, tables built once) is not counted."""
    make(size)()
    once, twice, four_times = (steps(make(k * size)) for k in (1, 2, 4))
    return (four_times - twice) / (twice - once)
