"""Case ids used more than once in one file: noted as the cases stream past, then said once per id, with
the lines, so a script that keys its results by id learns that two records share one."""


class RepeatedIds:
    """The first line of each case id seen, and every line of those seen again; ``messages`` names the
    latter. Only the first line is kept for most ids: about 13 MB per 100,000 distinct ids."""

    def __init__(self) -> None:
        self._first: dict[str, int] = {}
        self._again: dict[str, list[int]] = {}

    def see(self, case_id: str | None, line: int) -> None:
        """One case at ``line``; a case without an id (one that could not be read) is left out."""
        if case_id is None:
            return
        if case_id in self._again:
            self._again[case_id].append(line)
        elif case_id in self._first:
            self._again[case_id] = [self._first[case_id], line]
        else:
            self._first[case_id] = line

    def messages(self, name: str) -> list[str]:
        """One warning per repeated id, in the order the ids first appear: ``name`` is the file as given."""
        repeats = sorted(self._again.items(), key=lambda item: item[1][0])
        return [repeat_message(name, case_id, lines) for case_id, lines in repeats]


def repeat_message(name: str, case_id: str, lines: list[int]) -> str:
    """'cases.jsonl:3 and :7: case id "c1" is used twice'."""
    places = [f"{name}:{lines[0]}", *(f":{line}" for line in lines[1:])]
    where = ", ".join(places[:-1]) + " and " + places[-1]
    times = "twice" if len(lines) == 2 else f"{len(lines)} times"
    return f'{where}: case id "{case_id}" is used {times}'
