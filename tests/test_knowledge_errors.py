"""Broken knowledge files are reported as `file:line: where: what`, all at once, and the CLI exits 3
with no traceback."""

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.knowledge.loader import load_knowledge
from tests.kbedit import assert_breakage_reported, edit, line_of, problems_for


def test_the_copy_itself_loads(kb_copy):
    assert len(load_knowledge(kb_copy).rules) == len(load_knowledge().rules)


def test_unknown_key_names_file_line_and_entry(kb_copy):
    rules = kb_copy / "rules" / "40_autoimmune.yaml"
    edit(
        rules, "  suggest: sjogren_syndrome\n  strength: moderate", "  suggest: sjogren_syndrome\n  strenght: moderate"
    )
    problems = problems_for(kb_copy)
    line = line_of(rules, "strenght")
    assert any(p.startswith(f"{rules}:{line}: rule 'sjogren.sicca': unknown key 'strenght'") for p in problems), (
        problems
    )
    assert any("a suggestion needs a strength" in p for p in problems)


BREAKAGES = [
    # (file, text replaced, replacement, text on the line the problem must name, what it must say)
    (
        "rules/10_patterns.yaml",
        "any: [dry_eyes, dry_mouth]",
        "any: [dry_eye, dry_mouth]",
        "any: [dry_eye,",
        "rule 'pattern.sicca'.when.any: unknown finding 'dry_eye' (did you mean 'dry_eyes'?)",
    ),
    (
        "rules/40_autoimmune.yaml",
        "suggest: multiple_sclerosis\n  strength: weak",
        "suggest: multiple_sclerosiss\n  strength: weak",
        "multiple_sclerosiss",
        "unknown suggest target 'multiple_sclerosiss' (did you mean 'multiple_sclerosis'?)",
    ),
    (
        "rules/20_red_flags.yaml",
        "    - article: Common Autoimmune Diseases Associated with Neuropathy",
        "    - article: Common Autoimmune Disease",
        "article: Common Autoimmune Disease",
        "article section 'Common Autoimmune Disease' is not a heading of the article",
    ),
    (
        "data/conditions.yaml",
        '{symptom: hair_loss, annotation: "ORPHA:536"',
        '{symptom: hair_loss, annotation: "ORPHA:999"',
        "ORPHA:999",
        "annotation 'ORPHA:999' is not one of this condition's codes",
    ),
    (
        "rules/30_neuropathy_causes.yaml",
        "at_least: 2",
        "at_least: 9",
        "at_least: 9",
        "when.at_least: must be a whole number from 1 to 4",
    ),
    (
        "data/conditions.yaml",
        '{symptom: fever, annotation: "OMIM:180300", role: possible}',
        '{symptom: fevr, annotation: "OMIM:180300", role: possible}',
        "symptom: fevr",
        "unknown symptom 'fevr' (did you mean 'fever'?)",
    ),
    (
        "data/conditions.yaml",
        "frequency: occasional}",
        "frequency: sometimes}",
        "frequency: sometimes",
        "frequency 'sometimes' must be one of",
    ),
    (
        "data/symptoms.yaml",
        'hpo: {id: "HP:0000217", label: Xerostomia}',
        'hpo: {id: "HP:217", label: Xerostomia}',
        "HP:217",
        "'HP:217' is not an HPO id",
    ),
    (
        "rules/10_patterns.yaml",
        "  infer: sicca_symptoms",
        "  infer: sicca_symptoms\n  red_flag: breathing",
        "- id: pattern.sicca",
        "needs exactly one of: infer, suggest, red_flag",
    ),
    (
        "data/time_course.yaml",
        "  - condition: guillain_barre_syndrome",
        "  - condition: guillain_barre_syndrom",
        "condition: guillain_barre_syndrom",
        "unknown condition 'guillain_barre_syndrom' (did you mean 'guillain_barre_syndrome'?)",
    ),
    (
        "data/time_course.yaml",
        "      spread_one_limb: it stays in one arm or one leg",
        "      symmetry_one_side: it stays in one arm or one leg",
        "symmetry_one_side: it stays",
        "time_course.ask.spread.choices: 'symmetry_one_side' is not a spread value",
    ),
    (
        "data/time_course.yaml",
        "    why: Which sides it is on",
        "    why: [Which sides it is on]",
        "why: [Which sides",
        "time_course.ask.symmetry.why: expected non-empty text, got a list",
    ),
    (
        "data/time_course.yaml",
        "      - [knee, knees]",
        "      - [knee, knees, ankle]",
        "[knee, knees, ankle]",
        "time_course.moves.levels.legs[4]: 'ankle' has a rank already",
    ),
    (
        "data/time_course.yaml",
        "findings: {one_sided_numbness: numbness, one_sided_weakness: muscle_weakness}",
        "findings: {one_sided_numbness: numbnes, one_sided_weakness: muscle_weakness}",
        "findings: {one_sided_numbness: numbnes",
        "numbnes",
    ),
    (
        "data/symptoms.yaml",
        "  urgent: A face drooping on one side needs emergency care.\n  passing: warns",
        "  urgent: A face drooping on one side needs emergency care.\n  passing: maybe",
        "passing: maybe",
        "passing: expected 'warns'",
    ),
]


