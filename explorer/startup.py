"""Garbage collection while the command starts. Start-up makes many objects that live as long as the
process (modules, classes, the knowledge base) and almost no garbage, yet the collector would walk them
every 700 new objects, and once more, all of them, as the process exits. So the entry point makes the
collector run rarely until the knowledge is loaded; then what start-up made is frozen (never walked
again, not even at exit) and the usual threshold comes back. Only the installed command does this: a
script calling ``explore()`` keeps its own settings.

Every command loads the knowledge first (``knowledge_option``), long-running ones (``serve``, ``ask``,
``batch``) included, so each runs with the usual threshold; only a run that ends before loading it
(``--help``, a usage error, ``rules new``) keeps the rare one, which still collects.
"""

import gc

START_THRESHOLD = 50_000  # new objects between collections while starting (Python's default is 700)
_usual: tuple[int, ...] | None = None


def begin() -> None:
    """Called by the entry point before anything is imported."""
    global _usual
    _usual = gc.get_threshold()
    gc.set_threshold(START_THRESHOLD, *_usual[1:])


def end() -> None:
    """Called once the knowledge is loaded: freezes what start-up made and restores the threshold."""
    global _usual
    if _usual is None:
        return
    gc.freeze()
    gc.set_threshold(*_usual)
    _usual = None
