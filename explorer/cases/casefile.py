"""Files that hold one case: answers saved by the questionnaire, read back by `ask --answers` and
`match --from`. The format is a one-case YAML list, so the same file is also valid `batch` input."""

import itertools
import os
import tempfile

import yaml

from ..knowledge.records import KnowledgeBase
from .batch import BatchFileError, Case, CaseError, open_cases, read_cases
from .readers import open_text


def load_one_case(path, kb: KnowledgeBase) -> Case:
    """The single case in a file (a saved questionnaire, or a batch file holding one case)."""
    with open_text(path) as stream:
        fmt, cases = open_cases(stream, str(path))
        found = list(itertools.islice(read_cases(cases, fmt, kb), 2))  # one case is expected: never read on
    if len(found) != 1:
        raise BatchFileError(f"{path} holds more than one case; one was expected (use `batch` for several)")
    if isinstance(found[0], CaseError):
        raise BatchFileError(f"{path}:{found[0].line}: {found[0].message}")
    return found[0]


def save_case(path, case: dict, header: str = ""):
    """Write ``case`` as a one-case YAML list (valid for batch, match --from and ask --answers),
    atomically: the old file stays whole until the new one is complete."""
    target = os.path.abspath(path)
    text = header + yaml.safe_dump([case], allow_unicode=True, sort_keys=False, default_flow_style=None)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".symptom-explorer-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
