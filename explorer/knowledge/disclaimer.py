"""Wording every output format shares, kept in one place so no format can drift from it."""

DISCLAIMER = (
    "Educational use only: symptom-explorer is not a diagnosis and cannot tell what condition anyone "
    "has. It points to conditions worth reading about. Talk to a health professional about any "
    "symptom that worries you, and get urgent care for any warning shown above."
)

# The written definition of each word (README, "How strength is decided"; reasoning/ranking.py enforces it).
STRENGTH_WORDS = {
    "strong": "strong match: three or more entered findings fit its typical picture, or two with a hallmark",
    "moderate": "moderate match: two or more entered findings point to it, at least one typical, but the "
    "picture is incomplete",
    "weak": "weak match: a single finding, or findings only loosely related to it",
}

SHORT_DISCLAIMER = "Educational only, not a diagnosis: see a health professional about any symptom that worries you."
