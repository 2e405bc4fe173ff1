"""Every way a decision set can be broken ends as LoadError naming the exact file, line and field.

Each test copies the commute example into tmp_path, breaks one thing by editing its text, and
checks the problems the loader reports. Working from tmp_path makes the reported file names short
and exact ("commute/bike.yaml").
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from broken_sets import copy_commute, edit, line_of, load_errors, triples

from explorer.core import yamlsafe
from explorer.core.loader import load_decision_set
from explorer.core.problems import LoadError, Problem

BIKE = "commute/bike.yaml"
BUS = "commute/bus.yaml"
CAR = "commute/car.yaml"
HEADER = "commute/decision-set.yaml"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return copy_commute(tmp_path)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_the_untouched_copy_loads(folder):
    ds = load_decision_set(folder, strict=True).decision_set
    assert ds.option_ids == ["bike", "bus", "car"]
    assert ds.criterion_ids == ["cost", "time", "health"]


# --- reading: syntax, encoding, size, hostile YAML -------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "reason"),
    [
        ("name: Bicycle", "name: Bicycle: fast", 2, "mapping values are not allowed"),
        ("actions: [Buy a bike]", "actions: [Buy a bike", 5, "expected ',' or ']'"),
        ("name: Bicycle", "  name: Bicycle", 2, "mapping values are not allowed"),
    ],
)
def test_yaml_syntax_error(folder, old, new, line, reason):
    edit(folder / "bike.yaml", old, new)
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (BIKE, line, "")
    assert problem.message.startswith("YAML syntax error: ")
    assert reason in problem.message


EMPTY = "file is empty"
NOT_A_MAPPING = "the top level must be a mapping (key: value)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", EMPTY),
        ("\n\n", EMPTY),
        ("# just a comment\n", EMPTY),
        ("- bike\n- bus\n", NOT_A_MAPPING),
        ("just text\n", NOT_A_MAPPING),
        ("42\n", NOT_A_MAPPING),
        ("[1, 2]\n", NOT_A_MAPPING),
    ],
)
def test_option_file_that_is_not_a_mapping(folder, content, message):
    (folder / "bus.yaml").write_text(content)
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (BUS, 1, "")
    assert problem.message == message


def test_empty_header_is_the_only_problem(folder):
    """Without a header nothing can be cross-checked; the options must not all cry 'unknown'."""
    (folder / "decision-set.yaml").write_text("")
    assert triples(load_errors(folder)) == [(HEADER, 1, "")]


def test_header_syntax_error_is_the_only_problem(folder):
    edit(folder / "decision-set.yaml", "title: Getting to work", "title: Getting: to work")
    problem = only(load_errors(folder))
    assert (problem.file, problem.line) == (HEADER, 4)


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "with-bom"])
def test_non_utf8_bytes_report_the_line_of_the_bad_byte(folder, bom):
    path = folder / "bike.yaml"
    raw = path.read_bytes().replace(b"summary: Cycle to work.", b"summary: Cycle \xe0 work.")
    path.write_bytes(bom + raw)
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (BIKE, 3, "")
    assert problem.message == "not UTF-8 text (byte 0xe0)"


def test_latin1_file_is_refused(folder):
    path = folder / "car.yaml"
    path.write_bytes(
        path.read_text().replace("Drive to work.", "Drive to the café.").encode("latin-1")
    )
    problem = only(load_errors(folder))
    assert (problem.file, problem.line) == (CAR, 3)
    assert problem.message == "not UTF-8 text (byte 0xe9)"


def test_utf8_bom_is_accepted(folder):
    path = folder / "bike.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_decision_set(folder).decision_set.option("bike").name == "Bicycle"


def test_file_over_the_size_cap(folder, monkeypatch):
    biggest_other = max(p.stat().st_size for p in folder.glob("*.yaml") if p.name != "bike.yaml")
    monkeypatch.setattr(yamlsafe, "MAX_FILE_BYTES", biggest_other)
    path = folder / "bike.yaml"
    path.write_text(path.read_text() + "# " + "x" * biggest_other + "\n")
    size = path.stat().st_size
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (BIKE, 0, "")
    assert problem.message == f"file is {size} bytes, over the {biggest_other}-byte limit"


BILLION_LAUGHS = """a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_alias_bomb_is_refused_quickly(folder):
    """9**9 strings if expanded; the node cap stops it after 200,000 (well under a second)."""
    (folder / "bus.yaml").write_text(BILLION_LAUGHS)
    started = time.monotonic()
    problem = only(load_errors(folder))
    # generous bound: the point is "bounded", not a benchmark; unbounded would take hours
    assert time.monotonic() - started < 20
    assert (problem.file, problem.line, problem.field) == (BUS, 1, "f[1][7][8][6][5][8]")
    assert problem.message == "document expands to more than 200000 values (alias bomb?)"


