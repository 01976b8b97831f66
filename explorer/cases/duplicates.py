"""Case ids used more than once in one file: noted as the cases stream past, then said once per id, with
the lines, so a script that keys its results by id learns that two records share one."""


class RepeatedIds:
    """The line of each case id seen; ``messages`` names those seen more than once."""

    def __init__(self) -> None:
        self._lines: dict[str, list[int]] = {}

    def see(self, case_id: str | None, line: int) -> None:
        """One case at ``line``; a case without an id (one that could not be read) is left out."""
        if case_id is not None:
            self._lines.setdefault(case_id, []).append(line)

    def messages(self, name: str) -> list[str]:
        """One warning per repeated id, in the order the ids first appear: ``name`` is the file as given."""
        return [repeat_message(name, i, lines) for i, lines in self._lines.items() if len(lines) > 1]


def repeat_message(name: str, case_id: str, lines: list[int]) -> str:
    """'cases.jsonl:3 and :7: case id "c1" is used twice'."""
    places = [f"{name}:{lines[0]}", *(f":{line}" for line in lines[1:])]
    where = ", ".join(places[:-1]) + " and " + places[-1]
    times = "twice" if len(lines) == 2 else f"{len(lines)} times"
    return f'{where}: case id "{case_id}" is used {times}'
