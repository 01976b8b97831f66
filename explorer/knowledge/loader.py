"""Loads and validates the knowledge files into a KnowledgeBase of frozen records.

Layout of a knowledge folder (the packaged one, or any folder given with ``--knowledge``):
``data/article.yaml``, ``data/symptoms.yaml``, ``data/history.yaml``, ``data/patterns.yaml``,
``data/red_flags.yaml``, ``data/conditions.yaml``, ``data/urgency.yaml``, ``data/words.yaml``,
``data/questionnaire.yaml``, ``data/concepts.yaml`` and ``rules/*.yaml``; ``data/sites.yaml`` and the
generated ``data/annotation_findings.yaml`` and ``data/annotation_links.yaml`` are optional.
Every problem found is reported, each as ``file:line: where: what``, in one KnowledgeError.
A validated base is cached (cache.py, keyed on the files' bytes): on a hit neither PyYAML nor the readers
are imported.
"""

import errno
import functools
import importlib
import stat
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import KnowledgeError
from ..limits import MAX_KNOWLEDGE_FILE_BYTES
from . import cache
from .records import KnowledgeBase

# Every one is part of the cache key (snapshot below), so editing any of them is seen on the next run.
DATA_FILES: tuple[str, ...] = ("article", "symptoms", "history", "patterns", "red_flags", "conditions")
# Knowledge once kept as constants in code. A folder written before they were files (a teacher's copy)
# lacks them: the built-in ones are read instead, so such a folder keeps working.
DEFAULTED_DATA_FILES = ("urgency", "words", "questionnaire", "concepts", "time_course")
DATA_FILES += DEFAULTED_DATA_FILES
# Part of the cache key when present. The annotation files are generated (tools/build_annotations.py):
# findings and condition links from the HPO annotations, beside the hand-written ones.
OPTIONAL_DATA_FILES = ("sites.yaml", "annotation_findings.yaml", "annotation_links.yaml")
CONDITION_KINDS = ("autoimmune", "pattern", "cause")
CONCLUSIONS = ("infer", "suggest", "red_flag")
CODE_PREFIXES = ("ORPHA:", "OMIM:")


class _Files:
    """Reads the files of a knowledge folder, whether on disk or inside the installed package."""

    def __init__(self, data_dir, rules_dir, shown_root: str):
        self.data_dir, self.rules_dir, self.shown_root = data_dir, rules_dir, shown_root
        self.raw: dict = {}  # path -> bytes read for the cache key, so validation reads the same bytes

    def snapshot(self) -> list | None:
        """(name, bytes) of every knowledge file, or None when one is missing or unreadable."""
        try:
            names = [(self.data_folder(n), f"{n}.yaml") for n in DATA_FILES]
            names += [(self.data_dir, n) for n in OPTIONAL_DATA_FILES if self.data_dir.joinpath(n).is_file()]
            names += [(self.rules_dir, n) for n in self.rule_files()]
            for folder, name in names:
                self.raw[folder.joinpath(name)] = _read_bounded(folder.joinpath(name))
        except (OSError, KnowledgeError):
            self.raw.clear()  # validation reads (and reports) the files itself
            return None
        # An optional file that is absent is simply not in the list, which is a key of its own.
        return [
            (f"{'rules' if folder is self.rules_dir else 'data'}/{name}", self.raw[folder.joinpath(name)])
            for folder, name in names
        ]

    def data_folder(self, name: str):
        """The folder holding data file ``name`` (no suffix): this folder's, or the built-in one for a
        DEFAULTED_DATA_FILES file this folder lacks."""
        if name in DEFAULTED_DATA_FILES and not self.data_dir.joinpath(f"{name}.yaml").exists():
            return packaged_folders()[0]
        return self.data_dir

    def read_optional(self, folder, name: str):
        """(shown name, document), or None when the file is absent (knowledge folders written before it)."""
        return self.read(folder, name) if folder.joinpath(name).is_file() else None

    def read(self, folder: Path, name: str) -> tuple[str, Any]:
        """(shown name, document as loaded from YAML)."""
        from .yamlsource import load_yaml_text  # PyYAML only when the files are read

        shown = f"{self.shown_root}/{'rules' if folder is self.rules_dir else 'data'}/{name}"
        if folder not in (self.data_dir, self.rules_dir):
            shown = f"explorer/data/{name} (built in: {self.shown_root}/data has none)"
        entry = folder.joinpath(name)
        try:
            raw = self.raw[entry] if entry in self.raw else _read_bounded(entry)
        except OSError as exc:
            raise KnowledgeError([f"{shown}: {_why_unreadable(exc)}"]) from None
        if len(raw) > MAX_KNOWLEDGE_FILE_BYTES:
            raise KnowledgeError([f"{shown}: larger than {MAX_KNOWLEDGE_FILE_BYTES:,} bytes (the limit for one file)"])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise KnowledgeError([f"{shown}: not valid UTF-8 text"]) from None
        return shown, load_yaml_text(text, shown)

    def rule_files(self):
        try:
            found = list(self.rules_dir.iterdir())
        except OSError as exc:
            raise KnowledgeError([f"{self.shown_root}/rules: {_why_unreadable(exc)}"]) from None
        names = sorted(p.name for p in found if p.name.endswith((".yaml", ".yml")))
        if not names:
            raise KnowledgeError([f"{self.shown_root}/rules: no rule files (*.yaml) found"])
        return names


def _read_bounded(entry) -> bytes:
    """At most one byte past the size limit; a FIFO or device is refused rather than waited on."""
    if isinstance(entry, Path):
        mode = entry.stat().st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file")
    with entry.open("rb") as stream:
        return stream.read(MAX_KNOWLEDGE_FILE_BYTES + 1)


