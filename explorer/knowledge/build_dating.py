"""Reader for the `dating` entry of data/time_course.yaml: the units, counts and limits that turn a duration
("for 10+ yrs") into an onset value, the named days, months and seasons a pointing word dates ("since March"),
and the events that name a course value ("after the flu"). Read after the time course values (it names them)."""

from .build_base import is_course_value, one_words, opened, phrases
from .quoting import shown
from .records import DatingWords
from .yamlcheck import Problems, check_keys, line_of, text, text_list, type_name

REQUIRED = {"units", "numbers", "under", "longer"}
OPTIONAL = {"up_to_now", "intervals", "bounds", "plural", "spelled", "pointers", "fillers", "named", "years"}
OPTIONAL |= {"after", "events", "not_events", "since_then", "lasting", "ages", "then_now", "lengths_of", "before_then"}
WHERE = "time_course.dating"


class DatingReader:
    symptom_map: dict

    def dating(self, doc, problems: Problems) -> DatingWords:
        """The `dating` entry, each part checked where it is written (file:line)."""
        entry = opened(doc, "dating", problems, REQUIRED, OPTIONAL)
        if entry is None:
            return DatingWords()
        units = self._counts(entry, "units", problems)
        under = tuple(
            (value, days)
            for value, days in self._counts(entry, "under", problems)
            if self._dated_onset(entry["under"], value, f"{WHERE}.under", problems)
        )
        for (_, before), (value, days) in zip(under, under[1:]):
            if days <= before:
                problems.add(
                    line_of(entry["under"], value), f"{WHERE}.under", f"{value}: expected more days than {before:g}"
                )
        return DatingWords(
            units=units,
            spelled=self._spelled(entry, {unit for unit, _ in units}, problems),
            numbers=self._counts(entry, "numbers", problems),
            under=under,
            longer=self._dated_value(entry, "longer", "onset", problems),
            **self._plural(entry, problems),
            pointers=self._words(entry, "pointers", problems),
            named=self._grouped(entry, "named", "onset", problems),
            then_now=self._words(entry, "then_now", problems) if "then_now" in entry else frozenset(),
            years=self._dated_value(entry, "years", "onset", problems) if "years" in entry else "",
            after=tuple(phrases(entry, "after", f"{WHERE}.after", problems)) if "after" in entry else (),
            fillers=self._words(entry, "fillers", problems),
            events=self._grouped(entry, "events", "course", problems),
            not_events=self._words(entry, "not_events", problems),
            intervals=self._words(entry, "intervals", problems),
            ages=self._words(entry, "ages", problems),
            lengths_of=self._words(entry, "lengths_of", problems) if "lengths_of" in entry else frozenset(),
            up_to_now=self._words(entry, "up_to_now", problems),
            bounds=self._bounds(entry, problems),
            lasting=self._lasting(entry, problems),
            since_then=tuple(phrases(entry, "since_then", f"{WHERE}.since_then", problems))
            if "since_then" in entry
            else (),
            before_then=tuple(phrases(entry, "before_then", f"{WHERE}.before_then", problems))
            if "before_then" in entry
            else (),
        )

    def _plural(self, entry, problems: Problems) -> dict:
        """The `plural` entry: the count of a unit in the plural with no count, and the words beside it."""
        node = entry.get("plural")
        if node is None or not check_keys(node, f"{WHERE}.plural", problems, {"count", "beside"}, set()):
            return {}
        count = node["count"]
        if not _positive(count):
            problems.add(
                line_of(node, "count"), f"{WHERE}.plural.count", f"expected a positive number, got {type_name(count)}"
            )
            count = 0.0
        beside = phrases(node, "beside", f"{WHERE}.plural.beside", problems)
        return {"plural": count, "beside": frozenset(" ".join(words) for words in beside)}

    def _counts(self, entry, key: str, problems: Problems) -> tuple[tuple[str, float], ...]:
        """A mapping of words to positive numbers ("couple: 2")."""
        node = entry[key]
        if not isinstance(node, dict) or not node:
            problems.add(line_of(entry, key), f"{WHERE}.{key}", f"expected a non-empty mapping, got {type_name(node)}")
            return ()
        out = []
        for word, count in node.items():
            spot = f"{WHERE}.{key}.{word}"
            if not _positive(count):
                problems.add(line_of(node, word), spot, f"expected a positive number, got {type_name(count)}")
            else:
                out.append((str(word), float(count)))
        return tuple(out)

    def _bounds(self, entry, problems: Problems) -> tuple[tuple[str, str], ...]:
        """History finding -> the course value its dated event is ("recent_infection: course_after_infection")."""
        node = entry.get("bounds") or {}
        if not isinstance(node, dict):
            problems.add(line_of(entry, "bounds"), f"{WHERE}.bounds", f"expected a mapping, got {type_name(node)}")
            return ()
        out = []
        for finding, value in node.items():
            known = self.symptom_map.get(finding)
            if known is None or known.kind != "history":
                problems.add(line_of(node, finding), f"{WHERE}.bounds", f"{shown(finding)} is not a history finding")
            elif self._dated_onset(node, finding, f"{WHERE}.bounds", problems, "course", value):
                out.append((finding, value))
        return tuple(out)

    def _lasting(self, entry, problems: Problems) -> frozenset[str]:
        """Course values of events that go on once begun (`lasting`): each a course value `events` names."""
        values = text_list(entry, "lasting", WHERE, problems) if "lasting" in entry else []
        events = entry.get("events")
        named = set(events) if isinstance(events, dict) else set()
        for i, value in enumerate(values):
            if value not in named:
                said = f"{shown(value)} is not a value of `events`"
                problems.add(line_of(entry["lasting"], i), f"{WHERE}.lasting[{i}]", said)
        return frozenset(value for value in values if value in named)

    def _spelled(self, entry, units: set[str], problems: Problems) -> tuple[tuple[str, str], ...]:
        """Other ways to write a unit ("yrs: year"): each names a unit of `units`."""
        node = entry.get("spelled") or {}
        if not isinstance(node, dict):
            problems.add(line_of(entry, "spelled"), f"{WHERE}.spelled", f"expected a mapping, got {type_name(node)}")
            return ()
        out = []
        for word, unit in node.items():
            if unit not in units:
                said = f"{shown(unit)} is not one of the units: {', '.join(sorted(units))}"
                problems.add(line_of(node, word), f"{WHERE}.spelled.{word}", said)
            else:
                out.append((str(word), unit))
        return tuple(out)

    def _words(self, entry, key: str, problems: Problems) -> frozenset[str]:
        """A list of single words, written as read (none when the key is left out)."""
        return one_words(entry, key, WHERE, problems) if key in entry else frozenset()

    def _grouped(self, entry, key: str, dimension: str, problems: Problems) -> tuple:
        """Value id -> phrases, each value one of ``dimension``: (value, phrase) pairs, the longest first."""
        node = entry.get(key) or {}
        if not isinstance(node, dict):
            problems.add(line_of(entry, key), f"{WHERE}.{key}", f"expected a mapping, got {type_name(node)}")
            return ()
        out = [
            (value, phrase)
            for value in node
            if self._dated_onset(node, value, f"{WHERE}.{key}", problems, dimension)
            for phrase in phrases(node, value, f"{WHERE}.{key}.{value}", problems)
        ]
        return tuple(sorted(out, key=lambda pair: -len(pair[1])))

    def _dated_value(self, entry, key: str, dimension: str, problems: Problems) -> str:
        value = text(entry, key, WHERE, problems) or ""
        return value if value and self._dated_onset(entry, key, WHERE, problems, dimension, value) else ""

    def _dated_onset(self, node, key, where: str, problems: Problems, dimension: str = "onset", value=None) -> bool:
        """Whether ``value`` (default: ``key``) is a time course value of ``dimension``; reported where not."""
        value = key if value is None else value
        if not is_course_value(self.symptom_map, value, dimension):
            problems.add(
                line_of(node, key),
                f"{where}.{key}",
                f"{shown(value)} is not {'an' if dimension[0] in 'aeiou' else 'a'} {dimension} value",
            )
            return False
        return True


def _positive(value) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and value > 0
