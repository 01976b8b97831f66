"""Body-site words in a clause, for the parser: which runs of words name a site, and when a list word
between two sites lists the sites of one finding ("hands and feet") rather than starting a new item."""

from dataclasses import replace

from .matching import Item


def mark_sites(items: list[Item], site_words: dict) -> list[Item]:
    """Give runs of words that name a body site the role "site" (longest run first)."""
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
        if pair and (_ends_site_list(out, k + 1) or _begins_site_list(out, k - 1)):
            out[k] = replace(out[k], role="quiet")
    return out


_SITE_LIST_ENDS = frozenset({"that", "which", "but", "since", "after", "because", "when", "from", "for"})


def _begins_site_list(items: list[Item], k: int) -> bool:
    """Does the run of site words ending at ``k`` begin its list item (only quiet words before it)?"""
    while k >= 0 and items[k].role in ("site", "quiet"):
        k -= 1
    return k < 0 or items[k].role == "sep"


def _ends_site_list(items: list[Item], k: int) -> bool:
    """Does the run of site words starting at ``k`` end its list: nothing, a list word, or a joining word
    after it (quiet words such as "are", "getting" do not count)?"""
    while k < len(items) and items[k].role == "site":
        k += 1
    while k < len(items) and items[k].role == "quiet":
        k += 1
    return k == len(items) or items[k].role == "sep" or items[k].token.norm in _SITE_LIST_ENDS
