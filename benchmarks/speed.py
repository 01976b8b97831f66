"""Speed, measured side by side in one run and printed as ratios (a script, not a test: it never fails on
its figures). Needs the benchmark extra for the CLIPS comparison: pip install -e '.[bench]'.

    python benchmarks/speed.py [--runs 15] [--queries 300] [--dense 60] [--sizes 100 300 1000]
                               [--cases 3000 10000] [--pairs 5] [--skip PART ...] [--against OTHER_COMMAND]

1. Cold start: `symptom-explorer match numbness "dry eyes"` against the import floor (a fresh interpreter
   importing only experta, PyYAML and click), on the shipped knowledge and on generated folders of
   100/300/1,000 rules (generate_knowledge.py). Runs alternate between the two so both see the same
   machine load, and the ratio is the median over pairs (a match run / the floor run before it); the
   knowledge cache is warm (one run before timing) and the package byte-compiled, as an install leaves
   it. CPU time (user + system) of the child process is the main figure, wall time is shown beside it.
   ``--against`` times another installed command (the code before a change) in the same turns.
2. explore() per query, and the engine alone (stock experta and the fast matcher), against the same rules
   run by CLIPS (clipspy), on the same findings; CLIPS and our engine are first checked to fire the same
   rules for every query. CLIPS, explore() and the engine take each query in turn. A CLIPS environment
   slows down the longer it is used, so the baselines (CLIPS, stock experta) are timed fresh: a new one,
   built outside the timing, for every block of FRESH_BLOCK queries (fresh.py). explore() is given the
   findings' labels as text: it reads them (a short text read before is remembered), runs the engine,
   ranks and builds the whole Result.
   2b. Dense cases, a guard: 20 and 50 findings present at once, explore() against CLIPS, at the largest
   generated size (growth faster than CLIPS's shows here first).
3. Choosing the next question over questionnaire states reached by answering the chosen questions
   (seeded), the fast choice and the straightforward one (every candidate through explore()), on the
   shipped knowledge and the largest generated folder; each state's figure is the median of 5 runs, and
   the worst state's is shown. Each folder is timed in a fresh process started as the installed command
   starts (the knowledge frozen once loaded, explorer/startup.py), as a person's `ask` is, so the garbage
   the earlier sections left is not walked by its collector.
4. batch: cases per second with --jobs 1 and --jobs 2 in adjacent pairs, alternating which goes first, on
   3,000 and 10,000 cases; the median of the pairs' ratios, and peak memory of the largest process.
In-process figures are CPU time of this process.
"""

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fresh import FreshBaseline  # noqa: E402
from generate_knowledge import generate  # noqa: E402

FRESH_BLOCK = 100  # timed queries a baseline instance answers before a new one is built (fresh.py)

FLOOR = (
    "import collections, collections.abc\n"
    "for n in ('Mapping', 'MutableMapping', 'Sequence', 'Iterable', 'Callable', 'Hashable'):\n"
    "    setattr(collections, n, getattr(collections.abc, n))\n"
    "import experta, yaml, click\n"
)


def command() -> str:
    here = Path(sys.executable).parent / "symptom-explorer"
    return str(here) if here.exists() else shutil.which("symptom-explorer") or "symptom-explorer"


def compiled(env) -> None:
    """Byte-compile the package, as installing it does: with PYTHONDONTWRITEBYTECODE set (some machines
    set it) an edited module would be compiled again on every cold start, which no installed copy does,
    while the floor's packages were compiled when they were installed."""
    import compileall

    import explorer

    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(Path(explorer.__file__).parent), quiet=1)


def timed_child(args, env) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def cold_start(folders: dict, runs: int, env, against: str | None = None) -> None:
    """With ``against`` (another installed command, such as the code before a change), that command is
    timed in the same turns, with its own cache folder, and shown on a row of its own."""
    print('\n1. Cold start: `match numbness "dry eyes"` / import floor (experta + yaml + click)')
    print(f"   {'knowledge':<10} {'rules':>5} {'cpu ratio':>9} {'wall ratio':>10} {'match cpu':>10} {'floor cpu':>10}")
    floor_args = [sys.executable, "-c", FLOOR]
    commands = {"": (command(), env)}
    if against:
        commands["  against"] = (
            against,
            {**env, "SYMPTOM_EXPLORER_CACHE_DIR": env["SYMPTOM_EXPLORER_CACHE_DIR"] + "-a"},
        )
    for name, (folder, rules) in folders.items():
        knowledge = ["--knowledge", str(folder)] if folder else []
        runs_of = {label: [] for label in commands}
        for program, its_env in commands.values():
            timed_child([program, "match", "numbness", "dry eyes", *knowledge], its_env)  # fills the knowledge cache
        floor = []
        for _ in range(runs):
            floor.append(timed_child(floor_args, env))
            for label, (program, its_env) in commands.items():
                runs_of[label].append(timed_child([program, "match", "numbness", "dry eyes", *knowledge], its_env))
        fc = statistics.median(x[0] for x in floor)
        for label, match in runs_of.items():
            mc = statistics.median(x[0] for x in match)
            # Each match run is divided by the floor run just before it, and the median of those ratios kept:
            # a spell of load from elsewhere slows both runs of a pair, so it moves the ratio less.
            cpu, wall = (statistics.median(m[i] / f[i] for f, m in zip(floor, match)) for i in (0, 1))
            shown = label or name
            print(f"   {shown:<10} {rules:>5} {cpu:>8.2f}x {wall:>9.2f}x {mc * 1000:>8.0f}ms {fc * 1000:>8.0f}ms")


