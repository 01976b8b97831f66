"""Batch work across processes: cases are explored in chunks by worker processes and come back in input
order, so the output is the same, byte for byte, as with one process.

The input is still read as a stream by this process, and only a few chunks per worker are in flight at
once, so memory stays flat however long the input is. A failure to read the input part-way (a
BatchFileError) is raised only after every case read before it has come back, as in one process.
"""

import gc
import itertools
import os
from collections import deque
from collections.abc import Generator

from ..errors import InputError
from ..knowledge.loader import load_knowledge
from ..knowledge.records import KnowledgeBase
from ..language.parser import parse
from ..reasoning.engine import engine_for
from ..reasoning.explore import checked_findings
from .batch import run_cases
from .records import CaseError

# Cases per task: each task's hand-over (its records back through a pipe, 1-2 MB of JSON Lines for 128
# cases) leaves its worker idle a few milliseconds, so fewer, larger tasks keep the cores busier.
CHUNK = 128
IN_FLIGHT = 2  # chunks queued per worker: up to 512 cases in flight with two workers

_worker_kb: KnowledgeBase | None = None


def default_jobs() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_cases_parallel(cases, kb: KnowledgeBase, jobs: int, then=None) -> Generator:
    """run_cases across ``jobs`` processes (``jobs`` <= 1: in this one), yielding ``then(outcome)`` for each
    case (the outcome itself without ``then``). ``then`` runs in the worker, so the caller can have each
    record formatted there too; it must be a module-level function (or a partial of one)."""
    if jobs > 1:
        # Imported only here: multiprocessing, its pool and ctypes cost a one-process batch ~15 ms of start-up.
        import multiprocessing

        forks = "fork" in multiprocessing.get_all_start_methods()
        # A spawned worker reloads the knowledge from its folder, which holds no rule pack: such runs stay here.
        if kb.pack is None or forks:
            yield from _run_in_pool(cases, kb, jobs, then, forks)
            return
    for outcome in run_cases(cases, kb):
        yield then(outcome) if then else outcome


def _run_in_pool(cases, kb: KnowledgeBase, jobs: int, then, forks: bool) -> Generator:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .lifeline import signals_held

    global _worker_kb
    context: multiprocessing.context.BaseContext
    initargs: tuple[str | None, int]
    if forks:
        # Forked workers inherit the loaded knowledge base (no reloading, nothing to send).
        context, initargs = multiprocessing.get_context("fork"), (None, os.getpid())
        _worker_kb = kb
    else:
        where = None if kb.where == "explorer" else kb.where
        context, initargs = multiprocessing.get_context("spawn"), (where, os.getpid())
    pending: deque = deque()
    chunks = _chunks(cases)
    first = next(chunks, None)
    if first is None:
        return
    if context.get_start_method() == "fork":
        _prepare_inherited(first, kb)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=initargs) as pool:
        try:
            for chunk in itertools.chain((first,), chunks):
                with signals_held():  # a worker may be started here (see lifeline.py)
                    pending.append(pool.submit(_explore_chunk, chunk, then))
                while len(pending) >= jobs * IN_FLIGHT:
                    yield from pending.popleft().result()
        except (GeneratorExit, KeyboardInterrupt, SystemExit):
            # The caller stopped reading, or the run is being stopped: drop the work still queued.
            pool.shutdown(cancel_futures=True)
            raise
        except Exception:
            # The input broke part-way: the cases read before it still come out, in order, then the error.
            while pending:
                yield from pending.popleft().result()
            raise
        while pending:
            yield from pending.popleft().result()


def _chunks(cases):
    chunk = []
    try:
        for item in cases:
            chunk.append(item)
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
    except Exception:
        if chunk:  # the cases read before the input broke
            yield chunk
        raise
    if chunk:
        yield chunk


def _prepare_inherited(chunk, kb: KnowledgeBase) -> None:
    """Before forking: read the first chunk's texts and build the engine here, so that what a process
    builds for its first queries (the reader's phrase and concept indexes, its remembered readings, the
    engine of every rule; most of a worker's own work on a short batch) is built once and inherited by
    every worker instead of once in each. Then what this process holds is frozen, so that the workers'
    collector never walks it (walking it would write to, and so copy, the pages they share)."""
    for item in chunk:
        if isinstance(item, CaseError):
            continue
        try:
            present, absent = checked_findings(item.present, item.absent)
        except InputError:
            continue  # the worker reports it
        for text in (*present, *absent):
            parse(text, kb)
    engine_for(kb).prepare()
    gc.freeze()


def _start_worker(knowledge_dir, parent: int):
    from .lifeline import bind_to_parent

    global _worker_kb
    bind_to_parent(parent)  # a worker never outlives the run, even one killed with kill -9
    if _worker_kb is None:  # spawned, not forked: load the same knowledge (from the cache when it can)
        _worker_kb = load_knowledge(knowledge_dir)


def _explore_chunk(chunk, then) -> list:
    assert _worker_kb is not None  # _start_worker set it in this worker
    return [then(outcome) if then else outcome for outcome in run_cases(chunk, _worker_kb)]
