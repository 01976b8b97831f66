"""What the parser returns: frozen records, with a plain-data form (``to_dict``) for JSON and the web."""

from ..knowledge.records import Condition, Site, Symptom, Term
from ..records import record


def symptom_ref(symptom: Symptom) -> dict:
    return {"id": symptom.id, "label": symptom.label}


def unused_fields(did_you_mean, condition, negation, past, someone_else, explained=None) -> dict:
    """The JSON keys that say why words were not used, shared by a parse's leftovers and a result's
    unrecognized inputs (keep them together: a key added to one belongs in both)."""
    return {
        "did_you_mean": [symptom_ref(s) for s in did_you_mean],
        "condition": {"id": condition.id, "name": condition.name} if condition else None,
        "negation": negation,
        "urgent_if_meant": urgent_if_meant(did_you_mean),
        "past": past,
        "someone_else": someone_else,
        "explained": explained,
    }


def urgent_if_meant(did_you_mean) -> list[dict]:
    """The close matches that carry an urgent note, with it: words left over may still have meant them."""
    return [{"id": s.id, "label": s.label, "note": s.urgent_note} for s in did_you_mean if s.urgent_note]


@record
class Mention:
    """One finding named in the text: where (``start``:``end`` of the text), present or absent, at which
    body sites, and how it was read (spelling corrected, a narrower HPO term widened, a site's change)."""

    text: str
    start: int
    end: int
    symptom: Symptom
    present: bool
    sites: tuple[Site, ...] = ()
    cue: str | None = None  # the negation cue that made it absent
    corrections: tuple[tuple[str, str], ...] = ()  # (as typed, read as)
    hpo: Term | None = None  # the narrower HPO term typed, read as this broader finding
    site_changed: Symptom | None = None  # the finding the words named before a site changed it
    course_of: Symptom | None = None  # the finding named, read as its quickly worsening form ...
    course: str | None = None  # ... because of these words ("since yesterday")
    # A time course or pattern value (kind "course"): the findings it was said of, none for the whole picture.
    qualifies: tuple[Symptom, ...] = ()
    # A warning sign said of someone else ("my husband can't breathe"): the family word. Its warning is
    # raised all the same; it is not the person's finding (explore() keeps it out of the suggestions).
    someone_else: str | None = None
    # A symptom named as a past event ("chest pain years ago"): the words that put it there. It is absent now
    # (a symptom that has gone is not the person's finding now), and said to be past, with its urgent note.
    past: str | None = None

    def notes(self) -> tuple[str, ...]:
        """How it was read, as sentences: "read 'tinglng' as 'tingling'", "Areflexia (HP:0001284), ..."."""
        notes = [f"read '{typed}' as '{read}'" for typed, read in self.corrections]
        if self.hpo:
            notes.append(f"{self.hpo.label} ({self.hpo.id}), read as {self.symptom.label}, a broader term")
        if self.site_changed:
            sites = ", ".join(s.label for s in self.sites)
            notes.append(f"{self.site_changed.label} in the {sites} is read as {self.symptom.label}")
        notes.extend(s.note for s in self.sites if s.note)
        if self.course_of:
            how = "came quickly" if self.course_of.id in self.symptom.worsening_of else "came slowly"
            how = "passed then" if self.course_of.warns_when_passed and self.symptom.urgent_note else how
            notes.append(f"{self.course_of.label} read as {self.symptom.label}: '{self.course}' says it {how}")
        if self.cue:
            notes.append(f"absent: '{self.cue}'")
        if self.past:
            urgent = f" {self.symptom.urgent_note}" if self.symptom.urgent_note else ""
            again = "if it is happening now, enter it without the time words."
            notes.append(f"a past event ('{self.past}'): {again}{urgent}")
        if self.symptom.kind == "course":
            said_of = ", ".join(s.label for s in self.qualifies) or "the whole picture"
            notes.append(f"{self.symptom.system} of {said_of}")
        return tuple(notes)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "span": [self.start, self.end],
            "status": "present" if self.present else "absent",
            "symptom": symptom_ref(self.symptom),
            "sites": [{"id": s.id, "label": s.label} for s in self.sites],
            "negation": self.cue,
            "past": self.past,
            "corrections": [{"typed": typed, "read_as": read} for typed, read in self.corrections],
            "hpo": {"id": self.hpo.id, "label": self.hpo.label, "read_as": "broader"} if self.hpo else None,
            "site_changed": symptom_ref(self.site_changed) if self.site_changed else None,
            "notes": list(self.notes()),
        }


@record
class Leftover:
    """Text that named no finding: kept with its span and close matches, never dropped."""

    text: str
    start: int
    end: int
    did_you_mean: tuple[Symptom, ...] = ()
    condition: Condition | None = None  # it names a condition rather than a finding
    cue: str | None = None  # it stands in a negation's scope ("no rash"): whatever it names is absent
    past: str | None = None  # the words that make it a past event ("years ago"): not a current finding
    someone_else: str | None = None  # the family word that makes it another's ("mother"): not the person's
    maybe: tuple[Symptom, ...] = ()  # urgent findings its words may have meant (a concept word, no cue)
    explained: str | None = None  # the calm or explaining words that set it aside ("after the dentist")

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "span": [self.start, self.end],
            **unused_fields(self.did_you_mean, self.condition, self.cue, self.past, self.someone_else, self.explained),
            "may_have_meant": [symptom_ref(s) for s in self.maybe],
        }


@record
class Parse:
    """Everything understood in one text, in text order."""

    text: str
    mentions: tuple[Mention, ...]
    leftovers: tuple[Leftover, ...]

    @property
    def present(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.present)

    @property
    def absent(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if not m.present)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "mentions": [m.to_dict() for m in self.mentions],
            "leftovers": [x.to_dict() for x in self.leftovers],
        }
