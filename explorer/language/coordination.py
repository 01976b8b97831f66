"""Coordination in a clause: which words go together. Body-site words are marked, and a list word between
two sites lists the sites of one finding ("hands and feet"); sites named alone go with the finding before
them ("numb hands and feet"); a site that opens a list item is the subject of a finding that opens the next
after "and" ("my legs are numb and weak"); a word alone stands for a word of the phrase before it ("dry eyes and
mouth"); and a body site named near several findings is settled on the one it is written with."""

from ..records import replace
from .matching import Found, Item, list_items, segment
from .phrases import PhraseIndex


def mark_sites(items: list[Item], site_words: dict, list_ends: frozenset) -> list[Item]:
    """Give runs of words that name a body site the role "site" (longest run first). ``list_ends``: words
    after a pair of sites that end their list ("hands and feet that tingle": data/words.yaml)."""
    longest = max((len(k) for k in site_words), default=0)
    firsts = {k[0] for k in site_words}
    out, i = list(items), 0
    while i < len(out):
        if out[i].fold not in firsts:
            i += 1
            continue
        for size in range(longest, 0, -1):
            run = out[i : i + size]
            if len(run) == size and all(x.role in ("word", "quiet") for x in run):
                site = site_words.get(tuple(x.fold for x in run))
                if site:
                    for k in range(i, i + size):
                        out[k] = replace(out[k], role="site", site=site)
                    i += size - 1
                    break
        i += 1
    # "hands and feet", "feet or lower legs": a list word between two sites lists the sites of one
    # finding; it does not start a new list item. Only when the sites stand together: the second ends
    # the list (the clause ends, a list word follows, or a word joining what comes next), or the first
    # begins it ("my hands and feet are numb"). In "weak legs and face drooping" or "weak legs and my
    # hands are numb" each site belongs to the words beside it.
    for k in range(1, len(out) - 1):
        pair = out[k].role == "sep" and out[k].fold in ("and", "or") and out[k - 1].role == out[k + 1].role == "site"
        if pair and (_ends_site_list(out, k + 1, list_ends) or _begins_site_list(out, k - 1)):
            out[k] = replace(out[k], role="quiet")
    return out


def _begins_site_list(items: list[Item], k: int) -> bool:
    """Does the run of site words ending at ``k`` begin its list item (only quiet words, or "left", "right"
    or "one", before it: "left arm and leg weakness"), or, told of one side, come straight after a time or cause
    told first (a site break's word: "after lunch my left arm and face are weak")?"""
    while k >= 0 and (items[k].role in ("site", "quiet") or items[k].fold == "one"):
        k -= 1
    sided = items[k + 1].fold == "one"  # "my left arm and face": one side told, as a stroke's sign is
    return k < 0 or items[k].role == "sep" or (items[k].cut and sided)


def _ends_site_list(items: list[Item], k: int, list_ends: frozenset) -> bool:
    """Does the run of site words starting at ``k`` end its list: nothing, a list word, or a joining word
    after it (quiet words such as "are", "getting" do not count)?"""
    while k < len(items) and items[k].role == "site":
        k += 1
    while k < len(items) and items[k].role == "quiet":
        k += 1
    return k == len(items) or items[k].role == "sep" or items[k].token.norm in list_ends


def ellipsis(items: list[Item], found: list[Found], indexes: list[PhraseIndex], urgent: frozenset) -> list[Found]:
    """A list item of unread words that stands for a word of the phrase before it: "dry eyes and mouth"
    reads "mouth" as "dry mouth", "no numbness or tingling" needs no such help; or, for a finding that is no
    warning sign, of the phrase after it (``_ahead``)."""
    taken = {i for f in found for i in f.used}
    owners = {segment(items, f.used): f for f in found}
    out, segments = [], list_items(items)
    for previous, current in zip(segments, segments[1:]):
        before = owners.get(previous)
        words = [k for k in range(current[0], current[1] + 1) if k not in taken and items[k].role == "word"]
        if before is None or not before.key or not words or current in owners:
            continue
        # the item's own sites, or else the phrase's before it: "half my face has gone numb and droopy"
        sites = tuple(k for k in range(current[0], current[1] + 1) if items[k].role == "site") or before.sites
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
    return out + _ahead(items, taken, owners, segments, indexes, urgent)


def _ahead(items: list[Item], taken: set, owners: dict, segments: list, indexes: list, urgent: frozenset) -> list:
    """A word alone before "and" or "or" that stands for the first word of the phrase after it: "my eyes and
    mouth are dry" reads "eyes" as "dry eyes" (a phrase with its negation cue, "eyes and mouth are not dry",
    lends it). Never for a warning sign, either one: "bladder and bowels are fine" is no reading of the bladder."""
    out = []
    for previous, current in zip(segments, segments[1:]):
        after = owners.get(current)
        words = [k for k in range(previous[0], previous[1] + 1) if k not in taken and items[k].role == "word"]
        joined = previous[1] + 1 < len(items) and items[previous[1] + 1].fold in ("and", "or")
        if after is None or len(words) != 1 or previous in owners or not joined or after.target.symptom in urgent:
            continue
        replaced = items[min(after.used)].fold
        key = (after.key - {replaced}) | {items[words[0]].fold}
        target = next((t for t in (ix.resolve(key, ()) for ix in indexes) if t), None)
        if target and len(key) == len(after.key) > 1 and not after.sites and target.symptom not in urgent:
            out.append(Found(tuple(words), target, (), after.cue, key))
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


def shared_subject(items: list[Item], found: list[Found], changes, subjects: frozenset) -> dict:
    """Sites that open a list item (after quiet words only: "my legs are numb", "my feet feel heavy") go with a
    finding with no site of its own that opens the next item after "and" ("... and weak by bedtime"), when they
    change what it is (``changes(site, finding)``: weakness of the legs, not weakness all over): Found.used ->
    their sites. A word of ``subjects`` ("and I feel weak") or a comma ("numb, weak") ends what the sites reach."""
    out: dict = {}
    segments = list_items(items)
    for previous, current in zip(segments, segments[1:]):
        lead = _leading_sites(items, previous)
        sep = items[current[0] - 1] if current[0] > 0 else None
        if not lead or sep is None or sep.fold != "and" or sep.opens:
            continue
        for f in found:
            at = min(f.used)
            if f.sites or not current[0] <= at <= current[1]:
                continue
            if any(x.role != "quiet" or x.token.norm in subjects for x in items[current[0] : at]):
                continue  # the finding does not open its item, or has a subject of its own
            if all(changes(site, f.target.symptom) for site in lead):
                out[f.used] = lead
    return out


def _leading_sites(items: list[Item], segment_: tuple[int, int]) -> list[str]:
    """The sites that open a list item after quiet words or a side only ("my legs ...", "my right arm ..."), or none."""
    k, sites = segment_[0], []
    while k <= segment_[1] and (items[k].role in ("quiet", "site") or items[k].fold == "one"):
        site = items[k].site
        if items[k].role == "site" and site is not None:
            sites.append(site)
        k += 1
    return sites if k <= segment_[1] else []


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