def test_recursive_alias_is_refused(folder):
    (folder / "bus.yaml").write_text("id: bus\nactions: &loop [*loop]\n")
    problem = only(load_errors(folder))
    assert (problem.file, problem.line) == (BUS, 2)
    assert problem.field.startswith("actions[0][0]")
    assert problem.message == "nested more than 64 levels deep"


@pytest.mark.parametrize(
    ("template", "tag"),
    [
        ('actions: !!python/object/apply:os.system ["{cmd}"]', "!!python/object/apply:os.system"),
        ('actions: !!python/object/new:os.system ["{cmd}"]', "!!python/object/new:os.system"),
        (
            'actions: !!python/object/apply:subprocess.check_call [["sh", "-c", "{cmd}"]]',
            "!!python/object/apply:subprocess.check_call",
        ),
        ("actions: !!python/name:os.system", "!!python/name:os.system"),
        ('actions: !shell "{cmd}"', "!shell"),
    ],
)
def test_custom_tags_are_refused_and_never_run(folder, tmp_path, template, tag):
    marker = tmp_path / "pwned"
    edit(folder / "bike.yaml", "actions: [Buy a bike]", template.format(cmd=f"touch {marker}"))
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (BIKE, 4, "actions")
    assert problem.message.startswith(f"tag {tag} is not allowed")
    assert not marker.exists()


def test_whole_document_python_tag_is_refused(folder, tmp_path):
    marker = tmp_path / "pwned"
    (folder / "bus.yaml").write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n')
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (BUS, 1, "")
    assert not marker.exists()


def test_several_documents_in_one_file_are_refused(folder):
    path = folder / "bus.yaml"
    path.write_text(path.read_text() + "---\nid: tram\n")
    problem = only(load_errors(folder))
    assert (problem.file, problem.line) == (BUS, line_of(path, "---"))
    assert "expected a single document" in problem.message


# --- one edit, one error: each case breaks one thing and names the file, line, field and message


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "field", "message"),
    [
        pytest.param(
            "bike.yaml",
            "summary: Cycle to work.",
            "<<: {summary: Cycle to work.}",
            3,
            "",
            "keys must be plain scalars",
            id="merge-key",
        ),
        pytest.param(
            "bike.yaml",
            "    low: 4\n    high: 7",
            "    low: 6\n    high: 7",
            16,
            "assessments.time.low",
            "low (6) is above score (5)",
            id="low-above-score",
        ),
        pytest.param(
            "bike.yaml",
            "    low: 4\n    high: 7",
            "    low: 4\n    high: 4.5",
            17,
            "assessments.time.high",
            "score (5) is above high (4.5)",
            id="score-above-high",
        ),
        pytest.param(
            "bike.yaml",
            '{source: note, quote: "Cycling',
            '{source: blog, quote: "Cycling',
            13,
            "assessments.cost.evidence[0].source",
            "unknown source 'blog'",
            id="evidence-unknown-source",
        ),
        pytest.param(
            "car.yaml",
            "opponents: [note]",
            "opponents: [note, blog]",
            4,
            "opponents[1]",
            "unknown source 'blog'",
            id="advocate-unknown-source",
        ),
        pytest.param(
            "bus.yaml",
            "  health:\n    unassessed: true\n    rationale: The note barely says.\n",
            "",
            4,
            "assessments",
            "no assessment for criterion 'health' (add it, or mark it unassessed: true)",
            id="missing-assessment",
        ),
        pytest.param(
            "bus.yaml",
            "    unassessed: true\n",
            "    unassessed: true\n    score: 3\n",
            22,
            "assessments.health.score",
            "an unassessed cell must not have a score",
            id="unassessed-with-score",
        ),
        pytest.param(
            "bike.yaml",
            "  health:\n",
            "  fun:\n    unassessed: true\n  health:\n",
            21,
            "assessments.fun",
            "unknown criterion 'fun'",
            id="unknown-criterion",
        ),
    ],
)
def test_one_edit_one_error(folder, file, old, new, line, field, message):
    edit(folder / file, old, new)
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (f"commute/{file}", line, field)
    assert problem.message == message


