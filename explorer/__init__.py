"""symptom-explorer: an educational, non-diagnostic expert system relating symptoms to neuropathy and
autoimmune disease. ``explore()`` is the entry point for scripts; it returns plain records."""
__version__ = "0.1.0"

from .errors import ExplorerError, InputError, KnowledgeError  # noqa: E402
from .explore import explore  # noqa: E402
from .knowledge import load_knowledge  # noqa: E402

__all__ = ["ExplorerError", "InputError", "KnowledgeError", "__version__", "explore", "load_knowledge"]
