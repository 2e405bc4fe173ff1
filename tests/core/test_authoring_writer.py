"""The round-trip writer: an edit changes only what it is about, and only if the set still loads."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from explorer.core.authoring import operations as op
from explorer.core.authoring.new_set import copy_set, new_set
from explorer.core.authoring.quote_check import page_of, unmatched_quotes, verbatim_quote
from explorer.core.authoring.roundtrip import RoundTripDoc
from explorer.core.authoring.set_editor import EditConflict, EditError, SetEditor
from explorer.core.loader import load_decision_set
from explorer.core.problems import LoadError

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "options" / "iraq-troop-posture"
COMMUTE = ROOT / "tests" / "fixtures" / "commute"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def hunks(before: str, after: str) -> list[list[str]]:
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm=""))
    out: list[list[str]] = []
    for line in diff[2:]:
        if line.startswith("@@"):
            out.append([])
        else:
            out[-1].append(line)
    return out


@pytest.fixture
def commute(tmp_path: Path) -> Path:
    target = tmp_path / "commute"
    shutil.copytree(COMMUTE, target)
    # a comment and an odd-but-valid layout the writer must leave exactly as they are
    bike = target / "bike.yaml"
    bike.write_text("# hand-kept notes: keep me\n" + bike.read_text())
    return target


def test_every_bundled_file_writes_back_byte_identical():
    for path in sorted(BUNDLED.rglob("*.yaml")):
        doc = RoundTripDoc.parse(path.read_text(encoding="utf-8"))
        assert doc.faithful, path
        assert doc.dump() == path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(
    "text",
    [
        "a:\n- x: 1\n  y: [p, q]   # trailing comment\n",
        "a:\n    - x: 1\n      y: 'single'\nb:\n    c: >-\n        folded\n        text\n",
        '# top\nk: "v"\n\n\nlist:\n  - 1\n  - 2.50\n',
    ],
)
def test_other_layouts_write_back_byte_identical(text):
    doc = RoundTripDoc.parse(text)
    assert doc.faithful
    assert doc.dump() == text


def test_a_layout_no_style_reproduces_is_reported_not_hidden():
    # block text indented less than the file's mappings: ruamel re-indents it on writing
    text = "b:\n    c: >-\n      folded\n      text\n    d: 1\n"
    doc = RoundTripDoc.parse(text)
    assert not doc.faithful
    assert RoundTripDoc.parse(doc.dump()).data == doc.data


def test_one_cell_edit_is_one_hunk_and_keeps_comments(tmp_path):
    target = tmp_path / "set"
    shutil.copytree(BUNDLED, target)
    for txt in (ROOT / "resources" / "sources").glob("*.txt"):
        shutil.copy(txt, target / txt.name)
    option_file = target / "1-status-quo.yaml"
    option_file.write_text("# reviewed by the team, March\n" + option_file.read_text())
    before = snapshot(target)
    editor = SetEditor.open(target)
    op.set_cell(editor, "status_quo", "escalation_risk", score=6.5)
    editor.commit()
    after = snapshot(target)
    changed = {k for k in after if before.get(k) != after[k]}
    assert changed == {"1-status-quo.yaml", "1-status-quo.yaml.bak"}
    assert after["1-status-quo.yaml.bak"] == before["1-status-quo.yaml"]
    old, new = before["1-status-quo.yaml"].decode(), after["1-status-quo.yaml"].decode()
    assert hunks(old, new) == [["-    score: 7", "+    score: 6.5"]]
    assert new.startswith("# reviewed by the team, March\n")
    assert load_decision_set(target).decision_set.assessment(
        "status_quo", "escalation_risk"
    ).score == pytest.approx(6.5)


def test_rationale_edit_keeps_the_quoting_style(commute):
    editor = SetEditor.open(commute)
    op.set_cell(editor, "bike", "cost", rationale="Cheap: a bike and a lock")
    editor.commit()
    text = (commute / "bike.yaml").read_text()
    assert text.startswith("# hand-kept notes: keep me\n")
    assert "rationale: Cheap: a bike" not in text  # a plain scalar here would not parse
    assert load_decision_set(commute).decision_set.assessment("bike", "cost").rationale == (
        "Cheap: a bike and a lock"
    )


def test_out_of_scale_score_is_refused_and_nothing_changes(commute):
    before = snapshot(commute)
    editor = SetEditor.open(commute)
    op.set_cell(editor, "bike", "health", score=7)  # health runs 0–5
    with pytest.raises(LoadError) as caught:
        editor.commit()
    assert [p.field for p in caught.value.problems] == ["assessments.health.score"]
    assert "7 is outside 0–5" in str(caught.value.problems[0])
    assert snapshot(commute) == before


def test_edit_on_a_file_changed_on_disk_is_refused(commute):
    editor = SetEditor.open(commute)
    op.set_cell(editor, "bike", "cost", score=1)
    (commute / "bike.yaml").write_text((commute / "bike.yaml").read_text() + "# theirs\n")
    before = snapshot(commute)
    with pytest.raises(EditConflict):
        editor.commit()
    assert snapshot(commute) == before


def test_add_and_remove_criteria_and_options_keep_the_set_loadable(commute):
    editor = SetEditor.open(commute)
    op.add_criterion(editor, "comfort", "Comfort", "How pleasant the trip is.", "higher_is_better")
    op.add_option(editor, "walk", "Walk", "Walk the whole way.", actions=["Buy shoes"])
    result = editor.commit()
    ds = result.decision_set
    assert ds.criterion_ids[-1] == "comfort"
    assert "walk" in ds.option_ids
    assert all(ds.assessment(o, "comfort").unassessed for o in ds.option_ids)
    assert all(ds.assessment("walk", c).unassessed for c in ds.criterion_ids)
    op.move_option(editor, "walk", 0)
    op.move(editor, "criteria", "comfort", 0)
    ds = editor.commit().decision_set
    assert ds.option_ids[0] == "walk" and ds.criterion_ids[0] == "comfort"
    assert load_decision_set(commute).decision_set.option_ids == ds.option_ids
    op.remove_option(editor, "walk")
    op.remove_criterion(editor, "comfort")
    ds = editor.commit().decision_set
    assert "walk" not in ds.option_ids and "comfort" not in ds.criterion_ids
    # a folder set's order is its files' names: reordering numbered them, contents untouched
    assert sorted(p.name for p in commute.glob("*.yaml")) == [
        "2-bike.yaml",
        "3-bus.yaml",
        "4-car.yaml",
        "decision-set.yaml",
    ]
    assert (commute / "2-bike.yaml").read_text().startswith("# hand-kept notes: keep me\n")


def test_ids_must_be_new_and_valid(commute):
    editor = SetEditor.open(commute)
    with pytest.raises(EditError, match="already exists"):
        op.add_criterion(editor, "cost", "Cost", "x", "lower_is_better")
    with pytest.raises(EditError, match="not a valid option id"):
        op.add_option(editor, "has space", "X", "Y")
    with pytest.raises(EditError, match="no option 'nope'"):
        op.set_cell(editor, "nope", "cost", score=1)


def test_evidence_is_stored_as_the_source_words_it(commute):
    editor = SetEditor.open(commute)
    text = (commute / "commute-note.txt").read_text()
    words = " ".join(text.split()[3:12])
    typed = words.replace(" ", "\n  ", 2)  # as pasted from a wrapped view
    index = op.add_evidence(editor, "bus", "time", "note", typed, "supports", 4, source_text=text)
    op.set_evidence(editor, "bus", "time", index, stance="contradicts")
    ds = editor.commit().decision_set
    item = ds.assessment("bus", "time").evidence[index]
    assert item.quote == words and item.stance == "contradicts" and item.implied_score == 4
    with pytest.raises(EditError, match="not in the text"):
        op.add_evidence(editor, "bus", "time", "note", "words nobody wrote", "supports", None, text)
    op.remove_evidence(editor, "bus", "time", index)
    assert len(editor.commit().decision_set.assessment("bus", "time").evidence) == index


def test_changed_source_text_flags_the_quotes_it_no_longer_has(commute):
    ds = load_decision_set(commute).decision_set
    assert unmatched_quotes(ds) == []
    quoted = ds.assessment("bike", "cost").evidence[0].quote
    note = commute / "commute-note.txt"
    note.write_text(note.read_text().replace(quoted.split()[0], "Rewritten", 1))
    flagged = unmatched_quotes(load_decision_set(commute).decision_set)
    assert any(f.quote == quoted for f in flagged)


def test_page_of_counts_form_feeds():
    text = "one page\n\f\nsecond page words\n\f\nthird"
    quote, start = verbatim_quote(text, "second  page")
    assert quote == "second page" and page_of(text, start) == 2
    assert page_of("no pages here", 3) is None


def test_source_removal_is_refused_while_quoted(commute):
    editor = SetEditor.open(commute)
    with pytest.raises(EditError, match="cited by"):
        op.remove_source(editor, "note")
    dropped = op.remove_source(editor, "note", drop_quotes=True)
    result = editor.commit()
    assert dropped > 0 and result.decision_set.sources == ()
    assert all(not cell.evidence for cell in result.decision_set.assessments.values())
    assert any("needs at least one quote" in w.message for w in result.warnings)
    assert (commute / "commute-note.txt").exists()  # the stored text is never deleted


def test_new_set_empty_template_and_copy(tmp_path):
    editor = new_set(tmp_path / "empty", "Empty", "What now?")
    assert editor.result is not None
    with pytest.raises(LoadError, match="no criteria defined"):
        load_decision_set(tmp_path / "empty")  # a set being built is not yet one to view
    new_set(tmp_path / "tpl", "Template", "Which?", template=True)
    ds = load_decision_set(tmp_path / "tpl").decision_set
    assert (len(ds.options), len(ds.criteria)) == (2, 2)
    with pytest.raises(EditError, match="not an empty folder"):
        new_set(tmp_path / "tpl", "Again", "Which?")
    loaded = load_decision_set(BUNDLED, search_dirs=[ROOT / "resources" / "sources"])
    copy = copy_set(loaded, tmp_path / "copy", title="My copy")
    assert copy.decision_set.title == "My copy"
    assert load_decision_set(tmp_path / "copy", strict=True).decision_set.option_ids == (
        loaded.decision_set.option_ids
    )