# --- structure: unknown, missing, duplicated, mistyped -----------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "field", "display"),
    [
        ("bike.yaml", "actions: [Buy a bike]", "colour: red", "colour", BIKE),
        (
            "decision-set.yaml",
            "    group: Money\n",
            "    group: Money\n    weight: 3\n",
            "criteria[0].weight",
            HEADER,
        ),
        (
            "decision-set.yaml",
            "scale: {min: 0, max: 5,",
            "scale: {min: 0, max: 5, step: 1,",
            "criteria[2].scale.step",
            HEADER,
        ),
        (
            "decision-set.yaml",
            '    period: "2024"\n',
            "    year: 2024\n",
            "sources[0].year",
            HEADER,
        ),
        (
            "bus.yaml",
            "    rationale: Cheaper than driving.",
            "    reason: Cheaper than driving.",
            "assessments.cost.reason",
            BUS,
        ),
        (
            "car.yaml",
            "stance: contradicts}",
            "stance: contradicts, page: 3}",
            "assessments.health.evidence[0].page",
            CAR,
        ),
    ],
)
def test_unknown_field(folder, file, old, new, field, display):
    path = folder / file
    edit(path, old, new)
    problem = only(load_errors(folder))
    needle = field.rsplit(".", 1)[-1].rsplit("]", 1)[-1]
    assert (problem.file, problem.line, problem.field) == (
        display,
        line_of(path, needle + ":"),
        field,
    )
    assert problem.message.startswith("unknown field (expected one of: ")


@pytest.mark.parametrize(
    ("file", "old", "field", "line", "display"),
    [
        ("bike.yaml", "name: Bicycle\n", "name", 1, BIKE),
        ("bike.yaml", "summary: Cycle to work.\n", "summary", 1, BIKE),
        (
            "decision-set.yaml",
            "question: How should a city commuter get to work?\n",
            "question",
            1,
            HEADER,
        ),
        ("decision-set.yaml", "schema_version: 1\n", "schema_version", 1, HEADER),
        (
            "decision-set.yaml",
            "    definition: Typical time from home to desk.\n",
            "criteria[1].definition",
            14,
            HEADER,
        ),
        (
            "decision-set.yaml",
            "    direction: higher_is_better\n",
            "criteria[2].direction",
            20,
            HEADER,
        ),
        (
            "decision-set.yaml",
            "    position: Cycling is cheap and healthy; driving is fast but costly.\n",
            "sources[0].position",
            27,
            HEADER,
        ),
        ("bus.yaml", "    score: 4\n", "assessments.cost.score", 5, BUS),
        (
            "car.yaml",
            '    evidence:\n      - {source: note, quote: "Driving',
            "assessments.time.evidence",
            13,
            CAR,
        ),
    ],
)
def test_missing_required_field(folder, file, old, field, line, display):
    """A missing key is reported on the line of the mapping that should hold it, and only once:
    a broken criterion or source does not make every reference to it 'unknown' as well."""
    path = folder / file
    text = path.read_text()
    if "\n" in old.rstrip("\n"):  # drop a whole evidence block, keep what follows the key line
        start = text.index(old)
        end = text.index("\n", text.index("\n", start) + 1) + 1
        path.write_text(text[:start] + text[end:])
    else:
        edit(path, old, "")
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (display, line, field)
    assert problem.message == "is required but missing"


