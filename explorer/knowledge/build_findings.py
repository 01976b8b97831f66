"""Readers for the article, symptom, history, pattern and red-flag files."""

from . import yamlcheck
from .build_base import (
    BuilderBase,
)
from .records import (
    Pattern,
    RedFlagDef,
    Symptom,
)
from .yamlcheck import Problems, check_keys, line_of, text, text_list


class FindingsReader(BuilderBase):
    def article(self, name, doc):
        problems = Problems(name)
        if check_keys(doc, "article", problems, {"title", "sections"}, set()):
            self.title = text(doc, "title", "article", problems) or ""
            self.sections = list(text_list(doc, "sections", "article", problems))
        self._finish(problems)

    def symptoms(self, name, doc, kind):
        problems = Problems(name)
        required = {"id", "label", "system"} if kind == "symptom" else {"id", "label"}
        optional = {"hpo", "hpo_modifier", "description", "lay", "clinical", "urgent", "narrower"}
        for index, entry in yamlcheck.entries(doc, kind, problems):
            item_id, where = self._entry_id(entry, index, kind, problems)
            if not check_keys(entry, where, problems, required, optional) or not item_id:
                continue
            if not self._claim("finding", item_id, problems, line_of(entry), where):
                continue
            hpo = self._term(entry, "hpo", where, problems)
            if kind == "symptom" and hpo is None and "hpo" not in entry:
                problems.add(line_of(entry), where, "a symptom needs its HPO term (hpo: {id, label})")
            self.symptom_map[item_id] = Symptom(
                id=item_id,
                label=text(entry, "label", where, problems) or item_id,
                kind=kind,
                system=text(entry, "system", where, problems, default="history"),
                hpo=hpo,
                hpo_modifier=self._term(entry, "hpo_modifier", where, problems),
                description=text(entry, "description", where, problems, default=""),
                lay_synonyms=text_list(entry, "lay", where, problems),
                clinical_synonyms=text_list(entry, "clinical", where, problems),
                urgent_note=text(entry, "urgent", where, problems, default=""),
                narrower=self._narrower(entry, where, problems),
            )
        self._finish(problems)

    def _narrower(self, entry, where, problems) -> tuple:
        value = entry.get("narrower")
        if value is None:
            return ()
        if not isinstance(value, list):
            problems.add(line_of(entry, "narrower"), f"{where}.narrower", "expected a list of {id, label}")
            return ()
        terms = (
            self._term({"narrower": item}, "narrower", f"{where}.narrower[{i}]", problems)
            for i, item in enumerate(value)
        )
        return tuple(t for t in terms if t)

    def patterns(self, name, doc):
        problems = Problems(name)
        for index, entry in yamlcheck.entries(doc, "pattern", problems):
            item_id, where = self._entry_id(entry, index, "pattern", problems)
            if not check_keys(entry, where, problems, {"id", "label", "description"}, set()) or not item_id:
                continue
            if self._claim("finding", item_id, problems, line_of(entry), where):
                self.pattern_map[item_id] = Pattern(
                    item_id,
                    text(entry, "label", where, problems) or item_id,
                    text(entry, "description", where, problems) or "",
                )
        self._finish(problems)

    def red_flags(self, name, doc):
        problems = Problems(name)
        for index, entry in yamlcheck.entries(doc, "red_flag", problems):
            item_id, where = self._entry_id(entry, index, "red_flag", problems)
            if not check_keys(entry, where, problems, {"id", "message", "sources"}, set()) or not item_id:
                continue
            if self._claim("red_flag", item_id, problems, line_of(entry), where):
                self.flag_map[item_id] = RedFlagDef(
                    item_id,
                    text(entry, "message", where, problems) or "",
                    self._sources(entry, "sources", where, problems),
                )
        self._finish(problems)
