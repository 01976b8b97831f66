"""Readers for the article, symptom, history, pattern and red-flag files."""

from . import yamlcheck
from .build_base import (
    BuilderBase,
)
from .quoting import shown
from .records import (
    Pattern,
    RedFlagDef,
    Symptom,
)
from .yamlcheck import ID, Problems, check_keys, line_of, text, text_list


class FindingsReader(BuilderBase):
    def article(self, name, doc):
        problems = Problems(name)
        if check_keys(doc, "article", problems, {"title", "sections"}, set()):
            self.title = text(doc, "title", "article", problems) or ""
            self._sections(doc, problems)
        self._finish(problems)

    def _sections(self, doc, problems: Problems):
        """Each section: its heading and the concepts (ids) it mentions; a citation must stay inside them."""
        for index, entry in yamlcheck.entries(doc.get("sections"), "section", problems):
            where = f"article.sections[{index}]"
            if not check_keys(entry, where, problems, {"heading", "concepts"}, set()):
                continue
            heading = text(entry, "heading", where, problems)
            concepts = text_list(entry, "concepts", where, problems, pattern=ID)
            if heading:
                self.sections.append(heading)
                self.concepts[heading] = frozenset(concepts)
                for i, concept in enumerate(concepts):
                    self.pending_concepts.append(
                        (problems, line_of(entry["concepts"], i), f"{where}.concepts", concept)
                    )

    def symptoms(self, name, doc, kind):
        problems = Problems(name)
        required = {"id", "label", "system"} if kind == "symptom" else {"id", "label"}
        optional = {
            "hpo",
            "hpo_modifier",
            "description",
            "lay",
            "clinical",
            "urgent",
            "passing",
            "background",
            "worsening_of",
            "narrower",
            "both_sides",
            "denied",
        }
        for index, entry in yamlcheck.entries(doc, kind, problems):
            item_id, where = self._entry_id(entry, index, kind, problems)
            if not check_keys(entry, where, problems, required, optional) or not item_id:
                continue
            if not self._claim("finding", item_id, problems, line_of(entry), where):
                continue
            hpo = self._term(entry, "hpo", where, problems)
            if kind == "symptom" and hpo is None and "hpo" not in entry:
                problems.add(line_of(entry), where, "a symptom needs its HPO term (hpo: {id, label})")
            if "worsening_of" in entry:
                self.pending_worsening.append((problems, line_of(entry, "worsening_of"), where, item_id))
            sides = self._both_sides(entry, where, problems)
            denied = text(entry, "denied", where, problems, default="") if "denied" in entry else ""
            if denied:  # checked once every finding is read, as both_sides is
                self.pending_both_sides.append((problems, line_of(entry, "denied"), f"{where}.denied", denied))
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
                warns_when_passed=self._passing(entry, where, problems),
                background=text(entry, "background", where, problems, default=""),
                worsening_of=text_list(entry, "worsening_of", where, problems, pattern=ID),
                narrower=self._narrower(entry, where, problems),
                both_sides=sides[0],
                both_sides_sudden=sides[1],
                denied=denied or "",
            )
        self._finish(problems)

    def _passing(self, entry, where, problems) -> bool:
        """``passing: warns``: the sign still warns once said to be over (the only value)."""
        if "passing" not in entry:
            return False
        if entry["passing"] != "warns" or not entry.get("urgent"):
            problems.add(line_of(entry, "passing"), f"{where}.passing", "expected 'warns', on a finding with urgent:")
            return False
        return True

    def _both_sides(self, entry, where, problems) -> tuple[str, str]:
        """``both_sides: {steady: ID, sudden: ID}`` -> (steady, sudden); the ids are checked once all are read."""
        value = entry.get("both_sides")
        if value is None:
            return "", ""
        if not isinstance(value, dict) or set(value) != {"steady", "sudden"}:
            problems.add(line_of(entry, "both_sides"), f"{where}.both_sides", "expected {steady: ID, sudden: ID}")
            return "", ""
        pair = (
            text(value, "steady", f"{where}.both_sides", problems),
            text(value, "sudden", f"{where}.both_sides", problems),
        )
        for key, finding in zip(("steady", "sudden"), pair):
            self.pending_both_sides.append((problems, line_of(value, key), f"{where}.both_sides.{key}", finding))
        return pair[0] or "", pair[1] or ""

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
            required = {"id", "level", "title", "action", "message", "sources"}
            if not check_keys(entry, where, problems, required, set()) or not item_id:
                continue
            level = text(entry, "level", where, problems)
            levels = [u.id for u in self.urgency_list]  # data/urgency.yaml, read before
            if level and level not in levels:
                problems.add(
                    line_of(entry, "level"), f"{where}.level", f"{shown(level)} must be one of: {', '.join(levels)}"
                )
            if self._claim("red_flag", item_id, problems, line_of(entry), where):
                self.flag_map[item_id] = RedFlagDef(
                    item_id,
                    text(entry, "message", where, problems) or "",
                    self._sources(entry, "sources", where, problems, cites=(item_id,)),
                    level=level if level in levels else (levels or [""])[0],
                    title=text(entry, "title", where, problems) or "",
                    action=text(entry, "action", where, problems) or "",
                )
        self._finish(problems)
