"""Lists in a clause: sites named alone go with the finding before them ("numb hands and feet"), and
a word alone stands for a word of the phrase before it ("dry eyes and mouth"). And which finding a body
site named near several belongs to."""

from dataclasses import replace

from .matching import Found, Item, list_items, segment
from .phrases import PhraseIndex


def ellipsis(items: list[Item], found: list[Found], indexes: list[PhraseIndex]) -> list[Found]:
    """A list item of unread words that stands for a word of the phrase before it: "dry eyes and mouth"
    reads "mouth" as "dry mouth", "no numbness or tingling" needs no such help."""
    taken = {i for f in found for i in f.used}
    owners = {segment(items, f.used): f for f in found}
    out, segments = [], list_items(items)
    for previous, current in zip(segments, segments[1:]):
        before = owners.get(previous)
        words = [k for k in range(current[0], current[1] + 1) if k not in taken and items[k].role == "word"]
        if before is None or not before.key or not words or current in owners:
            continue
        sites = tuple(k for k in range(current[0], current[1] + 1) if items[k].role == "site")
        new = frozenset(items[k].fold for k in words)
        for replaced in sorted(before.key):
            key = (before.key - {replaced}) | new
            target = next(
                (t for t in (ix.resolve(key, tuple(items[s].site for s in sites)) for ix in indexes) if t), None
            )
            if target is not None and len(key) == len(before.key):
                out.append(Found(tuple(words), target, sites, None, key))
                owners[current] = out[-1]
                break
    return out


def coordinated_sites(items: list[Item], found: list[Found]) -> dict:
    """Sites alone in a list item go with the findings of the item before ("numb hands and feet")."""
    out: dict = {}
    segments = list_items(items)
    owners: dict = {}  # list item -> the findings in it
    for f in found:
        owners.setdefault(segment(items, f.used), []).append(f.used)
    for previous, current in zip(segments, segments[1:]):
        if current in owners or previous not in owners:
            continue
        lone = [items[k].site for k in range(current[0], current[1] + 1) if items[k].role == "site"]
        for used in owners[previous] if lone else ():
            out.setdefault(used, []).extend(lone)
    return out


def settle_sites(items: list[Item], found: list[Found], siteless: frozenset) -> list[Found]:
    """A body site belongs to the finding it is written with: a history finding ("flu", "diabetes") has
    none, and a site across a word such as "since" or "with" (an item's ``cut``) from a finding is not
    that finding's when another finding has it on its own side ("my legs feel weak since the flu")."""
    found = [replace(f, sites=()) if f.target.symptom in siteless else f for f in found]
    across = {f.used: {s for s in f.sites if _cut_between(items, s, f.used)} for f in found}
    own = {s for f in found for s in f.sites if s not in across[f.used]}
    return [replace(f, sites=tuple(s for s in f.sites if s not in across[f.used] & own)) for f in found]


def _cut_between(items: list[Item], site: int, used) -> bool:
    lo, hi = (site, min(used)) if site < min(used) else (max(used), site)
    return any(items[k].cut for k in range(lo + 1, hi + 1))
