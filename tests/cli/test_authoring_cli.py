"""Building a set from the command line; every refused edit leaves every byte as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.cli.main import main
from explorer.core.loader import load_decision_set
from tests.cli.test_cli import cli

ROOT = Path(__file__).resolve().parents[2]
COMMUTE = ROOT / "tests" / "fixtures" / "commute"
BUNDLED = ROOT / "options" / "iraq-troop-posture"
PAGE = """<html><head><meta property="og:title" content="Tolls cut congestion">
<meta name="author" content="R. Road"></head><body><nav><a href="/">Home</a></nav>
<article><p>The toll cut peak traffic by a fifth within a year.</p>
<p>Shops in the zone reported “no change” in takings.</p></article>
<footer>Contact us</footer></body></html>"""


def run(*args: str) -> int:
    return main(list(args))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A two-option, three-criterion set made with the commands alone."""
    folder = tmp_path / "tolls"
    assert run("new", str(folder), "--title", "Road tolls", "--question", "Charge drivers?") == 0
    for name, direction in (
        ("Congestion", "lower_is_better"),
        ("Cost to drivers", "lower_is_better"),
        ("Local trade", "higher_is_better"),
    ):
        args = ["criterion", "add", str(folder), "--name", name, "--direction", direction]
        assert run(*args, "--definition", f"How the option affects {name.lower()}.") == 0
    assert run("option", "add", str(folder), "--name", "Toll", "--summary", "Charge.") == 0
    assert run("option", "add", str(folder), "--name", "No toll", "--summary", "Do not.") == 0
    page = tmp_path / "tolls.html"
    page.write_text(PAGE, encoding="utf-8")
    assert run("source", "add", str(folder), str(page), "--position", "Tolls work.") == 0
    return folder


def test_a_set_built_with_commands_validates(built, capsys):
    ds = load_decision_set(built).decision_set
    assert ds.option_ids == ["toll", "no_toll"]
    assert ds.criterion_ids == ["congestion", "cost_to_drivers", "local_trade"]
    src = ds.source("tolls_cut_congestion")
    assert (src.title, src.author, src.file) == (
        "Tolls cut congestion",
        "R. Road",
        "sources/tolls-cut-congestion.txt",
    )
    assert (
        (built / "sources" / "tolls-cut-congestion.original.html").read_text().startswith("<html>")
    )
    args = ["cite", str(built), "--option", "toll", "--criterion", "local_trade"]
    args += ["--source", "tolls_cut_congestion", "--stance", "supports", "--implied", "5"]
    assert run(*args, "--quote", 'Shops in the zone reported "no change"  in takings.') == 0
    args = ["score", str(built), "--option", "toll", "--criterion", "local_trade", "--score"]
    assert run(*args, "5", "--low", "4", "--high", "6", "--rationale", "Trade held up.") == 0
    cell = load_decision_set(built, strict=True).decision_set.assessment("toll", "local_trade")
    assert (cell.score, cell.low, cell.high, cell.rationale) == (5, 4, 6, "Trade held up.")
    assert cell.evidence[0].quote == "Shops in the zone reported “no change” in takings."
    capsys.readouterr()
    assert run("validate", str(built)) == 0


