"""The session's parts each keep their own state, and its signals say exactly what changed, so
a view listens only for what it shows."""

from __future__ import annotations

import pytest

from explorer.core.engine import Method
from explorer.ui.state.session import Session

SIGNALS = (
    "sharesChanged",
    "locksChanged",
    "methodChanged",
    "scoresChanged",
    "weightsChanged",
    "resultChanged",
    "selectionChanged",
    "profileChanged",
    "samplingChanged",
    "deckChanged",
    "themeChanged",
    "setChanged",
)


@pytest.fixture
def heard(session: Session) -> list[str]:
    names: list[str] = []
    for name in SIGNALS:
        getattr(session, name).connect(lambda name=name: names.append(name))
    return names


def _source_id(session: Session) -> str:
    assert session.decision_set is not None
    return session.decision_set.sources[0].id


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s.set_share("cost", 0.5), ["sharesChanged", "weightsChanged"]),
        (lambda s: s.set_locked("cost", True), ["locksChanged", "weightsChanged"]),
        (lambda s: s.set_method(Method.TOPSIS), ["methodChanged", "weightsChanged"]),
        (lambda s: s.set_lens_active(True), ["scoresChanged", "weightsChanged"]),
        (lambda s: s.set_source_weight(_source_id(s), 0.2), ["scoresChanged", "weightsChanged"]),
        (lambda s: s.select(option="bus"), ["selectionChanged"]),
    ],
    ids=["share", "lock", "method", "lens", "credibility", "selection"],
)
def test_each_change_announces_only_what_it_changed(
    session: Session, heard: list[str], change, expected: list[str]
) -> None:
    change(session)
    # the first change away from the opened weighting also makes it unsaved
    assert [n for n in heard if n != "profileChanged"] == expected


def test_undo_announces_the_same_part_again(session: Session, heard: list[str]) -> None:
    session.set_method(Method.TOPSIS)
    heard.clear()
    session.undo_stack.undo()
    assert [n for n in heard if n != "profileChanged"] == ["methodChanged", "weightsChanged"]
    assert session.method is Method.WSM


def test_a_lock_alone_does_not_run_the_engine(session: Session, qtbot) -> None:
    results: list[object] = []
    session.resultChanged.connect(lambda: results.append(session.result))
    session.set_locked("cost", True)
    qtbot.wait(20)
    assert results == []
    session.set_share("time", 0.4)
    qtbot.waitUntil(lambda: len(results) == 1)


def test_the_parts_hold_their_own_state(session: Session) -> None:
    session.set_share("cost", 0.6)
    session.select(option="bus", criterion="cost")
    assert session.weighting.shares[0] == pytest.approx(0.6)
    assert session.selection.cell == ("bus", "cost")
    assert session.profile_binding.dirty and session.dirty
    session.undo_stack.undo()
    assert not session.profile_binding.dirty
    assert session.selection.cell == ("bus", "cost")  # selecting is never undone


def test_a_new_set_announces_every_part(session: Session, heard: list[str], commute_path) -> None:
    session.load(commute_path)
    for name in SIGNALS:
        if name != "themeChanged":  # a set does not change the theme
            assert name in heard, name
