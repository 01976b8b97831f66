"""Reader for data/time_course.yaml: the time course and pattern values (onset, course, spread, symmetry,
severity, and the background a named diagnosis gives) as findings of kind "course", the words the free-text
reader takes as each, and their links on the condition cards. Read after the conditions (the links are
added to their cards)."""

from ..records import replace
from . import yamlcheck
from .build_base import close_match, is_course_value, one_words, opened, phrases
from .build_conditions import ConditionsReader
from .build_dating import DatingReader
from .build_moves import MovesReader
from .course_records import PassedWarning, PatchyLimb, QuickLevel, SlowClimb, SlowOneSide
from .quoting import shown
from .records import EpisodeWords, GradualWords, QuickWords, Symptom, TimeCourseWords
from .yamlcheck import Problems, check_keys, line_of, text, text_list, type_name

VALUE_KEYS = {"hpo", "description", "lay", "clinical", "said_by", "background", "condition", "cues"}
UNITS = ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade")
# Keys of earlier versions, refused with where their values went (a key ignored would change the reading silently).
RETIRED = {
    "quickening": "its values are in `quick` now: the onset values in `quick.onsets`, the others in `quick.growth`",
    "numbers": "number words are in `dating.numbers` now, each with its count",
}


# The entries besides `dimensions` and `links` that data/time_course.yaml may hold.
OPTIONAL = {
    *("exclusive", "ask", "remitted", "remitted_now", "spared", "episode", "quick", "slow_climb", "dating", "moves"),
    *("negation", "narrator", "patchy_limb", "quick_level", "slow_one_side", "passed_warning", "gradual"),
    *("diagnosed_too", "brought_home", "back_from"),
}


