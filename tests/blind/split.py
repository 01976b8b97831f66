#!/usr/bin/env python3
"""Deterministic dev/test split of the blind sets, fixed before any tuning.

split(items, seed=20261203) -> (dev, test)

Items are grouped (a time-course pair stays together, every other item is its own
group), the groups are put in stratum order (stratum = `kind`, or "vignette" for set T),
each stratum's group ids are sorted and then shuffled with random.Random(seed), and the
first half of each stratum (rounded down) goes to dev, the rest to test.
Do not change the seed or this procedure after results have been seen.
"""

import collections
import random
import sys
from pathlib import Path

SEED = 20261203


def split(items, seed=SEED):
    rng = random.Random(seed)
    strata = collections.defaultdict(lambda: collections.defaultdict(list))
    for it in items:
        stratum = it.get("kind", "vignette")
        group = it.get("pair") or it["id"]
        strata[stratum][group].append(it)
    dev_ids, test_ids = set(), set()
    for stratum in sorted(strata):
        groups = sorted(strata[stratum])
        rng.shuffle(groups)
        half = len(groups) // 2
        for g in groups[:half]:
            dev_ids.update(it["id"] for it in strata[stratum][g])
        for g in groups[half:]:
            test_ids.update(it["id"] for it in strata[stratum][g])
    dev = [it for it in items if it["id"] in dev_ids]
    test = [it for it in items if it["id"] in test_ids]
    return dev, test


def _main():
    import yaml

    here = Path(__file__).resolve().parent
    for name in ("reading_a.yaml", "time_course.yaml"):
        items = yaml.safe_load((here / name).read_text(encoding="utf-8"))
        dev, test = split(items)
        print(f"{name}: {len(items)} items -> dev {len(dev)}, test {len(test)}")
        cd = collections.Counter(it.get("kind", "vignette") for it in dev)
        ct = collections.Counter(it.get("kind", "vignette") for it in test)
        for k in sorted(set(cd) | set(ct)):
            print(f"  {k:14} dev {cd[k]:4}  test {ct[k]:4}")
    return 0


if __name__ == "__main__":
    sys.exit(_main())