def test_option_file_without_assessments_says_so(folder):
    """Not mistaken for a header fragment (which would list name, summary... as unknown)."""
    edit(folder / "bike.yaml", "assessments:", "assessmentz:")
    problems = load_errors(folder)
    assert triples(problems) == [(BIKE, 1, "assessments"), (BIKE, 6, "assessmentz")]
    assert problems[0].message == "is required but missing"
    assert problems[1].message.startswith("unknown field")


CRITERION = """  - id: cost
    name: Cost again
    definition: Counted twice.
    direction: lower_is_better
sources:"""

SOURCE = """
  - id: note
    title: Another note
    file: commute-note.txt
    origin: commute-note.txt
    position: The same note again.
"""


def test_duplicate_criterion_id_names_the_first_definition(folder):
    path = folder / "decision-set.yaml"
    edit(path, "sources:", CRITERION)
    problem = only(load_errors(folder))
    line = path.read_text().splitlines().index("  - id: cost", 10) + 1
    assert (problem.file, problem.line, problem.field) == (HEADER, line, "criteria[3].id")
    assert problem.message == f"duplicate criterion id 'cost' (first defined at {HEADER}:8)"


def test_duplicate_source_id_names_the_first_definition(folder):
    path = folder / "decision-set.yaml"
    path.write_text(path.read_text() + SOURCE.lstrip("\n"))
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (HEADER, 33, "sources[1].id")
    assert problem.message == f"duplicate source id 'note' (first defined at {HEADER}:27)"


def test_duplicate_option_id_across_files_names_the_first_definition(folder):
    edit(folder / "bus.yaml", "id: bus", "id: bike")
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (BUS, 1, "id")
    assert problem.message == f"duplicate option id 'bike' (first defined at {BIKE}:1)"


def single_file(folder: Path, names: tuple[str, ...]) -> Path:
    """The header plus the named option files, as one file with an inline options list."""
    lines = [*(folder / "decision-set.yaml").read_text().splitlines(), "options:"]
    for name in names:
        body = (folder / f"{name}.yaml").read_text().splitlines()
        lines += ["  - " + body[0], *("    " + line for line in body[1:])]
    path = folder / "single.yaml"  # beside the source text it quotes
    path.write_text("\n".join(lines) + "\n")
    return path


def test_single_file_set_loads(folder):
    ds = load_decision_set(single_file(folder, ("bike", "bus", "car")), strict=True).decision_set
    assert ds.option_ids == ["bike", "bus", "car"]


def test_duplicate_option_id_in_a_single_file_set(folder):
    path = single_file(folder, ("bike", "bus", "car", "bike"))
    starts = [
        i for i, line in enumerate(path.read_text().splitlines(), 1) if line == "  - id: bike"
    ]
    assert len(starts) == 2
    problem = only(load_errors(path))
    assert (problem.file, problem.line, problem.field) == (
        "commute/single.yaml",
        starts[1],
        "options[3].id",
    )
    assert (
        problem.message
        == f"duplicate option id 'bike' (first defined at commute/single.yaml:{starts[0]})"
    )


def test_single_file_paths_include_the_option_index(folder):
    edit(folder / "bus.yaml", "    score: 8\n", "    score: 80\n")
    path = single_file(folder, ("bike", "bus", "car"))
    problem = only(load_errors(path))
    assert (problem.file, problem.line) == ("commute/single.yaml", line_of(path, "score: 80"))
    assert problem.field == "options[1].assessments.time.score"
    assert problem.message == "80 is outside 0–10"


@pytest.mark.parametrize(
    ("old", "new", "line", "field"),
    [
        ("summary: Cycle to work.\n", "summary: Cycle to work.\nname: Bike\n", 4, "name"),
        ("    score: 1\n", "    score: 1\n    score: 2\n", 9, "assessments.cost.score"),
        ("  time:\n", "  cost:\n", 14, "assessments.cost"),
    ],
)
def test_duplicate_yaml_keys(folder, old, new, line, field):
    edit(folder / "bike.yaml", old, new)
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (BIKE, line, field)
    assert problem.message == "duplicate key"