@pytest.mark.parametrize("name,old,new,needle,message", BREAKAGES)
def test_breakage_is_reported_at_its_file_and_line(kb_copy, name, old, new, needle, message):
    assert_breakage_reported(kb_copy, name, old, new, needle, message)


def test_duplicate_ids_point_at_the_first_definition(kb_copy):
    data = kb_copy / "data" / "symptoms.yaml"
    edit(data, "- id: dry_mouth\n", "- id: dry_eyes\n")
    problems = problems_for(kb_copy)
    first = line_of(data, "- id: dry_eyes")
    assert any("duplicate id 'dry_eyes'" in p and f"first defined at {data}:{first}" in p for p in problems), problems


def test_pattern_nobody_infers_is_an_error(kb_copy):
    patterns = kb_copy / "data" / "patterns.yaml"
    patterns.write_text(
        patterns.read_text(encoding="utf-8")
        + "\n- id: orphan_pattern\n  label: Orphan\n  description: Never inferred.\n",
        encoding="utf-8",
    )
    problems = problems_for(kb_copy)
    assert any(
        p.startswith(f"{patterns}:{line_of(patterns, 'orphan_pattern')}: orphan_pattern: pattern is never inferred")
        for p in problems
    ), problems


def test_yaml_syntax_error_has_file_and_line(kb_copy):
    rules = kb_copy / "rules" / "10_patterns.yaml"
    rules.write_text("- id: broken\n  when: {all: [numbness\n", encoding="utf-8")
    problems = problems_for(kb_copy)
    assert len(problems) == 1 and problems[0].startswith(f"{rules}:"), problems


def test_duplicate_yaml_key_is_an_error(kb_copy):
    data = kb_copy / "data" / "article.yaml"
    data.write_text(data.read_text(encoding="utf-8") + "title: Again\n", encoding="utf-8")
    problems = problems_for(kb_copy)
    assert any("duplicate key 'title'" in p for p in problems), problems


def test_missing_file_and_not_a_folder(kb_copy, tmp_path):
    (kb_copy / "data" / "conditions.yaml").unlink()
    assert any("conditions.yaml: file is missing" in p for p in problems_for(kb_copy))
    assert "not a knowledge folder" in problems_for(tmp_path)[0]


def test_unsafe_yaml_tags_are_refused(kb_copy):
    data = kb_copy / "data" / "article.yaml"
    data.write_text("title: !!python/object/apply:os.system ['echo hi']\nsections: []\n", encoding="utf-8")
    problems = problems_for(kb_copy)
    assert any("article.yaml:1" in p for p in problems), problems


def test_cli_reports_every_problem_and_exits_3_without_traceback(kb_copy):
    rules = kb_copy / "rules" / "40_autoimmune.yaml"
    edit(
        rules, "  suggest: sjogren_syndrome\n  strength: moderate", "  suggest: sjogren_syndrome\n  strenght: moderate"
    )
    edit(kb_copy / "rules" / "10_patterns.yaml", "any: [dry_eyes, dry_mouth]", "any: [dry_eye, dry_mouth]")
    result = CliRunner().invoke(cli, ["match", "--knowledge", str(kb_copy), "numbness"])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "knowledge files are invalid" in result.stderr
    assert "strenght" in result.stderr and "dry_eye" in result.stderr
    assert "Traceback" not in result.stderr
    check = CliRunner().invoke(cli, ["check", "--knowledge", str(kb_copy)])
    assert check.exit_code == 3 and "strenght" in check.stderr