class TimeCourseReader(DatingReader, MovesReader, ConditionsReader):
    def time_course(self, name, doc):
        problems = Problems(name)
        self.time_course_words = TimeCourseWords()
        optional = OPTIONAL | set(RETIRED)
        self._retired(doc, problems)
        if check_keys(doc, "time_course", problems, {"dimensions", "links"}, optional):
            dims = doc["dimensions"]
            cues: list = []
            self.said_by: list = []
            self.diagnosed: list = []
            if check_keys(
                dims, "time_course.dimensions", problems, set(), set(dims) if isinstance(dims, dict) else set()
            ):
                for dimension in dims:
                    for index, entry in yamlcheck.entries(dims[dimension], f"dimensions.{dimension}", problems):
                        self._value(entry, f"dimensions.{dimension}[{index}]", dimension, problems, cues)
            cues.sort(key=lambda c: -len(c[1]))  # the longest phrase wins where two overlap
            self.time_course_words = TimeCourseWords(
                tuple(dims) if isinstance(dims, dict) else (),
                tuple(cues),
                tuple(self.said_by),
                self._exclusive(doc, dims, problems),
                self._questions(doc, dims, problems),
                tuple(phrases(doc, "remitted", "time_course.remitted", problems)) if "remitted" in doc else (),
                tuple(self.diagnosed),
                tuple(phrases(doc, "spared", "time_course.spared", problems)) if "spared" in doc else (),
                remitted_now=_optional_phrases(doc, "remitted_now", problems),
                episode=self._episode(doc, problems),
                quick=self._quick(doc, problems),
                slow_climb=self._slow_climb(doc, problems),
                patchy_limb=self._patchy_limb(doc, problems),
                quick_level=self._quick_level(doc, problems),
                slow_one_side=self._slow_one_side(doc, problems),
                passed_warning=self._passed_warning(doc, problems),
                gradual=self._gradual(doc, problems),
                ask_why=tuple(self.asking["why"]),
                choice_words=tuple(self.asking["choices"]),
                dating=self.dating(doc, problems),
                moves=self.moves(doc, problems),
                negation=self._word_pair(doc, "negation", ("words", "fillers"), problems),
                narrator=self._word_pair(doc, "narrator", ("first", "third"), problems),
                diagnosed_too=_optional_phrases(doc, "diagnosed_too", problems),
                brought_home=self._brought_home(doc, problems),
                back_from=_optional_phrases(doc, "back_from", problems),
            )
            self._course_links(doc["links"], problems)
        self._finish(problems)

    def _word_pair(self, doc, key: str, keys: tuple[str, str], problems: Problems) -> tuple:
        """An entry of two lists of single words (`negation`: words and fillers; `narrator`: first and third)."""
        entry = opened(doc, key, problems, set(keys), set())
        if entry is None:
            return frozenset(), frozenset()
        first, second = (one_words(entry, name, f"time_course.{key}", problems) for name in keys)
        return first, second

    def _retired(self, doc, problems: Problems):
        """A key of an earlier version is refused, saying where its values went."""
        for key in [k for k in RETIRED if isinstance(doc, dict) and k in doc]:
            problems.add(line_of(doc, key), f"time_course.{key}", f"{shown(key)} is no longer read: {RETIRED[key]}")

    def _episode(self, doc, problems: Problems) -> EpisodeWords:
        """The `episode` words: what makes a duration the length of an episode rather than an onset."""
        entry = opened(doc, "episode", problems, {"before", "after", "fillers", "short"}, set())
        if entry is None:
            return EpisodeWords()
        where = "time_course.episode"
        before, fillers, short = (one_words(entry, key, where, problems) for key in ("before", "fillers", "short"))
        for i, unit in enumerate(entry["short"] if isinstance(entry["short"], list) else []):
            if isinstance(unit, str) and unit in short and unit not in UNITS:
                said = f"{unit!r} is not one of: {', '.join(UNITS)}"
                problems.add(line_of(entry["short"], i), f"{where}.short[{i}]", said)
        return EpisodeWords(before, fillers, short, tuple(phrases(entry, "after", f"{where}.after", problems)))

    def _quick(self, doc, problems: Problems) -> QuickWords:
        """The `quick` entry: onsets, growth and unless are values defined above (onsets of the onset
        dimension); findings are checked to exist once every file is read; `words` maps onset and growth
        values to phrases; `slow` is phrases."""
        if "quick" not in doc:
            return QuickWords()
        entry = doc["quick"]
        where = "time_course.quick"
        keys = ("onsets", "growth", "findings", "unless")
        if not check_keys(entry, where, problems, set(keys), {"words", "slow", "still_walks"}):
            return QuickWords()
        lists = {key: text_list(entry, key, where, problems) for key in keys}
        for key, ids in lists.items():
            for i, item in enumerate(ids):
                spot, line = f"{where}.{key}[{i}]", line_of(entry[key], i)
                value = self.symptom_map.get(item)
                if key == "findings":
                    self.pending_links.append((problems, line, spot, item))
                elif value is None or value.kind != "course":
                    problems.add(line, spot, f"unknown value {shown(item)}{close_match(item, self.symptom_map)}")
                elif key == "onsets" and value.system != "onset":
                    problems.add(line, spot, f"{shown(item)} is not an onset value")
        onsets, growth, findings, unless = (frozenset(lists[key]) for key in keys)
        words = self._quick_words(entry, onsets | growth, problems) if "words" in entry else ()
        slow = tuple(phrases(entry, "slow", f"{where}.slow", problems)) if "slow" in entry else ()
        quick = QuickWords(onsets, growth, findings, unless, words=words, slow=slow)
        return self._still_walks(entry, quick, problems) if "still_walks" in entry else quick

    def _still_walks(self, entry, quick: QuickWords, problems: Problems) -> QuickWords:
        """`quick.still_walks`: `walks` and `limited` phrases, `not` findings (checked once every file is read) and
        `sites` (each a body site)."""
        where, walks = "time_course.quick.still_walks", entry["still_walks"]
        if not check_keys(walks, where, problems, {"walks", "limited", "not", "sites"}, set()):
            return quick
        for i, item in enumerate(text_list(walks, "not", where, problems)):
            self.pending_links.append((problems, line_of(walks["not"], i), f"{where}.not[{i}]", item))
        sites = text_list(walks, "sites", where, problems)
        self.check_sites(walks, sites, where, problems)
        return replace(
            quick,
            walks=tuple(phrases(walks, "walks", f"{where}.walks", problems)),
            limited=tuple(phrases(walks, "limited", f"{where}.limited", problems)),
            walks_not=frozenset(text_list(walks, "not", where, problems)),
            walks_sites=frozenset(sites),
        )

    def _quick_words(self, entry, values: frozenset[str], problems: Problems) -> tuple:
        """`quick.words`: value -> phrases, each value one of `quick.onsets` or `quick.growth`."""
        where, words = "time_course.quick.words", entry["words"]
        if not isinstance(words, dict):
            problems.add(line_of(entry, "words"), where, f"expected a mapping, got {type_name(words)}")
            return ()
        out = []
        for value in words:
            if value not in values:
                known = f" (one of: {', '.join(sorted(values))})" if values else ""
                said = f"{shown(value)} is no onset or growth value{known}"
                problems.add(line_of(words, value), f"{where}.{value}", said)
            else:
                out.append((value, tuple(phrases(words, value, f"{where}.{value}", problems))))
        return tuple(out)

    def _brought_home(self, doc, problems: Problems) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
        """The `brought_home` entry: the exposure findings (each id checked once every file is read) and the cues
        that say another's exposure reached home."""
        where, entry = "time_course.brought_home", doc.get("brought_home")
        if entry is None or not check_keys(entry, where, problems, {"findings", "cues"}, set()):
            return frozenset(), ()
        findings = text_list(entry, "findings", where, problems)
        for i, item in enumerate(findings):
            self.pending_links.append((problems, line_of(entry["findings"], i), f"{where}.findings[{i}]", item))
        return frozenset(findings), tuple(phrases(entry, "cues", f"{where}.cues", problems))

    def _patchy_limb(self, doc, problems: Problems) -> PatchyLimb:
        """The `patchy_limb` entry: value, finding and read_as ids and the `unless` values (checked once every file
        is read) and sites."""
        keys, where = ("value", "finding", "read_as"), "time_course.patchy_limb"
        entry = doc.get("patchy_limb")
        if entry is None or not check_keys(entry, where, problems, {*keys, "sites"}, {"unless", "severity"}):
            return PatchyLimb()
        ids = [text(entry, key, where, problems) or "" for key in keys]
        for key, item in zip(keys, ids):
            self.pending_links.append((problems, line_of(entry, key), f"{where}.{key}", item))
        unless, severity = (
            text_list(entry, key, where, problems) if key in entry else [] for key in ("unless", "severity")
        )
        for key, items in (("unless", unless), ("severity", severity)):
            for i, item in enumerate(items):
                self.pending_links.append((problems, line_of(entry[key], i), f"{where}.{key}[{i}]", item))
        sites = text_list(entry, "sites", where, problems)
        self.check_sites(entry, sites, where, problems)
        return PatchyLimb(ids[0], ids[1], ids[2], frozenset(sites), frozenset(unless), frozenset(severity))

    def _quick_level(self, doc, problems: Problems) -> QuickLevel:
        """The `quick_level` entry: value, read_as, onsets and unless values, each checked to exist once every file
        is read."""
        where, entry = "time_course.quick_level", doc.get("quick_level")
        if entry is None or not check_keys(entry, where, problems, {"value", "onsets", "read_as"}, {"unless"}):
            return QuickLevel()
        ids = {key: text(entry, key, where, problems) or "" for key in ("value", "read_as")}
        for key, item in ids.items():
            self.pending_links.append((problems, line_of(entry, key), f"{where}.{key}", item))
        lists = {key: text_list(entry, key, where, problems) if key in entry else [] for key in ("onsets", "unless")}
        for key, items in lists.items():
            for i, item in enumerate(items):
                self.pending_links.append((problems, line_of(entry[key], i), f"{where}.{key}[{i}]", item))
        return QuickLevel(ids["value"], frozenset(lists["onsets"]), frozenset(lists["unless"]), ids["read_as"])

    def _slow_one_side(self, doc, problems: Problems) -> SlowOneSide:
        """The `slow_one_side` entry: onsets, value, unless values and the findings read as others; each id is
        checked to exist once every file is read."""
        where, entry = "time_course.slow_one_side", doc.get("slow_one_side")
        if entry is None or not check_keys(entry, where, problems, {"onsets", "value", "findings"}, {"unless"}):
            return SlowOneSide()
        lists = {key: text_list(entry, key, where, problems) if key in entry else [] for key in ("onsets", "unless")}
        value = text(entry, "value", where, problems) or ""
        found = entry["findings"]
        if not isinstance(found, dict):
            problems.add(line_of(entry, "findings"), f"{where}.findings", f"expected a mapping, got {type_name(found)}")
            found = {}
        pairs = tuple((str(k), str(v)) for k, v in found.items())
        for key, items in lists.items():
            for i, item in enumerate(items):
                self.pending_links.append((problems, line_of(entry[key], i), f"{where}.{key}[{i}]", item))
        self.pending_links.append((problems, line_of(entry, "value"), f"{where}.value", value))
        for finding, read_as in pairs:
            for item in (finding, read_as):
                self.pending_links.append((problems, line_of(found, finding), f"{where}.findings.{finding}", item))
        return SlowOneSide(frozenset(lists["onsets"]), value, frozenset(lists["unless"]), pairs)

    def _gradual(self, doc, problems: Problems) -> GradualWords:
        """The `gradual` entry: onsets, values and plain findings (checked once every file is read), `before` words
        and `words`."""
        where = "time_course.gradual"
        entry = opened(doc, "gradual", problems, {"onsets", "values", "before", "words"}, {"findings", "one_site"})
        if entry is None:
            return GradualWords()
        keys = ("onsets", "values", *(key for key in ("findings", "one_site") if key in entry))
        lists = {key: text_list(entry, key, where, problems) for key in keys}
        for key, items in lists.items():
            for i, item in enumerate(items):
                self.pending_links.append((problems, line_of(entry[key], i), f"{where}.{key}[{i}]", item))
        before = one_words(entry, "before", where, problems)
        words = tuple(phrases(entry, "words", f"{where}.words", problems))
        plain, one_site = frozenset(lists.get("findings", ())), frozenset(lists.get("one_site", ()))
        return GradualWords(frozenset(lists["onsets"]), tuple(lists["values"]), before, words, plain, one_site)

    def _passed_warning(self, doc, problems: Problems) -> PassedWarning:
        """The `passed_warning` entry: the findings read as (`read_as`, `recent`) and the onsets (checked once every
        file is read), and the `lately` phrases and the `names` of a passed warning."""
        where, entry = "time_course.passed_warning", doc.get("passed_warning")
        told = ("lately", "names", "ruled_out", "figure", "corrected")
        if entry is None or not check_keys(entry, where, problems, {"read_as", "onsets"}, {*told, "recent"}):
            return PassedWarning()
        read_as = text(entry, "read_as", where, problems) or ""
        self.pending_links.append((problems, line_of(entry, "read_as"), f"{where}.read_as", read_as))
        recent = text(entry, "recent", where, problems) or "" if "recent" in entry else ""
        if recent:
            self.pending_links.append((problems, line_of(entry, "recent"), f"{where}.recent", recent))
        onsets = text_list(entry, "onsets", where, problems)
        for i, item in enumerate(onsets):
            self.pending_links.append((problems, line_of(entry["onsets"], i), f"{where}.onsets[{i}]", item))
        lately, names, ruled_out, figure, corrected = (
            tuple(phrases(entry, k, f"{where}.{k}", problems)) if k in entry else () for k in told
        )
        return PassedWarning(read_as, frozenset(onsets), lately, names, recent, ruled_out, figure, corrected)

    def _slow_climb(self, doc, problems: Problems) -> SlowClimb:
        """The `slow_climb` ids (onset, climb, read_as); each is checked to exist once every file is read."""
        keys = ("onset", "climb", "read_as")
        entry = doc.get("slow_climb")
        if entry is None or not check_keys(entry, "time_course.slow_climb", problems, set(keys), set()):
            return SlowClimb()
        ids = [text(entry, key, "time_course.slow_climb", problems) or "" for key in keys]
        for key, item in zip(keys, ids):
            self.pending_links.append((problems, line_of(entry, key), f"time_course.slow_climb.{key}", item))
        return SlowClimb(ids[0], ids[1], ids[2])

    def _exclusive(self, doc, dims, problems: Problems) -> tuple[str, ...]:
        names = text_list(doc, "exclusive", "time_course", problems)
        for i, name in enumerate(names):
            if not isinstance(dims, dict) or name not in dims:
                problems.add(line_of(doc["exclusive"], i), f"time_course.exclusive[{i}]", f"unknown dimension {name!r}")
        return names

    def _questions(self, doc, dims, problems: Problems) -> tuple[tuple[str, str], ...]:
        """The `ask` entries: (dimension, question); each one's `why` and `choices` go to self.asking."""
        asked = doc.get("ask") or {}
        self.asking: dict = {"why": [], "choices": []}
        if not isinstance(asked, dict):
            problems.add(line_of(doc, "ask"), "time_course.ask", f"expected a mapping, got {type_name(asked)}")
            return ()
        out = []
        for name, entry in asked.items():
            where = f"time_course.ask.{name}"
            if not isinstance(dims, dict) or name not in dims:
                problems.add(line_of(asked, name), where, f"unknown dimension {name!r}")
            elif check_keys(entry, where, problems, {"question", "why"}, {"choices"}):
                question, why = text(entry, "question", where, problems), text(entry, "why", where, problems)
                if question and why:
                    out.append((name, question))
                    self.asking["why"].append((name, why))
                self._choice_words(entry, name, where, problems)
        return tuple(out)

    def _choice_words(self, entry, dimension: str, where: str, problems: Problems):
        """An `ask` entry's `choices`: value id -> the words the choice is shown in, for its own values."""
        words = entry.get("choices") or {}
        if not isinstance(words, dict):
            problems.add(line_of(entry, "choices"), f"{where}.choices", f"expected a mapping, got {type_name(words)}")
            return
        for value in words:
            if not is_course_value(self.symptom_map, value, dimension):
                problems.add(line_of(words, value), f"{where}.choices", f"{value!r} is not a {dimension} value")
            else:
                said = text(words, value, f"{where}.choices", problems)
                if said:
                    self.asking["choices"].append((value, said))

    def _value(self, entry, where: str, dimension: str, problems: Problems, cues: list):
        # a value read from a named diagnosis ("I have MS") has its condition instead of cue words
        named = isinstance(entry, dict) and "condition" in entry
        if not check_keys(entry, where, problems, {"id", "label"} if named else {"id", "label", "cues"}, VALUE_KEYS):
            return
        item_id = text(entry, "id", where, problems)
        if not item_id or not self._claim("finding", item_id, problems, line_of(entry), where):
            return
        self.symptom_map[item_id] = Symptom(
            id=item_id,
            label=text(entry, "label", where, problems) or item_id,
            kind="course",
            system=dimension,
            hpo=self._term(entry, "hpo", where, problems),
            description=text(entry, "description", where, problems, default=""),
            lay_synonyms=text_list(entry, "lay", where, problems),
            clinical_synonyms=text_list(entry, "clinical", where, problems),
            background=text(entry, "background", where, problems, default=""),
        )
        if "cues" in entry:
            cues.extend((item_id, phrase) for phrase in phrases(entry, "cues", f"{where}.cues", problems))
        if named:
            self._diagnosis(entry, where, item_id, problems)
        for i, finding in enumerate(text_list(entry, "said_by", where, problems)):
            if finding in self.symptom_map:
                self.said_by.append((item_id, finding))
            else:
                problems.add(line_of(entry["said_by"], i), f"{where}.said_by[{i}]", f"unknown finding {finding!r}")
        if "units" in entry:  # an earlier version's key: refused, saying where durations are decided now
            said = "`units` is no longer read: a duration's onset is decided by its days (`dating.under`)"
            problems.add(line_of(entry, "units"), f"{where}.units", said)

    def _diagnosis(self, entry, where: str, item_id: str, problems: Problems):
        """The condition whose name, said as the person's own diagnosis, is read as this value."""
        condition = text(entry, "condition", where, problems)
        if condition and condition not in self.condition_map:
            known = close_match(condition, self.condition_map)
            problems.add(line_of(entry, "condition"), f"{where}.condition", f"unknown condition {condition!r}{known}")
        elif condition:
            self.diagnosed.append((condition, item_id))

    def _course_links(self, doc, problems: Problems):
        """Each condition's links to time course values, added to its card (checked like its own links)."""
        if not isinstance(doc, list):
            problems.add(line_of(doc), "time_course.links", f"expected a list, got {type_name(doc)}")
            return
        self.added_links(doc, "links", "time_course.links", problems)


def _optional_phrases(doc, key: str, problems: Problems) -> tuple[tuple[str, ...], ...]:
    """The phrases under ``key``, none when the key is not there."""
    return tuple(phrases(doc, key, f"time_course.{key}", problems)) if key in doc else ()
