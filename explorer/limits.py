"""Bounds on what one input may hold, so no single hostile input can hang a run or exhaust memory.

Each limit is far above anything a real case needs; a case past one is reported with the limit's name
and the case, and the other cases still run. A leaf module: every layer may import it.
"""

MAX_LINE_CHARS = 1 << 20  # one line of a case file (JSON Lines, CSV, YAML)
MAX_CASE_CHARS = 1 << 20  # the text of one case (a JSON array element, a YAML list item)
MAX_RECORD_LINES = 1_000  # lines of one CSV record (line breaks inside quoted cells)
MAX_DEPTH = 32  # nesting of lists and mappings inside one case or knowledge file
MAX_FINDINGS = 200  # findings in one case (present, absent and unsure together)
MAX_FINDING_CHARS = 5_000  # one finding as typed: a sentence or a short paragraph, read by the parser
MAX_TEXT_CHARS = 200_000  # all the findings of one case as given, before splitting at commas
MAX_KNOWLEDGE_FILE_BYTES = 2 << 20  # one knowledge file
MAX_RULES = 2_000  # rules in one knowledge folder (start-up and question choice grow with the rule count)
# A learner's rule pack (`--rules FILE`, knowledge/rulepack.py), which may come from a web request.
MAX_PACK_BYTES = 256 * 1024  # the pack's text
MAX_PACK_RULES = 2_000  # rules in one pack (each adds to the engine the run builds)
MAX_PACK_RULE_FINDINGS = 50  # findings one rule of a pack names (all, any and absent together)
MAX_PACK_NODES = 100_000  # values in a pack once its YAML aliases are expanded
MAX_PACK_PROBLEMS = 100  # problems reported for one pack (the rest are counted)
MAX_QUESTION_CANDIDATES = 40  # findings the questionnaire tries both ways before choosing a question...
QUESTION_WORK = 4000  # ...fewer (down to 8) when candidates x rules would pass this

MAX_ID_CHARS = 200  # a case id

# The web app (`serve`): one request, and what the server writes to stderr.
WEB_MAX_BODY_BYTES = 64 * 1024  # one request body, checked while it is read
WEB_MAX_FINDINGS = 60  # findings in one request; the knowledge base holds fewer, so more is a mistake or abuse
WEB_MAX_FINDING_CHARS = 200  # one finding's text in a request (the page sends one finding per item)
WEB_MAX_FREE_TEXT_CHARS = 2000  # the free-text box (a few sentences)
# The Lab's requests carry a whole rule pack: room for MAX_PACK_BYTES of YAML however JSON escapes it
# (a 2-byte character as \u00e9 triples; a newline or a quote doubles), so that a pack within its own
# limits is read, and one past them hears that limit named.
WEB_MAX_LAB_BODY_BYTES = 3 * MAX_PACK_BYTES + WEB_MAX_BODY_BYTES
WEB_MAX_PACK_NAME_CHARS = 100  # the pack's file name, shown in every message and output
# A run that fires more rules than this comes back without its step records: each step lists the whole
# agenda, so a pack of 2,000 rules that all fire would make millions of records (25 s and 100 MB measured).
WEB_MAX_LAB_STEPS = 300
SERVE_LOG_LINES_PER_MINUTE = 20  # server messages shown on stderr; past it they are counted, then summed up
SERVE_LOG_QUEUE = 100  # messages waiting for a slow stderr (a pipe nobody reads); past it they are dropped


def findings_problem(*groups) -> str | None:
    """What is wrong with these findings (tuples of text), naming the limit; None when they are fine."""
    texts = [text for group in groups for text in group]
    if len(texts) > MAX_FINDINGS:
        return f"{len(texts)} findings, over the limit of {MAX_FINDINGS} findings per case"
    for number, text in enumerate(texts, start=1):
        if len(text) > MAX_FINDING_CHARS:
            return (
                f"finding {number} has {len(text):,} characters, "
                f"over the limit of {MAX_FINDING_CHARS} characters per finding"
            )
        if not is_clean_text(text):
            return f"finding {number} is not valid text (a byte that is not UTF-8, or a lone surrogate)"
    return None


def is_clean_text(text: str) -> bool:
    """False for text holding lone surrogates: undecodable bytes (surrogateescape) or JSON escapes like
    "\\ud800"; such text cannot be written as UTF-8."""
    if text.isascii():  # the usual case, answered without encoding a copy
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
