"""Wording every output format shares, kept in one place so no format can drift from it."""

DISCLAIMER = (
    "Educational use only: symptom-explorer is not a diagnosis and cannot tell what condition anyone "
    "has. It points to conditions worth reading about. Talk to a health professional about any "
    "symptom that worries you, and get urgent care for any warning shown above."
)

# The written definition of each word (docs/engine.md, "How strength is decided"; reasoning/weighing.py
# and ranking.py decide it from the evidence score, whose thresholds are measured there).
STRENGTH_WORDS = {
    "strong": "strong match: the entered findings are ones this condition shows often and few of our other "
    "conditions show",
    "moderate": "moderate match: several findings fit, but some are shared with other conditions or only "
    "sometimes seen in this one",
    "weak": "weak match: the findings fit loosely, are common to many conditions, or are mostly unrelated; "
    "a single finding is never more than weak",
}

SHORT_DISCLAIMER = "Educational only, not a diagnosis: see a health professional about any symptom that worries you."
