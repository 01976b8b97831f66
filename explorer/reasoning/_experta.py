"""The one place experta is imported from.

experta 1.9.4 pins frozendict 1.2, which subclasses ``collections.Mapping``; that alias was removed in
Python 3.10. We restore it before the first experta import instead of vendoring or forking either
package. experta also calls ``logging.basicConfig()`` on import, which would route its watcher logs to
the user's terminal: we undo that handler so stderr stays ours.
"""

import collections
import collections.abc
import logging

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

__all__ = ["AS", "NOT", "DepthStrategy", "Fact", "KnowledgeEngine", "Rule", "experta"]
