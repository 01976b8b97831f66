"""What one engine run produces (its firings, and the findings behind each inferred pattern), and the
salience of each kind of rule. The engine fills these records; reach.py predicts them from the rules
without running it, so both import them from here."""

from ..records import field, record

SALIENCE = {"helper": 100, "red_flag": 30, "infer": 20, "suggest": 10, "question": -10}


@record
class Step:
    """One rule firing, in order: what it matched and what it concluded."""

    number: int
    rule: str
    salience: int
    matched_present: tuple[str, ...]  # finding ids (reported or inferred) the rule matched
    matched_absent: tuple[str, ...]
    conclusion: str
    target: str


@record(frozen=False)
class Inference:
    """What one run of the engine produced."""

    steps: list[Step] = field(default_factory=list)
    # finding id -> the reported finding ids behind it (a reported finding stands for itself)
    support: dict = field(default_factory=dict)
    # (finding, condition) pairs the question rules declared, in firing order (questionnaire engines only)
    wants: list = field(default_factory=list)
    # EngineStep per firing, when the run was asked to record them (run(..., record=True))
    engine_steps: list = field(default_factory=list)
