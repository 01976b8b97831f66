"""The case library: the curated teaching cases shipped in data/cases/*.yaml (batch format, each with a
teaching note and its expected answer), or a teacher's own batch file; and how a case's run compares
with its expected answer."""

from dataclasses import dataclass

from ..knowledge.loader import load_knowledge, packaged_folders
from ..knowledge.records import KnowledgeBase
from ..reasoning.explore import explore
from ..reasoning.result import Result
from .readers import named_problems, open_cases, read_cases
from .records import BatchFileError, Case, CaseError


@dataclass(frozen=True)
class LibraryCase:
    """A case ready to teach with: the case itself, the file it comes from."""

    case: Case
    file: str

    @property
    def id(self) -> str:
        return self.case.id

    def to_dict(self) -> dict:
        expect = self.case.expect
        return {
            "id": self.case.id,
            "note": self.case.note,
            "symptoms": list(self.case.present),
            "absent": list(self.case.absent),
            "expect": {"first": expect.first, "red_flags": list(expect.red_flags)} if expect else None,
            "file": self.file,
        }


def list_cases(path=None, kb: KnowledgeBase | None = None) -> tuple[LibraryCase, ...]:
    """The curated cases (every data/cases/*.yaml, by file name then position), or those in ``path``.
    A file that cannot be read, or a case in it that is invalid, raises BatchFileError naming it."""
    kb = kb or load_knowledge()
    if path is not None:
        try:
            with open(path, encoding="utf-8") as stream:
                return _read(stream, str(path), kb)
        except OSError as exc:
            raise BatchFileError(f"cannot open {path}: {exc.strerror}") from None
    folder = packaged_folders()[0].joinpath("cases")
    found: list[LibraryCase] = []
    for file in sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name):
        with file.open(encoding="utf-8") as stream:
            found += _read(stream, f"cases/{file.name}", kb)
    return tuple(found)


def find_case(cases, case_id: str) -> LibraryCase | None:
    return next((c for c in cases if c.id == case_id), None)


def run_case(case: LibraryCase, kb: KnowledgeBase | None = None) -> Result:
    """Explore the case, recording the engine's steps for teaching."""
    return explore(case.case.present, case.case.absent, kb=kb or load_knowledge(), steps=True)


def expectation_problems(case: LibraryCase, result: Result) -> list[str]:
    """How the result differs from the case's expected answer (empty when it matches or none is given)."""
    expect = case.case.expect
    if expect is None:
        return []
    problems = []
    first = result.suggestions[0].condition.id if result.suggestions else ""
    if first != expect.first:
        problems.append(f"expected {expect.first or 'no suggestion'} first, got {first or 'no suggestion'}")
    flags = tuple(sorted(f.id for f in result.red_flags))
    if flags != expect.red_flags:
        problems.append(f"expected red flags {list(expect.red_flags)}, got {list(flags)}")
    return problems


def _read(stream, name: str, kb: KnowledgeBase) -> tuple[LibraryCase, ...]:
    fmt, cases = open_cases(stream, name)
    with named_problems(name):
        found = list(read_cases(cases, fmt, kb))
    errors = [c for c in found if isinstance(c, CaseError)]
    if errors:
        raise BatchFileError(f"{name}:{errors[0].line}: {errors[0].message}")
    if not found:
        raise BatchFileError(f"{name} holds no case")
    return tuple(LibraryCase(c, name) for c in found if isinstance(c, Case))  # errors were raised above
