"""Reader for the `moves` entry of data/time_course.yaml: the words that tell where findings moved ("worked its
way up to my knees") and that they went from one limb to another kind ("one foot, then the other hand"). Read
after the time course values (it names them)."""

from .build_base import is_course_value, one_words, opened, phrases
from .quoting import shown
from .records import MovesWords
from .yamlcheck import Problems, line_of, text, type_name

WORDS = ("moves", "to", "higher", "fillers", "unless", "one", "other", "flares_unless")
LEVEL_WORDS = ("level_times", "level_breaks")  # optional, with `levels`: a climb told by its progress
SIDED = ("sided",)  # optional: the small parts a side names beside the limbs ("my left shin", "the right thumb")
TRUNK = ("trunk",)  # optional, with `level`: the parts of the trunk a climb can reach ("up to my belly button")
WHERE = "time_course.moves"


class MovesReader:
    symptom_map: dict

    def moves(self, doc, problems: Problems) -> MovesWords:
        """The `moves` entry, each part checked where it is written (file:line)."""
        required = {*WORDS, "window", "directions", "patchy", "flares", "relapsing"}
        entry = opened(doc, "moves", problems, required, {"levels", "level", *LEVEL_WORDS, *SIDED, *TRUNK})
        if entry is None:
            return MovesWords()
        window = entry["window"]
        if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 10:
            problems.add(
                line_of(entry, "window"),
                f"{WHERE}.window",
                f"expected a whole number from 1 to 10, got {type_name(window)}",
            )
            window = 0
        words = {
            key: one_words(entry, key, WHERE, problems) for key in WORDS + LEVEL_WORDS + SIDED + TRUNK if key in entry
        }
        return MovesWords(
            window=window,
            directions=self._directions(entry, problems),
            patchy=self._moves_value(entry, "patchy", "symmetry", problems),
            flares=tuple(phrases(entry, "flares", f"{WHERE}.flares", problems)),
            relapsing=self._moves_value(entry, "relapsing", "course", problems),
            levels=_levels(entry, problems),
            level=self._moves_value(entry, "level", "spread", problems) if "level" in entry else "",
            **words,
        )

    def _directions(self, entry, problems: Problems) -> tuple:
        node = entry["directions"]
        if not isinstance(node, dict):
            problems.add(
                line_of(entry, "directions"), f"{WHERE}.directions", f"expected a mapping, got {type_name(node)}"
            )
            return ()
        out = []
        for value in node:
            if not is_course_value(self.symptom_map, value, "spread"):
                problems.add(line_of(node, value), f"{WHERE}.directions", f"{shown(value)} is not a spread value")
            else:
                out += [(value, phrase) for phrase in phrases(node, value, f"{WHERE}.directions.{value}", problems)]
        return tuple(sorted(out, key=lambda pair: -len(pair[1])))

    def _moves_value(self, entry, key: str, dimension: str, problems: Problems) -> str:
        value = text(entry, key, WHERE, problems) or ""
        if value and not is_course_value(self.symptom_map, value, dimension):
            problems.add(line_of(entry, key), f"{WHERE}.{key}", f"{shown(value)} is not a {dimension} value")
            return ""
        return value


def _levels(entry, problems: Problems) -> tuple[tuple[frozenset[str], ...], ...]:
    """The `levels` ways up, each its rows from the bottom up, a list of words each; a word in one row of a way."""
    node = entry.get("levels", {})
    if not isinstance(node, dict):
        problems.add(line_of(entry, "levels"), f"{WHERE}.levels", f"expected a mapping, got {type_name(node)}")
        return ()
    ways = []
    for way, rows in node.items():
        where = f"{WHERE}.levels.{way}"
        if not isinstance(rows, list):
            problems.add(line_of(node, way), where, f"expected a list of lists, got {type_name(rows)}")
            continue
        ranked: list[frozenset[str]] = []
        for index in range(len(rows)):
            words = one_words(rows, index, where, problems)  # type: ignore[arg-type]
            for word in sorted(w for w in words if any(w in row for row in ranked)):
                problems.add(line_of(rows, index), f"{where}[{index}]", f"{shown(word)} has a rank already")
            ranked.append(words)
        ways.append(tuple(ranked))
    return tuple(ways)
