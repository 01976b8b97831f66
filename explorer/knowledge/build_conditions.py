"""Reader for the condition cards and their links to findings."""

from ..records import replace
from . import yamlcheck
from .build_base import (
    CODE_PREFIXES,
    CONDITION_KINDS,
    BuilderBase,
    close_match,
    default_role,
)
from .quoting import shown
from .records import (
    LINK_ROLES,
    Condition,
    Link,
)
from .yamlcheck import Problems, check_keys, line_of, text, text_list


class ConditionsReader(BuilderBase):
    def conditions(self, name, doc):
        problems = Problems(name)
        texts = ("name", "kind", "summary", "nerves", "mechanism", "evaluation", "management", "seek_care")
        required = set(texts) | {"id", "sources", "links"}
        for index, entry in yamlcheck.entries(doc, "condition", problems):
            item_id, where = self._entry_id(entry, index, "condition", problems)
            if not check_keys(entry, where, problems, required, {"aliases", "codes"}) or not item_id:
                continue
            if not self._claim("condition", item_id, problems, line_of(entry), where):
                continue
            values = {key: text(entry, key, where, problems) or "" for key in texts}
            if values["kind"] and values["kind"] not in CONDITION_KINDS:
                problems.add(
                    line_of(entry, "kind"),
                    f"{where}.kind",
                    f"{shown(values['kind'])} must be one of: {', '.join(CONDITION_KINDS)}",
                )
            codes = text_list(entry, "codes", where, problems)
            for i, code in enumerate(codes):
                if not code.startswith(CODE_PREFIXES):
                    problems.add(
                        line_of(entry["codes"], i),
                        f"{where}.codes[{i}]",
                        f"{shown(code)} must be an ORPHA: or OMIM: id",
                    )
            links = self._links(entry, where, problems, codes, item_id)
            self.condition_map[item_id] = Condition(
                id=item_id,
                aliases=text_list(entry, "aliases", where, problems),
                codes=codes,
                sources=self._sources(entry, "sources", where, problems, cites=(item_id,)),
                links=links,
                **values,
            )
        self._finish(problems)

    def annotation_links(self, name, doc):
        """The generated links of data/annotation_links.yaml (one per finding a condition's HPO annotations
        record), added to the card's own links; checked like them."""
        problems = Problems(name)
        self.added_links(doc, "annotation_links", "annotation links", problems, group="annotations")
        self._finish(problems)

    def added_links(self, doc, what: str, label: str, problems: Problems, group: str = "") -> None:
        """Links added to the cards of existing conditions (``[{condition, links}]``, entries named ``what[i]``
        and the list ``label`` in messages), checked like a card's own; ``group`` marks them (the generated
        annotation links are "annotations")."""
        for index, entry in yamlcheck.entries(doc, label, problems):
            where = f"{what}[{index}]"
            if not check_keys(entry, where, problems, {"condition", "links"}, set()):
                continue
            target = text(entry, "condition", where, problems)
            condition = self.condition_map.get(target)
            if condition is None:
                if target:
                    known = close_match(target, self.condition_map)
                    problems.add(
                        line_of(entry, "condition"), f"{where}.condition", f"unknown condition {target!r}{known}"
                    )
                continue
            links = self._links(entry, f"{where} ({target})", problems, condition.codes, target, condition.links)
            if group:
                links = tuple(replace(link, group=group) for link in links)
            self.condition_map[target] = replace(condition, links=condition.links + links)

    def _links(self, entry, where, problems: Problems, codes, condition_id, known=()) -> tuple:
        value = entry.get("links")
        if not isinstance(value, list) or not value:
            problems.add(line_of(entry, "links"), f"{where}.links", "expected a non-empty list of links")
            return ()
        links, seen = [], {(link.symptom, link.source.kind, link.source.ref) for link in known}
        for i, item in enumerate(value):
            spot = f"{where}.links[{i}]"
            symptom = text(item, "symptom", spot, problems) if isinstance(item, dict) else None
            source = self._source(
                item, spot, problems, extra={"symptom"}, optional={"role"}, cites=(condition_id, symptom)
            )
            if not symptom or not source:
                continue
            if source.kind == "annotation" and source.ref not in codes:
                problems.add(
                    line_of(item, "annotation"),
                    spot,
                    f"annotation {shown(source.ref)} is not one of this condition's codes {list(codes)}",
                )
            key = (symptom, source.kind, source.ref)
            if key in seen:
                problems.add(line_of(item), spot, f"link to {shown(symptom)} from {source} is listed twice")
            seen.add(key)
            role = text(item, "role", spot, problems, default=default_role(source))
            if role not in LINK_ROLES:
                problems.add(
                    line_of(item, "role"), f"{spot}.role", f"{shown(role)} must be one of: {', '.join(LINK_ROLES)}"
                )
                continue
            links.append(Link(symptom, source, role))
            self.pending_links.append((problems, line_of(item, "symptom"), spot, symptom))
        return tuple(links)