TIME_CELL = (
    "  time:\n    score: 5\n    low: 4\n    high: 7\n    rationale: Slower than driving.\n"
    '    evidence:\n      - {source: note, quote: "Driving is the fastest door-to-door option'
    ' in this city", stance: supports}\n'
)
QUOTE = '"Cycling costs almost nothing once you own a bike"'


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        (
            "    score: 1\n",
            "    score: cheap\n",
            8,
            "assessments.cost.score",
            "must be a number, not text ('cheap')",
        ),
        (
            "    score: 1\n",
            "    score: true\n",
            8,
            "assessments.cost.score",
            "must be a number, not a boolean (True)",
        ),
        (
            "    low: 0\n",
            "    low: [0]\n",
            9,
            "assessments.cost.low",
            "must be a number, not a list ([0])",
        ),
        (
            "    score: 1\n",
            "    score: .nan\n",
            8,
            "assessments.cost.score",
            "must be a finite number, not nan",
        ),
        (
            "    score: 1\n",
            '    score: "1"\n',
            8,
            "assessments.cost.score",
            "must be a number, not text ('1')",
        ),
        ("name: Bicycle", "name: [Bicycle]", 2, "name", "must be text, not a list"),
        (
            "summary: Cycle to work.",
            "summary: {text: Cycle}",
            3,
            "summary",
            "must be text, not a mapping",
        ),
        ("actions: [Buy a bike]", "actions: Buy a bike", 4, "actions", "must be a list, not text"),
        (
            "actions: [Buy a bike]",
            "actions: [[Buy, a bike]]",
            4,
            "actions[0]",
            "must be text, not a list",
        ),
        ("advocates: [note]", "advocates:", 5, "advocates", "must be a list, not empty"),
        (
            "assessments:\n",
            "assessments: []\nold_assessments:\n",
            6,
            "assessments",
            "must be a mapping, not a list",
        ),
        (QUOTE, f"[{QUOTE}]", 13, "assessments.cost.evidence[0].quote", "must be text, not a list"),
        (
            "stance: supports, implied_score: 1}",
            "stance: supports, implied_score: high}",
            13,
            "assessments.cost.evidence[0].implied_score",
            "must be a number, not text ('high')",
        ),
        (TIME_CELL, "  time: 5\n", 14, "assessments.time", "must be a mapping, not a number"),
        (
            "id: bike",
            "id: my bike",
            1,
            "id",
            "'my bike' is not a valid id (letters, digits, _ . -)",
        ),
    ],
)
def test_wrong_types(folder, old, new, line, field, message):
    edit(folder / "bike.yaml", old, new)
    problems = load_errors(folder)
    if field == "assessments":  # the renamed block is unknown too; that is a second, true problem
        assert triples(problems)[1] == (BIKE, 7, "old_assessments")
        problems = problems[:1]
    problem = only(problems)
    assert (problem.file, problem.line, problem.field) == (BIKE, line, field)
    assert problem.message == message


def test_wrong_type_in_header(folder):
    """A criteria section that is not a list does not also make every assessment 'unknown'."""
    edit(folder / "decision-set.yaml", "criteria:\n", "criteria: cost, time\ncriteria_list:\n")
    problems = load_errors(folder)
    assert triples(problems) == [(HEADER, 7, "criteria"), (HEADER, 8, "criteria_list")]
    assert problems[0].message == "must be a list, not text"


# --- values: scales, ranges, references, quotes ----------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "field", "message"),
    [
        (
            "bike.yaml",
            "    score: 5\n    low: 4\n    high: 7",
            "    score: 12\n    low: 4\n    high: 7",
            "assessments.time.score",
            "12 is outside 0–10",
        ),
        (
            "bike.yaml",
            "    score: 1\n",
            "    score: -0.5\n",
            "assessments.cost.score",
            "-0.5 is outside 0–10",
        ),
        (
            "car.yaml",
            "    high: 1\n",
            "    high: 6\n",
            "assessments.health.high",
            "6 is outside 0–5",
        ),
        ("bus.yaml", "    low: 3\n", "    low: -1\n", "assessments.cost.low", "-1 is outside 0–10"),
        (
            "bus.yaml",
            "stance: supports, implied_score: 8}",
            "stance: supports, implied_score: 11}",
            "assessments.time.evidence[0].implied_score",
            "11 is outside 0–10",
        ),
    ],
)
def test_score_outside_the_scale(folder, file, old, new, field, message):
    path = folder / file
    edit(path, old, new)
    problem = only(load_errors(folder))
    line = line_of(path, new.splitlines()[0].strip()) if "implied" not in field else 18
    assert (problem.file, problem.line, problem.field) == (f"commute/{file}", line, field)
    assert problem.message == message


