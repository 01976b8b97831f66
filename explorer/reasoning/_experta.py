"""The one place experta is imported from.

experta 1.9.4 pins frozendict 1.2, which subclasses ``collections.Mapping``; that alias was removed in
Python 3.10. We restore it before the first experta import instead of vendoring or forking either
package. experta also calls ``logging.basicConfig()`` on import, which would route its watcher logs to
the user's terminal: we undo that handler so stderr stays ours. ``listening`` is the one test of whether one of
experta's watchers would write a message, which the fast engine and matcher make before stepping aside for
experta's own code.
"""

import collections
import collections.abc
import logging
from collections.abc import Callable

for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Callable", "Hashable"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

_root = logging.getLogger()
_handlers_before = list(_root.handlers)

import experta  # noqa: E402
from experta import AS, NOT, Fact, KnowledgeEngine, Rule  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402

for _handler in list(_root.handlers):
    if _handler not in _handlers_before:
        _root.removeHandler(_handler)
logging.getLogger("experta").propagate = False


# Would experta's watcher (a logger of ``experta.watchers``) write a message at a level: ``listening(watcher, level)``.
# The fast engine and matcher step aside for experta's own code, which writes the messages, exactly then. It is
# logging's own test (the level set on the watcher or on a logger above it, and ``logging.disable``), so it holds
# whenever experta's ``watchers.worth()`` does (that one reads only the watcher's own level) and whenever experta's
# plain ``watcher.info(...)`` would write. logging's method itself, not a function calling it: the matcher asks
# for every token, and a call more there costs 0.3% of a query's instructions.
listening: Callable[[logging.Logger, int], bool] = logging.Logger.isEnabledFor


__all__ = ["AS", "NOT", "DepthStrategy", "Fact", "KnowledgeEngine", "Rule", "experta", "listening"]
