"""A per-user cache of validated knowledge bases, so a command does not parse and check YAML every time.

The key is the exact bytes of every knowledge file, with the package version, the Python version and a
stamp of this package's loader code: any change to a file (or to the code that reads it) gives another
key, and a cache whose key differs is never used, so a custom ``--knowledge`` folder is validated again
after every edit. The key is kept as bytes and compared whole (no hash: hashlib alone costs more to
import than reading a cache). An entry is written atomically (a temporary file renamed over it), only
after validation succeeded, and is read only when the current user owns it.

An entry's body (the base's fields, and what it works out from them once: ``_DERIVED``) carries its
length and CRC-32, and what it unpickles to is checked field by field against KnowledgeBase before use:
a truncated, empty, damaged or wrong body (right key, wrong contents) is a cache miss, removed and
rebuilt, never a failed command.

Where: ``$SYMPTOM_EXPLORER_CACHE_DIR``, else the user cache folder platformdirs names
(``$XDG_CACHE_HOME/symptom-explorer`` or ``~/.cache/symptom-explorer`` on Linux, the platform's own
elsewhere). ``SYMPTOM_EXPLORER_CACHE=0`` turns the cache off. When the folder cannot be created, read or
written, knowledge is loaded without a cache, as before.
"""

import contextlib
import io
import os
import sys
from binascii import crc32  # zlib's CRC-32, from a module the command has loaded already
from pathlib import Path
from types import MappingProxyType

try:  # the C unpickler itself: reading needs nothing of pickle.py, which costs a cold start about 1 ms
    from _pickle import load as _unpickle
    from _pickle import loads as _unpickle_bytes
except ImportError:  # another Python than CPython
    from pickle import load as _unpickle
    from pickle import loads as _unpickle_bytes

from .._version import __version__
from ..records import fields as record_fields
from .records import (
    ConceptLexicon,
    Condition,
    KnowledgeBase,
    Pattern,
    RedFlagDef,
    Rule,
    Site,
    Symptom,
    TimeCourseWords,
    UrgencyLevel,
    Words,
)