def _why_unreadable(exc: OSError) -> str:
    """Say what is wrong with a path: missing, a folder, a symlink loop, not permitted."""
    if isinstance(exc, FileNotFoundError):
        return "file is missing"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if exc.errno == errno.ELOOP:
        return "is a symbolic link that loops"
    return f"cannot be read: {exc.strerror or exc}"


def load_knowledge(path=None) -> KnowledgeBase:
    """Load the packaged knowledge base, or the one in folder ``path`` (holding ``data/`` and ``rules/``)."""
    if path is None:
        return _packaged()
    root = Path(path)
    if not (root / "data").is_dir() or not (root / "rules").is_dir():
        raise KnowledgeError([f"{path}: not a knowledge folder (it needs data/ and rules/ subfolders)"])
    return _load(_Files(root / "data", root / "rules", str(path)))


def packaged_folders() -> tuple[Path, Path]:
    """The built-in data/ and rules/ folders, as plain paths: the package ships them as the explorer.data
    and explorer.rules subpackages, installed as ordinary files (no importlib.resources needed)."""
    try:
        # By name: import-linter reads `from .. import data` as importing the package root, and so the whole
        # public API the root names for type checkers.
        data, rules = (importlib.import_module(f"{__name__.split('.')[0]}.{name}") for name in ("data", "rules"))
        return Path(str(data.__file__)).parent, Path(str(rules.__file__)).parent
    except ImportError:
        # Run from a source checkout whose explorer/ shadows the installed package (python -m pytest
        # from the repository root): the same files sit in the checkout's top-level data/ and rules/.
        root = Path(__file__).resolve().parents[2]
        return root / "data", root / "rules"


@functools.cache
def _packaged() -> KnowledgeBase:
    return _load(_Files(*packaged_folders(), "explorer"))


def _load(files: _Files) -> KnowledgeBase:
    contents = files.snapshot()
    where = f"{files.shown_root}\n{files.data_dir}"  # one cache entry per folder
    key = None if contents is None else cache.key_for(contents, where)
    kb = None if key is None else cache.load(key, where)
    if kb is None:
        kb = _validate(files)
        if key is not None:
            cache.store(key, where, kb)
    return kb


def _read_data(files: _Files, problems: list[str]) -> tuple[dict[str, tuple[str, Any]], dict[str, Any]]:
    """(data file name -> (shown name, document), optional file name -> the same or None); every problem
    met is added to ``problems``."""
    docs: dict[str, tuple[str, Any]] = {}
    for name in DATA_FILES:
        try:
            docs[name] = files.read(files.data_folder(name), f"{name}.yaml")
        except KnowledgeError as exc:
            problems.extend(exc.problems)
    optional: dict[str, Any] = {}
    for name in OPTIONAL_DATA_FILES:
        try:
            optional[name] = files.read_optional(files.data_dir, name)
        except KnowledgeError as exc:
            problems.extend(exc.problems)
    return docs, optional


def _validate(files: _Files) -> KnowledgeBase:
    from .builder import Builder  # the readers (and PyYAML) only on a cache miss

    problems: list[str] = []
    docs, optional = _read_data(files, problems)
    rule_docs = []
    try:
        for name in files.rule_files():
            try:
                rule_docs.append(files.read(files.rules_dir, name))
            except KnowledgeError as exc:
                problems.extend(exc.problems)
    except KnowledgeError as exc:
        problems.extend(exc.problems)
    if problems:
        raise KnowledgeError(problems)
    builder = Builder()
    builder.article(*docs["article"])
    builder.symptoms(*docs["symptoms"], kind="symptom")
    builder.symptoms(*docs["history"], kind="history")
    if optional.get("annotation_findings.yaml"):
        shown, doc = optional["annotation_findings.yaml"]
        builder.symptoms(shown, doc, kind="symptom")
    builder.sites(*(optional.get("sites.yaml") or ("sites.yaml", None)))
    builder.patterns(*docs["patterns"])
    builder.urgency(*docs["urgency"])
    builder.red_flags(*docs["red_flags"])
    builder.conditions(*docs["conditions"])
    if optional.get("annotation_links.yaml"):
        builder.annotation_links(*optional["annotation_links.yaml"])
    builder.time_course(*docs["time_course"])
    builder.words(*docs["words"])
    builder.questionnaire(*docs["questionnaire"])
    builder.reading_concepts(*docs["concepts"])
    for shown, doc in rule_docs:
        builder.rules(shown, doc)
    builder.cross_check()
    if builder.problems:
        raise KnowledgeError(builder.problems)
    # Read-only views: the base is shared by every query and cached per process.
    return KnowledgeBase(
        symptoms=MappingProxyType(builder.symptom_map),
        patterns=MappingProxyType(builder.pattern_map),
        red_flags=MappingProxyType(builder.flag_map),
        conditions=MappingProxyType(builder.condition_map),
        rules=tuple(builder.rule_list),
        article_title=builder.title,
        article_sections=tuple(builder.sections),
        article_concepts=MappingProxyType(dict(builder.concepts)),
        where=files.shown_root,
        sites=MappingProxyType(builder.site_map),
        words=builder.word_lists,
        urgency=tuple(builder.urgency_list),
        core_findings=tuple(builder.core_list),
        concept_lexicon=builder.concept_lexicon,
        time_course=builder.time_course_words,
    )


def __getattr__(name: str):
    if name == "Builder":  # it lives in builder.py, imported only when files must be validated
        from .builder import Builder

        return Builder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