def test_low_and_high_default_to_the_score(folder):
    edit(folder / "bike.yaml", "    low: 4\n    high: 7\n", "")
    cell = load_decision_set(folder).decision_set.assessment("bike", "time")
    assert (cell.low, cell.score, cell.high) == (5, 5, 5)


def test_broken_source_is_reported_once(folder):
    """A source with an error is not also 'unknown' in each of the nine quotes citing it."""
    edit(folder / "decision-set.yaml", "    title: Commuting note\n", "")
    assert triples(load_errors(folder)) == [(HEADER, 27, "sources[0].title")]


MISQUOTE = ("Cycling costs almost nothing", "Cycling costs absolutely nothing")


def test_misquote_is_a_warning_by_default(folder):
    edit(folder / "bike.yaml", *MISQUOTE)
    result = load_decision_set(folder)
    warning = only(result.warnings)
    assert (warning.file, warning.line, warning.field, warning.severity) == (
        BIKE,
        13,
        "assessments.cost.evidence[0].quote",
        "warning",
    )
    assert warning.message.startswith("quote not found verbatim in source 'note': \"Cycling costs")
    assert str(warning).startswith(f"{BIKE}:13: assessments.cost.evidence[0].quote: warning: ")
    # the set still loads, quote included, so the analyst can see and fix it in the app
    assert result.decision_set.assessment("bike", "cost").evidence[0].quote.startswith(MISQUOTE[1])


def test_misquote_is_an_error_in_strict_mode(folder):
    edit(folder / "bike.yaml", *MISQUOTE)
    problem = only(load_errors(folder, strict=True))
    assert (problem.file, problem.line, problem.field, problem.severity) == (
        BIKE,
        13,
        "assessments.cost.evidence[0].quote",
        "error",
    )
    assert problem.message.startswith("quote not found verbatim in source 'note'")


def test_typographic_differences_are_not_misquotes(folder):
    """The note has curly quotes and an em dash; bus.yaml quotes it with straight ones."""
    assert "“reliable enough” —" in (folder / "commute-note.txt").read_text()
    assert load_decision_set(folder, strict=True).warnings == []


def test_missing_source_text_warns_then_fails_strictly(folder):
    (folder / "commute-note.txt").unlink()
    warning = only(load_decision_set(folder).warnings)
    assert (warning.file, warning.line, warning.field) == (HEADER, 30, "sources[0].file")
    assert warning.message == "source text 'commute-note.txt' not found"
    problems = load_errors(folder, strict=True)
    assert len(problems) == 9  # one per quote: none can be checked
    assert {p.message for p in problems} == {"cannot check quote: source 'note' has no text"}


def test_unassessed_cell_is_fine(folder):
    result = load_decision_set(folder, strict=True)
    cell = result.decision_set.assessment("bus", "health")
    assert cell.unassessed and cell.score is None and cell.rationale == "The note barely says."
    assert result.warnings == []


@pytest.mark.parametrize(("file", "display"), [("decision-set.yaml", HEADER), ("bike.yaml", BIKE)])
def test_schema_version_newer_than_supported(folder, file, display):
    path = folder / file
    if file == "decision-set.yaml":
        edit(path, "schema_version: 1", "schema_version: 2")
    else:
        path.write_text("schema_version: 2\n" + path.read_text())
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (display, 1, "schema_version")
    assert problem.message == "2 is newer than this app understands (1); update the app"


@pytest.mark.parametrize(
    ("value", "message"),
    [("0", "0 is not a schema version"), ("1.5", "1.5 is not a schema version")],
)
def test_schema_version_must_be_a_positive_whole_number(folder, value, message):
    edit(folder / "decision-set.yaml", "schema_version: 1", f"schema_version: {value}")
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field, problem.message) == (
        HEADER,
        1,
        "schema_version",
        message,
    )


