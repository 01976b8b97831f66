"""Frozen records of the time course's readings that set one finding's reading right by its course
(data/time_course.yaml): a slow climb, a one-sided finding that came slowly, a stroke's sign that passed, and one
limb's weakness in a patchy picture. Each holds the ids its entry names (checked to exist by the loader)."""

from ..records import record


@record
class SlowClimb:
    """``slow_climb``: with the ``onset`` value, the ``climb`` value is read as ``read_as`` (a length-dependent
    spread, not the ascending weakness of days)."""

    onset: str = ""
    climb: str = ""
    read_as: str = ""


@record
class SlowOneSide:
    """``slow_one_side``: a sudden one-sided finding whose own onset is one of ``onsets`` is read as the finding
    ``findings`` pairs it with (sudden form, read as), on one side (``value``); not with an ``unless`` value."""

    onsets: frozenset[str] = frozenset()
    value: str = ""
    unless: frozenset[str] = frozenset()
    findings: tuple[tuple[str, str], ...] = ()


@record
class PassedWarning:
    """``passed_warning``: a stroke's sign told as over and dated by one of ``onsets`` is read as ``read_as``;
    not within the last day (a ``lately`` phrase). The ``names`` of a passed warning ("a TIA") are read so too, or
    as ``recent`` when not dated days or more ago ("a TIA an hour ago", "I think I'm having a TIA")."""

    read_as: str = ""
    onsets: frozenset[str] = frozenset()
    lately: tuple[tuple[str, ...], ...] = ()
    names: tuple[tuple[str, ...], ...] = ()
    recent: str = ""
    ruled_out: tuple[tuple[str, ...], ...] = ()  # words before a name that say it did not happen
    figure: tuple[tuple[str, ...], ...] = ()  # words right after a name that make it a figure of speech
    corrected: tuple[tuple[str, ...], ...] = ()  # words after a name that take it back ("actually it was a migraine")


@record
class PatchyLimb:
    """``patchy_limb``: in a picture with the ``value``, the ``finding`` said only of ``sites`` is read as
    ``read_as``; not with an ``unless`` value. A ``severity`` value said of such findings only is that nerve's."""

    value: str = ""
    finding: str = ""
    read_as: str = ""
    sites: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    severity: frozenset[str] = frozenset()


@record
class QuickLevel:
    """``quick_level``: the ``value`` (a level on the body) with one of ``onsets`` is read also as ``read_as`` (a
    level reached within hours); not with an ``unless`` value (an earlier episode that got better)."""

    value: str = ""
    onsets: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    read_as: str = ""
