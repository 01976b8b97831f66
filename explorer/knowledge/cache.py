"""A per-user cache of validated knowledge bases, so a command does not parse and check YAML every time.

The key is the exact bytes of every knowledge file, with the package version, the Python version and a
stamp of this package's loader code: any change to a file (or to the code that reads it) gives another
key, and a cache whose key differs is never used, so a custom ``--knowledge`` folder is validated again
after every edit. The key is kept as bytes and compared whole (no hash: hashlib alone costs more to
import than reading a cache). An entry is written atomically (a temporary file renamed over it), only
after validation succeeded, and is read only when the current user owns it.

Where: ``$SYMPTOM_EXPLORER_CACHE_DIR``, else ``$XDG_CACHE_HOME/symptom-explorer``, else
``~/.cache/symptom-explorer``. ``SYMPTOM_EXPLORER_CACHE=0`` turns the cache off. When the folder cannot
be created or written, knowledge is loaded without a cache, as before.
"""

import dataclasses
import os
import pickle
import sys
import zlib
from pathlib import Path
from types import MappingProxyType

from .._version import __version__
from .records import KnowledgeBase

FORMAT = b"symptom-explorer knowledge cache 1\n"


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("SYMPTOM_EXPLORER_CACHE", "1").strip().lower() in ("0", "off", "no", "false"):
        return None
    explicit = os.environ.get("SYMPTOM_EXPLORER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "symptom-explorer"


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
    here = Path(__file__).parent
    stamps = sorted(f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}" for e in os.scandir(here) if e.is_file())
    return "\n".join(stamps).encode()


def entry_path(folder: Path, where: str) -> Path:
    return folder / f"kb-{zlib.crc32(where.encode()):08x}.pickle"


def load(key: bytes, where: str) -> KnowledgeBase | None:
    """The cached base for ``key``, or None (no cache, another key, unreadable or not ours)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(entry_path(folder, where), "rb") as stream:
            if hasattr(os, "getuid") and os.fstat(stream.fileno()).st_uid != os.getuid():
                return None  # never unpickle a file someone else could have written
            if pickle.load(stream) != key:
                return None
            fields = pickle.load(stream)
    except Exception:  # a missing, truncated or outdated entry is only a cache miss
        return None
    return KnowledgeBase(**fields)


def store(key: bytes, where: str, kb: KnowledgeBase) -> None:
    """Save a validated base under ``key``; silently does nothing when the cache cannot be written."""
    folder = cache_dir()
    if folder is None:
        return
    fields = {f.name: getattr(kb, f.name) for f in dataclasses.fields(kb)}
    import copyreg
    import tempfile  # only when writing

    temporary = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".kb-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
            # The base's read-only views (at any depth) pickle as the dicts they show, and come back as views.
            pickler.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: _reduce_view}
            pickler.dump(key)
            pickler.clear_memo()  # each dump is read back by its own pickle.load
            pickler.dump(fields)
        os.replace(temporary, entry_path(folder, where))
        temporary = None
    except Exception:  # anything that cannot be written or pickled: no cache, never a failed command
        pass
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _reduce_view(view):
    return _view, (dict(view),)


def _view(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)