# --- all at once ---------------------------------------------------------------------------


def test_five_problems_in_one_file_are_all_reported_sorted_by_line(folder):
    path = folder / "bike.yaml"
    edit(path, "actions: [Buy a bike]", "colour: red")  # 4: unknown field
    edit(path, "advocates: [note]", "advocates: note")  # 5: wrong type
    edit(path, "    score: 1\n", "    score: 11\n")  # 8: outside the scale
    edit(path, "    low: 4\n    high: 7", "    low: 6\n    high: 7")  # 16: low above score
    edit(path, '{source: note, quote: "it builds', '{source: blog, quote: "it builds')  # 27
    problems = load_errors(folder)
    assert triples(problems) == [
        (BIKE, 4, "colour"),
        (BIKE, 5, "advocates"),
        (BIKE, 8, "assessments.cost.score"),
        (BIKE, 16, "assessments.time.low"),
        (BIKE, 27, "assessments.health.evidence[0].source"),
    ]
    assert [p.message.split(" (")[0] for p in problems] == [
        "unknown field",
        "must be a list, not text",
        "11 is outside 0–10",
        "low",
        "unknown source 'blog'",
    ]


def test_problems_in_several_files_are_all_reported_in_file_then_line_order(folder):
    edit(folder / "car.yaml", "    score: 2\n", "    score: 20\n")
    edit(folder / "bike.yaml", "name: Bicycle", "name: Bicycle: fast")  # syntax error
    edit(folder / "decision-set.yaml", "direction: higher_is_better", "direction: up")
    edit(folder / "bus.yaml", "id: bus", "id: bus stop")
    problems = load_errors(folder)
    assert triples(problems) == [
        (BIKE, 2, ""),
        (BUS, 1, "id"),
        (CAR, 14, "assessments.time.score"),
        (HEADER, 23, "criteria[2].direction"),
    ]
    # one FILE:LINE: field: message line each, ready for an editor's problem matcher
    assert str(problems[2]) == f"{CAR}:14: assessments.time.score: 20 is outside 0–10"
    assert str(LoadError(problems)).splitlines() == [str(p) for p in problems]


# --- paths -----------------------------------------------------------------------------------


def test_missing_path(folder):
    problem = only(load_errors(folder.parent / "nowhere"))
    assert (problem.file, problem.line, problem.message) == ("nowhere", 0, "no such file or folder")


def test_folder_without_header(folder):
    (folder / "decision-set.yaml").unlink()
    problem = only(load_errors(folder))
    assert (problem.file, problem.line) == (HEADER, 0)
    assert problem.message == "a decision-set folder needs this file"


# --- citation fields ----------------------------------------------------------------------------


def test_citation_fields_load_and_older_sets_without_them_still_do(folder):
    before = load_decision_set(folder, strict=True).decision_set.source("note")
    assert (before.author, before.published, before.url, before.accessed) == ("", "", "", "")
    edit(
        folder / "decision-set.yaml",
        '    period: "2024"',
        '    period: "2024"\n    author: A. Writer\n    published: 2024-03-05\n'
        "    url: https://example.org/note\n    accessed: 2026-11",
    )
    src = load_decision_set(folder, strict=True).decision_set.source("note")
    assert (src.author, src.published, src.url, src.accessed) == (
        "A. Writer",
        "2024-03-05",  # an unquoted YAML date stays text as written
        "https://example.org/note",
        "2026-11",
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("published", "March 2024", "'March 2024' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("published", "2024-13", "'2024-13' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("accessed", "2024-02-30", "'2024-02-30' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("url", "example.org/note", "must be a web address starting https:// or http://"),
    ],
)
def test_bad_citation_field_names_file_line_and_field(folder, field, value, message):
    edit(
        folder / "decision-set.yaml",
        '    period: "2024"',
        f'    period: "2024"\n    {field}: "{value}"',
    )
    problem = only(load_errors(folder))
    assert (problem.file, problem.line, problem.field) == (HEADER, 30, f"sources[0].{field}")
    assert problem.message == message