def side_by_side(functions, count, rounds=3) -> list[list[float]]:
    """Per-call CPU milliseconds of each function, called in turn for each of ``count`` items, over
    ``rounds`` passes (the first a warm-up). A function with a ``prepare`` (a FreshBaseline) is prepared
    before its clock starts, so rebuilding a baseline is never timed."""
    times = [[] for _ in functions]
    for round_ in range(rounds):
        for i in range(count):
            for function, out in zip(functions, times):
                prepare = getattr(function, "prepare", None)
                if prepare is not None:
                    prepare(i)
                start = time.process_time_ns()
                function(i)
                if round_:
                    out.append((time.process_time_ns() - start) / 1e6)
    return times


def queries(kb, count, seed=2, findings=(2, 6)):
    """``count`` queries of findings the rules name (between ``findings`` of them present) and one absent."""
    rng = random.Random(seed)
    named = sorted({ref for rule in kb.rules for ref in rule.all + rule.any} & set(kb.symptoms))
    out = []
    for _ in range(count):
        present = set(rng.sample(named, min(len(named), rng.randint(*findings))))
        out.append((present, set(rng.sample(sorted(set(kb.symptoms) - present), 1))))
    return out


def versus_clips(folders: dict, count: int) -> None:
    from clips_rules import ClipsEngine

    from explorer import explore, load_knowledge
    from explorer.language.parser import parser_for
    from explorer.reasoning.engine import Engine

    print("\n2. One query (median ms, CPU) against CLIPS running the same rules on the same findings")
    print(
        f"   {'knowledge':<10} {'rules':>5} {'CLIPS':>7} {'explore()':>9} {'ratio':>6} {'engine':>7} {'ratio':>6}"
        f" {'stock experta':>13} {'ratio':>6} {'p95 explore':>11}"
    )
    for name, (folder, rules) in folders.items():
        kb = load_knowledge(folder)
        fast = Engine(kb, matcher="fast")
        items = queries(kb, count)
        check = ClipsEngine(kb)  # checked on its own environment, never timed
        for present, absent in items:
            check.run(present, absent)
            if check.fired() != {s.rule for s in fast.run(present, absent).steps}:
                raise SystemExit(f"CLIPS and the explorer fire different rules for {sorted(present)}")
        del check
        labelled = [([kb.symptoms[f].label for f in p], [kb.symptoms[f].label for f in a]) for p, a in items]

        # The baselines are timed fresh: a new CLIPS environment (and a new stock engine) for every block of
        # FRESH_BLOCK queries, built before the clock starts (fresh.py says why).
        def query(engine, i, items=items):
            return engine.run(*items[i])

        clips = FreshBaseline(lambda kb=kb: ClipsEngine(kb), query, FRESH_BLOCK)
        stock = FreshBaseline(lambda kb=kb: Engine(kb, matcher="experta"), query, FRESH_BLOCK)
        # Side by side: each query by CLIPS, explore() and the engine in turn, so all three see the same load.
        c, e, f = side_by_side(
            [
                clips,
                lambda i, kb=kb, texts=labelled: explore(texts[i][0], texts[i][1], kb=kb),
                lambda i, engine=fast, items=items: engine.run(*items[i]),
            ],
            len(items),
        )
        (s,) = side_by_side([stock], len(items), rounds=2)
        # explore() again with every text read afresh (the parser's remembered readings cleared first),
        # to show what reading costs a query whose words were never seen before.
        reader = parser_for(kb)._remembered
        c2, fresh = side_by_side(
            [
                clips,
                lambda i, kb=kb, texts=labelled, reader=reader: (
                    reader.cache_clear() or explore(texts[i][0], texts[i][1], kb=kb)
                ),
            ],
            len(items),
        )
        # explore() again with the trace steps it shares between queries (explore._trace_steps: one record per
        # rule, place in the run and findings matched) made afresh: what a query costs whose firings were never
        # seen before, as a first query of each kind would.
        from explorer.reasoning.explore import _trace_steps

        steps = _trace_steps(kb)
        c3, unshared = side_by_side(
            [
                clips,
                lambda i, kb=kb, texts=labelled, steps=steps: steps.clear() or explore(texts[i][0], texts[i][1], kb=kb),
            ],
            len(items),
        )
        m = statistics.median
        p95 = statistics.quantiles(e, n=20)[-1]
        print(
            f"   {name:<10} {rules:>5} {m(c):>7.3f} {m(e):>9.3f} {m(e) / m(c):>5.1f}x {m(f):>7.3f} {m(f) / m(c):>5.1f}x"
            f" {m(s):>13.3f} {m(s) / m(c):>5.1f}x {p95:>11.3f}"
        )
        fresh_note = "(with texts read afresh every time"
        print(f"   {'':<16} {fresh_note}: explore() {m(fresh):.3f} ms, {m(fresh) / m(c2):.1f}x CLIPS)")
        unshared_note = "(with its trace steps made afresh every time"
        print(f"   {'':<16} {unshared_note}: explore() {m(unshared):.3f} ms, {m(unshared) / m(c3):.1f}x CLIPS)")
        print(f"   {'':<16} (CLIPS timed on {clips.built} fresh environments, {FRESH_BLOCK} queries each at most)")