REFUSALS = [
    (
        ["cite", "--option", "toll", "--criterion", "congestion", "--source",
         "tolls_cut_congestion", "--quote", "The toll doubled traffic.", "--stance", "supports"],
        "the quote is not in the text of source 'tolls_cut_congestion'",
    ),
    (
        ["score", "--option", "toll", "--criterion", "congestion", "--score", "11"],
        "assessments.congestion.score: 11 is outside 0–10",
    ),
    (
        ["score", "--option", "toll", "--criterion", "congestion", "--score", "5", "--low", "6"],
        "assessments.congestion.low: low (6) is above score (5)",
    ),
    (
        ["cite", "--option", "toll", "--criterion", "congestion", "--source",
         "tolls_cut_congestion", "--quote", "The toll cut peak traffic", "--stance", "supports",
         "--implied", "-1"],
        "implied_score: -1 is outside 0–10",
    ),
    (["score", "--option", "bus", "--criterion", "congestion", "--score", "1"], "no option 'bus'"),
    (
        ["criterion", "add", "--name", "Congestion", "--definition", "x", "--direction",
         "lower_is_better", "--id", "congestion"],
        "a criterion 'congestion' already exists",
    ),
    (
        ["criterion", "add", "--name", "Bad scale", "--definition", "x", "--direction",
         "lower_is_better", "--min", "5", "--max", "5"],
        "max (5) must be greater than min (5)",
    ),
    (["option", "remove", "nope"], "no option 'nope'"),
    (["source", "remove", "nope"], "no source 'nope'"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), REFUSALS)
def test_bad_input_is_refused_and_changes_no_file(built, capsys, args, message):
    capsys.readouterr()
    before = snapshot(built)
    command = args[:2] if args[0] in {"criterion", "option", "source"} else args[:1]
    rest = args[len(command) :]
    assert run(*command, str(built), *rest) == 1
    err = capsys.readouterr().err
    assert message in err, err
    assert "Traceback" not in err
    assert snapshot(built) == before


def test_source_add_refusals_change_no_file(built, tmp_path, capsys):
    before = snapshot(built)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing")
    assert run("source", "add", str(built), str(bad), "--position", "x") == 1
    notitle = tmp_path / "notes.txt"
    notitle.write_text("Some words.\n")
    assert run("source", "add", str(built), str(notitle), "--position", "x") == 1
    assert run("source", "add", str(built), str(notitle), "--position", "x", "--title", "N",
               "--published", "last week") == 1  # fmt: skip
    err = capsys.readouterr().err
    assert "not a PDF" in err and "give one with --title" in err
    assert "published: 'last week' is not a date" in err
    assert snapshot(built) == before  # the source text written for the check was removed


def test_the_bundled_set_is_not_edited_in_place(capsys):
    before = snapshot(BUNDLED)
    args = ["score", str(BUNDLED), "--option", "status_quo", "--criterion", "us_cost"]
    assert run(*args, "--score", "3") == 1
    assert "not edited in place" in capsys.readouterr().err
    assert snapshot(BUNDLED) == before


def test_new_refuses_an_existing_folder_and_copies_the_bundled_set(tmp_path, capsys):
    existing = tmp_path / "x"
    existing.mkdir()
    (existing / "keep.txt").write_text("mine")
    assert run("new", str(existing), "--title", "T", "--question", "Q") == 1
    assert (existing / "keep.txt").read_text() == "mine"
    copy = tmp_path / "copy"
    assert run("new", str(copy), "--from", str(BUNDLED), "--title", "Mine") == 0
    args = ["score", str(copy), "--option", "status_quo", "--criterion", "us_cost"]
    low = load_decision_set(BUNDLED).decision_set.assessments[("status_quo", "us_cost")].low
    assert low is not None and low > 1
    assert run(*args, "--score", "1") == 1  # below the cell's low
    assert f"low ({low:g}) is above score (1)" in capsys.readouterr().err
    assert run(*args, "--score", "5") == 0
    ds = load_decision_set(copy, strict=True).decision_set
    assert ds.title == "Mine" and ds.assessment("status_quo", "us_cost").score == 5


def test_commands_run_as_a_user_would(tmp_path):
    folder = tmp_path / "s"
    shutil.copytree(COMMUTE, folder)
    done = cli("option", "add", str(folder), "--name", "Train", "--summary", "Take the train.")
    assert done.returncode == 0, done.stderr
    done = cli("score", str(folder), "--option", "train", "--criterion", "health", "--score", "9")
    assert done.returncode == 1
    assert "assessments.health.score: 9 is outside 0–5" in done.stderr
    assert "not changed" in done.stderr
