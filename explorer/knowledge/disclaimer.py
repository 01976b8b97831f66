"""Wording every output format shares, kept in one place so no format can drift from it."""

DISCLAIMER = (
    "Educational use only: symptom-explorer is not a diagnosis and cannot tell what condition anyone "
    "has. It points to conditions worth reading about. Talk to a health professional about any "
    "symptom that worries you, and get urgent care for any warning shown above."
)

STRENGTH_WORDS = {
    "strong": "strong match: the entered findings fit this condition's typical picture closely",
    "moderate": "moderate match: several entered findings fit, but the picture is incomplete",
    "weak": "weak match: only loosely related to the entered findings",
}

SHORT_DISCLAIMER = "Educational only, not a diagnosis: see a health professional about any symptom that worries you."