FORMAT = b"symptom-explorer knowledge cache 3\n"
_BODY_HEADER_SIZE = 12  # the body's length (8 bytes) and CRC-32 (4), big-endian
# What each field of a cached base must hold: its own type, and the type of its items (None: any).
_SHAPE: dict[str, tuple[type, type | None]] = {
    "symptoms": (MappingProxyType, Symptom),
    "patterns": (MappingProxyType, Pattern),
    "red_flags": (MappingProxyType, RedFlagDef),
    "conditions": (MappingProxyType, Condition),
    "rules": (tuple, Rule),
    "article_title": (str, None),
    "article_sections": (tuple, str),
    "article_concepts": (MappingProxyType, None),
    "where": (str, None),
    "sites": (MappingProxyType, Site),
    "words": (Words, None),
    "urgency": (tuple, UrgencyLevel),
    "core_findings": (tuple, str),
    "concept_lexicon": (ConceptLexicon, None),
    "time_course": (TimeCourseWords, None),
    "pack": (type(None), None),  # a base with a learner's rule pack is never cached
}
# What the cache keeps besides the fields: values a base works out from them once (its cached properties),
# which a cached base then has from the start.
_DERIVED: dict[str, tuple[type, type | None]] = {"finding_names": (MappingProxyType, str)}
_KEY = "_cache_key"  # where a base loaded or stored through the cache keeps its key


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("SYMPTOM_EXPLORER_CACHE", "1").strip().lower() in ("0", "off", "no", "false"):
        return None
    explicit = os.environ.get("SYMPTOM_EXPLORER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies on Linux, said here: its unix module imports tempfile (with shutil,
        # bz2, lzma and random), about 5 ms of every command's start. A test holds the two equal.
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return Path(base) / "symptom-explorer"
    import platformdirs  # elsewhere the platform's own rules (macOS, Windows) are the library's to know

    return Path(platformdirs.user_cache_dir("symptom-explorer", appauthor=False))


def key_for(contents: list, where: str) -> bytes:
    """The key for knowledge made of ``contents``, (name, bytes) of every file in a fixed order."""
    parts = [FORMAT, f"{__version__}\n{sys.version}\n{where}\n".encode(), _code_stamp()]
    for name, content in contents:
        parts.append(f"\n{name}\n{len(content)}\n".encode())
        parts.append(content)
    return b"".join(parts)


def _code_stamp() -> bytes:
    # The records and readers decide what a cached base holds: an edited module (an editable install
    # keeps its version number) must not meet a base pickled by the old one.
    # explorer/records.py counts too: it decides how a record pickles.
    here = Path(__file__).parent
    layout = os.stat(here.parent / "records.py")
    return folder_stamp(here) + f"\n../records.py:{layout.st_size}:{layout.st_mtime_ns}".encode()


def folder_stamp(folder: Path) -> bytes:
    """The name, size and modification time of every file in ``folder``: what tells an edited module apart."""
    stamps = sorted(f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}" for e in os.scandir(folder) if e.is_file())
    return "\n".join(stamps).encode()


def entry_path(folder: Path, where: str) -> Path:
    return folder / f"kb-{crc32(where.encode()):08x}.pickle"


def load(key: bytes, where: str) -> KnowledgeBase | None:
    """The cached base for ``key``, or None (no cache, another key, unreadable, not ours, or a body that
    is not a whole, well-formed base: that entry is removed, so the next store rebuilds it)."""
    try:
        folder = cache_dir()
        if folder is None:
            return None
        path = entry_path(folder, where)
        with open(path, "rb") as stream:
            if hasattr(os, "getuid") and os.fstat(stream.fileno()).st_uid != os.getuid():
                return None  # never unpickle a file someone else could have written
            if _unpickle(stream) != key:
                return None  # another version of the files: store() replaces it
            fields = _body(stream)
    except Exception:  # missing, unreadable, truncated: only a cache miss
        return None
    if fields is None:
        with contextlib.suppress(OSError):
            os.unlink(path)
        return None
    kb = KnowledgeBase(**{name: fields[name] for name in _SHAPE})
    kb.__dict__.update((name, fields[name]) for name in _DERIVED)  # where the cached properties keep them
    remember_key(kb, key, where)
    return kb


def remember_key(kb: KnowledgeBase, key: bytes, where: str) -> None:
    """Keep ``key`` and ``where`` with ``kb`` (beside its cached properties), so what other layers work out
    from the base can be cached beside its entry (``load_side``)."""
    kb.__dict__[_KEY] = (key, where)


def _body(stream) -> dict | None:
    """The fields of the base that follows the key, or None when the body is damaged or not a base."""
    try:
        fields = _unpickle_bytes(_checked(stream))
    except Exception:  # short header, a damaged body, one pickle refuses (or a class it names that is gone)
        return None
    return fields if _well_formed(fields) else None


def _checked(stream) -> bytes:
    """The body after an entry's key, its length and CRC-32 checked (ValueError when they do not hold)."""
    header = stream.read(_BODY_HEADER_SIZE)
    if len(header) != _BODY_HEADER_SIZE:
        raise ValueError("short header")
    length, checksum = int.from_bytes(header[:8], "big"), int.from_bytes(header[8:], "big")
    body = stream.read(length + 1)
    if len(body) != length or crc32(body) != checksum:
        raise ValueError("damaged body")
    return body


def _well_formed(fields) -> bool:
    """Whether ``fields`` holds every field of a KnowledgeBase and every derived value, each of its type
    with items of theirs."""
    shapes = _SHAPE | _DERIVED
    if not isinstance(fields, dict) or set(fields) != set(shapes):
        return False
    for name, (kind, item) in shapes.items():
        value = fields[name]
        if not isinstance(value, kind):
            return False
        if item is None:
            continue
        # an item type is given only for the tuple and read-only mapping fields
        items = value.values() if isinstance(value, MappingProxyType) else value if isinstance(value, tuple) else ()
        if not all(isinstance(v, item) for v in items):
            return False
    return True


def store(key: bytes, where: str, kb: KnowledgeBase) -> None:
    """Save a validated base under ``key``; silently does nothing when the cache cannot be written."""
    fields = {f.name: getattr(kb, f.name) for f in record_fields(kb)} | {name: getattr(kb, name) for name in _DERIVED}
    import copyreg
    import pickle  # only when writing

    try:
        folder = cache_dir()
        if folder is None:
            return
        body = io.BytesIO()
        pickler = pickle.Pickler(body, protocol=pickle.HIGHEST_PROTOCOL)
        # The base's read-only views (at any depth) pickle as the dicts they show, and come back as views.
        pickler.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: _reduce_view}
        pickler.dump(fields)
        _write(entry_path(folder, where), key, body.getvalue())
        remember_key(kb, key, where)
    except Exception:  # anything that cannot be written or pickled: no cache, never a failed command
        pass


def _write(path: Path, key: bytes, body: bytes) -> None:
    """Write an entry atomically: the key, the body's length and CRC-32, the body (a temporary file renamed
    over ``path``). Raises when it cannot."""
    import pickle
    import tempfile

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(key, stream, protocol=pickle.HIGHEST_PROTOCOL)
            stream.write(len(body).to_bytes(8, "big") + crc32(body).to_bytes(4, "big"))
            stream.write(body)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _reduce_view(view):
    return _view, (dict(view),)


def _view(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


def load_side(kb: KnowledgeBase, name: str, stamp: bytes):
    """What ``store_side`` kept for ``kb`` under ``name`` (another layer's values worked out from the base: the
    reader's phrase indexes), or None: no cache, a base not from the cache, another base or ``stamp`` (the
    stamp of the code that works the values out), or a damaged entry. The caller checks what it gets."""
    key, where = kb.__dict__.get(_KEY, (None, ""))
    try:
        folder = cache_dir()
        if folder is None or key is None:
            return None
        with open(_side_path(folder, where, name), "rb") as stream:
            if hasattr(os, "getuid") and os.fstat(stream.fileno()).st_uid != os.getuid():
                return None
            if _unpickle(stream) != key + stamp:
                return None
            return _unpickle_bytes(_checked(stream))
    except Exception:  # missing, unreadable, truncated, a class that is gone: only a miss
        return None


def store_side(kb: KnowledgeBase, name: str, stamp: bytes, value) -> None:
    """Keep ``value`` for ``kb`` under ``name`` and ``stamp``; silently nothing when the base is not from the
    cache or the cache cannot be written."""
    key, where = kb.__dict__.get(_KEY, (None, ""))
    folder = cache_dir()
    if key is None or folder is None:
        return
    import pickle  # only when writing

    with contextlib.suppress(Exception):
        _write(_side_path(folder, where, name), key + stamp, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _side_path(folder: Path, where: str, name: str) -> Path:
    return entry_path(folder, where).with_suffix(f".{name}.pickle")
