"""Readers for the knowledge written as lists: the free-text reader's words (data/words.yaml), the urgency
levels of red flags (data/urgency.yaml) and the questionnaire's core findings (data/questionnaire.yaml)."""

from ..records import fields
from . import yamlcheck
from .build_base import BuilderBase
from .records import UrgencyLevel, Words
from .text import normalize
from .yamlcheck import Problems, check_keys, line_of, text, type_name

# Lists whose entries are cues of several words, written with spaces ("used to", "years ago").
PHRASE_LISTS = (
    "past_before",
    "not_the_back",
    "past_after",
    "worsening_after",
    "worsening_before",
    "negation_resolved",
    "between_episodes",
    "negation_double",
    "negation_normal",
    "suddenly",
    "negation_idioms",
    "first_time",
    "first_time_now",
    "first_time_end",
    "hypothetical",
    "past_final",
    "recent",
    "comparison",
    "needs_without",
    "ongoing_void",
    "over_at_once",
    "over_at_once_ends",
    "resolved_conditions",
    "calm_over",
    "long_ago",
    "past_span_before",
    "lasting_infections",
    "stopped_breathing",
    "stopped_responding",
    "stories",
    "told_of_body",
)
# Lists added after teachers had copied words.yaml: a file without them still loads (empty lists).
OPTIONAL_LISTS = {
    "ages",
    "statement_openers",
    "things",
    "not_the_back",
    "list_words_opening",
    "between_episodes",
    "negation_resolved",
    "negation_double",
    "negation_normal",
    "negation_verbs",
    "both_sides",
    "suddenly",
    "someone_else_pronouns",
    "first_person",
    "calm_over",
    "bounded",
    "negation_idioms",
    "first_time",
    "first_time_until",
    "first_time_now",
    "first_time_end",
    "hypothetical",
    "past_final",
    "past_final_void",
    "never_corrected",
    "witness",
    "amounts",
    "negation_resolved_back",
    "recent",
    "ability",
    "comparison",
    "needs_without",
    "ongoing_void",
    "over_at_once",
    "over_at_once_ends",
    "comparison_between",
    "resolved_conditions",
    "past_span_units",
    "past_span_before",
    "lasting_infections",
    "animals",
    "animal_openers",
    "still_there",
    "over_all",
    "cause_ends",
    "normal_denied",
    "normal_then",
    "past_compared",
    "past_again",
    "told_of_body",
    "told_of_links",
    "stopped_cues",
    "stopped_breathing",
    "stopped_responding",
    "stopped_after",
    "stopped_until",
    "stories",
    "people",
}


class ListsReader(BuilderBase):
    def words(self, name, doc):
        """Every list required; each entry one word as the reader sees it (or, for a cue, words), once."""
        problems = Problems(name)
        self.word_lists = Words()
        keys = {f.name for f in fields(Words)}
        if check_keys(doc, "words", problems, keys - OPTIONAL_LISTS, OPTIONAL_LISTS):
            lists = {key: _word_list(doc, key, key in PHRASE_LISTS, problems) for key in sorted(keys & set(doc))}
            self.word_lists = Words(
                **{
                    k: tuple(tuple(w.split()) for w in v) if k in PHRASE_LISTS else frozenset(v)
                    for k, v in lists.items()
                }
            )
        self._finish(problems)

    def urgency(self, name, doc):
        """Read before the red flags, whose levels must be among these ids."""
        problems = Problems(name)
        self.urgency_list: list[UrgencyLevel] = []
        for index, entry in yamlcheck.entries(doc, "urgency", problems):
            level_id, where = self._entry_id(entry, index, "urgency", problems)
            if not check_keys(entry, where, problems, {"id", "label"}, set()) or not level_id:
                continue
            if self._claim("urgency", level_id, problems, line_of(entry), where):
                self.urgency_list.append(UrgencyLevel(level_id, text(entry, "label", where, problems) or level_id))
        if not self.urgency_list and not problems.items:
            problems.add(line_of(doc), "urgency", "at least one urgency level is needed")
        self._finish(problems)

    def questionnaire(self, name, doc):
        """Read after the findings: every core finding must be a known one."""
        problems = Problems(name)
        self.core_list: list[str] = []
        if check_keys(doc, "questionnaire", problems, {"core_findings"}, set()) and "core_findings" in doc:
            for i, finding in enumerate(_word_list(doc, "core_findings", False, problems, ids=True)):
                if finding not in self.symptom_map:
                    where = f"questionnaire.core_findings[{i}]"
                    problems.add(line_of(doc["core_findings"], i), where, f"unknown finding {finding!r}")
                else:
                    self.core_list.append(finding)
        self._finish(problems)


def _word_list(doc, key: str, phrases: bool, problems: Problems, ids: bool = False) -> list[str]:
    """The entries of list ``doc[key]`` that are text written as the reader sees it (or ids), each once."""
    value, where = doc[key], f"{'questionnaire' if ids else 'words'}.{key}"
    if not isinstance(value, list):
        problems.add(line_of(doc, key), where, f"expected a list, got {type_name(value)}")
        return []
    out: dict[str, int] = {}  # entry -> its line, for duplicates
    for i, item in enumerate(value):
        line = line_of(value, i)
        if not yamlcheck.is_text(item):
            problems.add(line, f"{where}[{i}]", f"expected text, got {type_name(item)}")
        elif not ids and (normalize(item) != item or (" " in item and not phrases)):
            how = "lower case, no accents or punctuation" + ("" if phrases else ", one word")
            problems.add(line, f"{where}[{i}]", f"{item!r} is not written as read ({how})")
        elif ids and not yamlcheck.ID.match(item):
            problems.add(line, f"{where}[{i}]", f"{item!r} is not a valid id")
        elif item in out:
            problems.add(line, f"{where}[{i}]", f"{item!r} is listed twice (first at line {out[item]})")
        else:
            out[item] = line
    return list(out)
