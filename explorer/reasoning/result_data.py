"""The JSON forms every record's ``to_dict`` shares (the schema version, a source, a finding), kept beside
the records rather than among the formatters, so that no record needs a formatter. The JSON contract of a
whole Result is ``result_to_dict`` in result.py, beside the Result."""

from ..knowledge.records import Source
from ..language.parse_records import symptom_ref

__all__ = ["SCHEMA_VERSION", "source_dict", "symptom_ref"]

SCHEMA_VERSION = 1


def source_dict(source: Source) -> dict:
    data = {"kind": source.kind, "ref": source.ref}
    if source.frequency:
        data["frequency"] = source.frequency
    return data