def dense(folders: dict, count: int, sizes=(20, 50)) -> None:
    """A guard against cases that grow faster than they should: many findings at once (20 and 50 present)
    through explore() and CLIPS, side by side as in section 2 (a fresh CLIPS every FRESH_BLOCK queries)."""
    from clips_rules import ClipsEngine

    from explorer import explore, load_knowledge

    print(f"\n2b. Dense cases: {' and '.join(map(str, sizes))} findings present (median ms, CPU), against CLIPS")
    print(f"   {'knowledge':<10} {'rules':>5} {'findings':>8} {'CLIPS':>7} {'explore()':>9} {'ratio':>6}")
    for name, (folder, rules) in folders.items():
        kb = load_knowledge(folder)
        for size in sizes:
            items = queries(kb, count, seed=3, findings=(size, size))
            labelled = [([kb.symptoms[f].label for f in p], [kb.symptoms[f].label for f in a]) for p, a in items]

            def query(engine, i, items=items):
                return engine.run(*items[i])

            clips = FreshBaseline(lambda kb=kb: ClipsEngine(kb), query, FRESH_BLOCK)
            c, e = side_by_side(
                [clips, lambda i, kb=kb, texts=labelled: explore(texts[i][0], texts[i][1], kb=kb)], len(items)
            )
            m = statistics.median
            print(f"   {name:<10} {rules:>5} {size:>8} {m(c):>7.3f} {m(e):>9.3f} {m(e) / m(c):>5.1f}x")


def questionnaire_states(kb, per_session=8, seed=7):
    import yaml

    from explorer.knowledge.loader import packaged_folders
    from explorer.language.vocabulary import vocabulary_for
    from explorer.reasoning.questionnaire import Questionnaire

    vocabulary = vocabulary_for(kb)
    text = packaged_folders()[0].joinpath("cases", "examples.yaml").read_text(encoding="utf-8")
    rng = random.Random(seed)
    states = []
    for case in yaml.safe_load(text):
        session = Questionnaire(kb)
        for phrase in case.get("symptoms", []):
            found = vocabulary.resolve(phrase).symptom
            if found:
                session.record(found.id, "yes", entered=True)
        for _ in range(per_session):
            states.append(list(session.answers))
            question = session.next_question()
            if question is None:
                break
            session.record(question.finding.id, rng.choice(["yes", "no", "no", "unsure"]))
    return states


def next_question(folders: dict, env, repeats: int = 5) -> None:
    """Each knowledge folder in a fresh process of its own, started as the installed command starts (see
    ``question_child``): what a person's `ask` runs in, not a heap that the earlier sections left."""
    print(f"\n3. Next question over questionnaire states (CPU ms; median of {repeats} runs per state)")
    for name, (folder, _) in folders.items():
        args = [sys.executable, __file__, "--question-child", name, str(folder or ""), str(repeats)]
        done = subprocess.run(args, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"the next-question child for {name} failed:\n{done.stderr}")
        print(done.stdout, end="")


def question_child(name: str, folder: str, repeats: int) -> None:
    """Section 3 for one folder, in this fresh process: the collector is set up around loading the knowledge
    as the installed command sets it up (explorer/startup.py: what start-up made is frozen once loaded)."""
    from explorer import startup

    startup.begin()
    from explorer import load_knowledge

    kb = load_knowledge(folder or None)
    startup.end()
    _next_question(name, kb, repeats)


