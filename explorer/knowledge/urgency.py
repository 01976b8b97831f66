"""Urgency level labels for code that holds a red flag but no knowledge base (the output formats): the
labels data/urgency.yaml gives, read from the packaged knowledge when first asked for."""

from collections.abc import Iterator, Mapping


class _Labels(Mapping):
    """Level id -> label ("emergency" -> "Emergency now"), loaded on first use. A level a custom
    knowledge folder adds that the packaged one lacks is shown by its own id."""

    def _labels(self) -> dict[str, str]:
        from .loader import load_knowledge  # the packaged base, already loaded (and cached) on most paths

        return {level.id: level.label for level in load_knowledge().urgency}

    def __getitem__(self, level: str) -> str:
        return self._labels().get(level, level)

    def __contains__(self, level: object) -> bool:
        return level in self._labels()

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels())

    def __len__(self) -> int:
        return len(self._labels())


URGENCY_LABELS: Mapping[str, str] = _Labels()
