"""Property tests (hypothesis) over the API and the readers: whatever the findings or the file, only
ExplorerError subclasses escape; the order and repetition of findings change nothing; a finding
reported absent never raises a strength; every output validates against the schema and encodes."""

import io
import json

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import explorer
from explorer.cases import json_stream
from explorer.cases.readers import FORMATS, open_cases, read_cases
from explorer.cases.records import Case, CaseError
from explorer.errors import ExplorerError
from explorer.formats import RENDERERS, formats_for, renderer
from explorer.formats.batch_formats import outcome_dict
from explorer.knowledge.loader import load_knowledge
from explorer.knowledge.records import STRENGTHS

KB = load_knowledge()
KNOWN = sorted({name for s in KB.symptoms.values() for name in s.names})[:400]
SCHEMA = explorer.output_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
BATCH_VALIDATOR = jsonschema.Draft202012Validator({**SCHEMA, "$ref": "#/$defs/batch_record"})
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

known = st.sampled_from(KNOWN)
hostile_text = st.text(
    alphabet=st.characters(codec=None, blacklist_categories=()), min_size=0, max_size=40
) | st.sampled_from(["\x1b[31m", "<script>", "=1+1", "\ud800", "a\nb", "x" * 600, "", " , ", "|", "\0"])
finding = known | hostile_text


def explore_or_input_error(present, absent=()):
    try:
        return explorer.explore(present, absent)
    except explorer.InputError:
        return None


@FAST
@given(st.lists(finding, max_size=8), st.lists(finding, max_size=4))
def test_any_findings_give_a_result_that_validates_and_encodes_or_an_input_error(present, absent):
    result = explore_or_input_error(present, absent)
    if result is None:
        return
    VALIDATOR.validate(result.to_dict())
    for render in RENDERERS.values():
        text = render(result, explain=True)
        text.encode("utf-8")
        assert "\x1b" not in text and "\0" not in text
    json.loads(RENDERERS["json"](result))


@FAST
@given(st.lists(known, min_size=1, max_size=6), st.lists(known, max_size=3), st.randoms())
def test_order_and_repetition_of_findings_change_nothing(present, absent, rng):
    first = explore_or_input_error(present, absent)
    shuffled_present = present + rng.sample(present, k=len(present) // 2)
    shuffled_absent = absent + absent[:1]
    rng.shuffle(shuffled_present)
    rng.shuffle(shuffled_absent)
    second = explore_or_input_error(shuffled_present, shuffled_absent)
    assert (first is None) == (second is None)
    if first is not None:
        assert RENDERERS["json"](first) == RENDERERS["json"](second)


@FAST
@given(st.lists(known, min_size=1, max_size=6), known)
def test_a_finding_reported_absent_never_raises_a_strength(present, extra):
    without = explore_or_input_error(present)
    with_absent = explore_or_input_error(present, [extra])
    if without is None or with_absent is None:
        return
    before = {s.condition.id: STRENGTHS.index(s.strength) for s in without.suggestions}
    for s in with_absent.suggestions:
        assert s.condition.id in before and STRENGTHS.index(s.strength) <= before[s.condition.id]
    assert {f.id for f in with_absent.red_flags} <= {f.id for f in without.red_flags}


cases = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.text(alphabet="abcdefghij-0123456789", min_size=1, max_size=8),
            "symptoms": st.lists(known, min_size=1),
        }
    ),
    min_size=1,
    max_size=5,
    unique_by=lambda c: c["id"],
)


def serialize(fmt, items):
    if fmt == "yaml":
        return yaml.safe_dump(items, allow_unicode=True)
    if fmt == "json":
        return json.dumps(items)
    if fmt == "jsonl":
        return "".join(json.dumps(c) + "\n" for c in items)
    rows = ['"' + c["id"] + '","' + ", ".join(c["symptoms"]).replace('"', '""') + '"' for c in items]
    return "id,present\n" + "\n".join(rows) + "\n"


@FAST
@given(st.sampled_from(FORMATS), cases, st.sampled_from(["", "\ufeff"]))
def test_readers_return_every_case_by_its_id(fmt, items, bom):
    _, stream = open_cases(io.StringIO(bom + serialize(fmt, items)), "input", fmt)
    found = list(read_cases(stream, fmt, KB))
    assert [c.id for c in found] == [c["id"] for c in items]
    assert all(isinstance(c, Case) for c in found), found


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(FORMATS),
    st.sampled_from(["", "- ", "- id: x\n  symptoms: ", "id,present\n", "id;present\nx;", "[", '{"symptoms": "']),
    st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
)
def test_any_text_as_any_format_reads_as_cases_or_one_explorer_error(fmt, start, rest):
    text = start + rest  # a plausible start, so the readers get past the first line
    try:
        _, stream = open_cases(io.StringIO(text), "input", fmt)
        found = list(read_cases(stream, fmt, KB))
    except ExplorerError:
        return
    assert all(isinstance(c, (Case, CaseError)) for c in found)
    for outcome in explorer.api.run_cases(found, KB):
        BATCH_VALIDATOR.validate(json.loads(json.dumps(outcome_dict(outcome))))
        for writer_class in (renderer("batch", fmt) for fmt in formats_for("batch")):
            out = io.StringIO()
            writer = writer_class(out)
            writer.start()
            writer.write(outcome)
            writer.finish()
            out.getvalue().encode("utf-8")


@FAST
@given(
    st.lists(st.text(alphabet='ab"\\[]{},: \n\u00e9', max_size=12), min_size=1, max_size=6),
    st.integers(min_value=1, max_value=9),
)
def test_the_json_scanner_cuts_elements_where_json_does_at_any_chunk_size(texts, chunk):
    """Quotes, backslashes and brackets inside strings, split across read chunks of any size."""
    document = json.dumps([{"id": str(i), "symptoms": [t or "x"], "note": t} for i, t in enumerate(texts)], indent=1)
    saved = json_stream._CHUNK
    json_stream._CHUNK = chunk
    try:
        found = list(json_stream.read_json(io.StringIO(document), KB))
    finally:
        json_stream._CHUNK = saved
    assert [c.id for c in found] == [str(i) for i in range(len(texts))]
    assert [c.note for c in found if isinstance(c, Case)] == [t for t, c in zip(texts, found) if isinstance(c, Case)]