def _next_question(name, kb, repeats: int) -> None:
    from explorer.reasoning.questionnaire import Questionnaire

    states = questionnaire_states(kb)
    figures = {}
    for exhaustive in (False, True):
        times = []
        for answers in states:
            # Each state several times, its median kept: a state's figure, not one noisy sample of it.
            samples = []
            for _ in range(repeats):
                session = Questionnaire(kb, answers=list(answers))
                session.result()  # the ask loop has shown the result already
                start = time.process_time_ns()
                session.next_question(exhaustive=exhaustive, choices=True)  # as `ask` and the web ask it
                samples.append((time.process_time_ns() - start) / 1e6)
            times.append(statistics.median(samples))
        figures[exhaustive] = (statistics.median(times), max(times))
    (fm, fw), (sm, sw) = figures[False], figures[True]
    print(
        f"   {name:<10} {len(kb.rules):>5} rules, {len(states)} states: fast median {fm:.1f}, worst {fw:.1f};"
        f" straightforward median {sm:.1f}, worst {sw:.1f} ({sm / fm:.1f}x and {sw / fw:.1f}x faster)"
    )


BATCH_PROBE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def batch(sizes: list[int], pairs: int, env) -> None:
    """Alternating --jobs 1 / --jobs 2 pairs on each batch size: the ratio is each pair's, and the median is
    shown (a start-up of about 0.13 s is the same in both, so small batches cannot reach the ideal 2x)."""
    from batch_memory import FINDINGS as findings  # the same cases as the memory benchmark (same folder)

    for cases in sizes:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "cases.jsonl"
            with source.open("w", encoding="utf-8") as out:
                for i in range(cases):
                    out.write(json.dumps({"id": f"c{i}", "symptoms": findings[i % len(findings)]}) + "\n")
            print(f"\n4. batch of {cases} cases (JSON Lines), {pairs} adjacent pairs, alternating which goes first")
            runs: dict[str, list[tuple[float, float]]] = {"1": [], "2": []}
            ratios = []
            for i in range(pairs):
                got = {jobs: _timed_batch(source, jobs, env) for jobs in (("1", "2") if i % 2 == 0 else ("2", "1"))}
                for jobs, figures in got.items():
                    runs[jobs].append(figures)
                ratios.append(got["1"][0] / got["2"][0])
            for jobs, figures in runs.items():
                wall = statistics.median(seconds for seconds, _ in figures)
                peak = max(memory for _, memory in figures)
                print(f"   --jobs {jobs}: median {cases / wall:.0f} cases/s, peak memory {peak:.0f} MiB")
            median, low, high = statistics.median(ratios), min(ratios), max(ratios)
            print(f"   ratio --jobs 2 / --jobs 1: median {median:.2f}x (pairs {low:.2f}-{high:.2f}x)")


def _timed_batch(source: Path, jobs: str, env) -> tuple[float, float]:
    """Wall seconds of one `batch --jobs N` run, and its largest process's peak memory in MiB."""
    done = subprocess.run(
        [sys.executable, "-c", BATCH_PROBE, command(), "batch", "--jobs", jobs, str(source)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, peak = done.stdout.split()
    return float(seconds), int(peak) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold starts of each kind per knowledge folder")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--cases", type=int, nargs="*", default=[3000, 10000], help="batch sizes")
    parser.add_argument("--pairs", type=int, default=5, help="alternating --jobs 1 / --jobs 2 pairs per batch size")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 300, 1000], help="generated folder sizes")
    parser.add_argument("--dense", type=int, default=60, help="dense queries of each size")
    parser.add_argument("--skip", nargs="*", default=[], choices=["cold", "clips", "dense", "question", "batch"])
    parser.add_argument("--against", help="another installed symptom-explorer command, cold-started in the same turns")
    parser.add_argument("--question-child", nargs=3, help=argparse.SUPPRESS)  # section 3 in a fresh process
    args = parser.parse_args()
    if args.question_child:
        name, folder, repeats = args.question_child
        question_child(name, folder, int(repeats))
        return
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.1f} at start")
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "SYMPTOM_EXPLORER_CACHE_DIR": str(Path(work) / "cache")}
        env.pop("SYMPTOM_EXPLORER_CACHE", None)
        compiled(env)
        folders = {"shipped": (None, None)}
        for size in args.sizes:
            folders[f"gen-{size}"] = (generate(Path(work) / f"kb{size}", size), size)
        from explorer import load_knowledge

        folders["shipped"] = (None, len(load_knowledge().rules))
        if "cold" not in args.skip:
            cold_start(folders, args.runs, env, args.against)
        ends = {k: v for k, v in folders.items() if k in ("shipped", f"gen-{max(args.sizes, default=0)}")}
        if "clips" not in args.skip:
            versus_clips(ends, args.queries)
        if "dense" not in args.skip:
            dense({k: v for k, v in ends.items() if k != "shipped"} or ends, args.dense)
        if "question" not in args.skip:
            next_question(ends, env)
        if "batch" not in args.skip:
            batch(args.cases, args.pairs, env)


if __name__ == "__main__":
    main()
