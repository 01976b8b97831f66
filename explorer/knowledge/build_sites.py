"""Reader for data/sites.yaml: body-site words, and the findings a site turns into others."""

from types import MappingProxyType

from . import yamlcheck
from .build_base import BuilderBase
from .quoting import shown
from .records import Site
from .text import normalize
from .yamlcheck import Problems, check_keys, line_of, text, text_list


class SitesReader(BuilderBase):
    def sites(self, name, doc):
        """Read after the findings: ``changes`` must name known findings on both sides."""
        problems = Problems(name)
        self.site_map: dict = {}
        word_owner: dict = {}  # normalized word -> site id, so that a word names one site only
        for index, entry in yamlcheck.entries(doc, "site", problems):
            site_id, where = self._entry_id(entry, index, "site", problems)
            if not check_keys(entry, where, problems, {"id", "label", "words"}, {"changes", "note"}) or not site_id:
                continue
            if not self._claim("site", site_id, problems, line_of(entry), where):
                continue
            words = text_list(entry, "words", where, problems)
            if not words and "words" in entry:
                problems.add(line_of(entry, "words"), f"{where}.words", "a site needs at least one word")
            for i, word in enumerate(words):
                key = normalize(word)
                owner = word_owner.setdefault(key, site_id)
                if owner != site_id:
                    problems.add(
                        line_of(entry["words"], i),
                        f"{where}.words[{i}]",
                        f"{shown(word)} already names site {shown(owner)}",
                    )
            self.site_map[site_id] = Site(
                id=site_id,
                label=text(entry, "label", where, problems) or site_id,
                words=words,
                changes=MappingProxyType(self._changes(entry, where, problems)),
                note=text(entry, "note", where, problems, default=""),
            )
        self._finish(problems)

    def _changes(self, entry, where, problems) -> dict:
        value = entry.get("changes")
        if value is None:
            return {}
        if not isinstance(value, dict):
            problems.add(line_of(entry, "changes"), f"{where}.changes", "expected a mapping: finding id -> finding id")
            return {}
        changes = {}
        for source, target in value.items():
            line = line_of(value, source)
            for finding in (source, target):
                if not isinstance(finding, str) or finding not in self.symptom_map:
                    problems.add(line, f"{where}.changes", f"unknown finding {shown(finding)}")
                    break
            else:
                if source == target:
                    problems.add(line, f"{where}.changes", f"{shown(source)} changes into itself")
                else:
                    changes[source] = target
        return changes
