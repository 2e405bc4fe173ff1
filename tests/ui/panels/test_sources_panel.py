"""Sources panel: rows show each source, controls set credibility, the session shows back."""

from __future__ import annotations

from html import escape
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from explorer.core.engine import ScoreMatrix, evaluate
from explorer.core.robustness import lens_scores
from explorer.core.robustness.lens_summary import summarise_lens
from explorer.ui import theme
from explorer.ui.panels.sources_panel import SourcesPanel
from explorer.ui.state.session import Session

OFFSCREEN_SHOW = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def panel(qtbot, bundled_session: Session) -> SourcesPanel:
    widget = SourcesPanel(bundled_session)
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    return widget


def shown(panel: SourcesPanel, source_id: str) -> tuple[bool, int, int]:
    row = panel.row(source_id)
    return row.check.isChecked(), row.slider.value(), row.spin.value()


def expected_result(session: Session, credibility: dict[str, float]):
    ds = session.decision_set
    lens = lens_scores(ds, credibility)
    problem = ScoreMatrix.from_set(ds).with_scores(lens.scores)
    return lens, evaluate(problem, session.shares, session.method)


def test_rows_show_every_source_and_its_quotes(panel: SourcesPanel, bundled_session) -> None:
    ds = bundled_session.decision_set
    assert [row.source_id for row in panel.rows] == [s.id for s in ds.sources]
    for source in ds.sources:
        quotes = [(key, ev) for key, cell in ds.assessments.items() for ev in cell.evidence]
        mine = [key for key, ev in quotes if ev.source == source.id]
        meta = panel.row(source.id).findChild(QLabel, "sourceUsage").text()
        assert meta.startswith(source.period)
        assert f"{len(mine)} quotes in {len(set(mine))} cells" in meta
        if source.publisher:
            assert source.publisher in meta
        assert shown(panel, source.id) == (True, 100, 100)
        assert escape(source.position[:40]) in panel.row(source.id).toolTip()
    assert not panel.lens_check.isChecked()
    assert panel.summary.text().startswith("Off: the editorial scores are in use.")


def test_switching_a_source_off_rescores_exactly(panel: SourcesPanel, bundled_session) -> None:
    session = bundled_session
    ds = session.decision_set
    editorial = session.scores
    source = ds.sources[3].id
    panel.row(source).check.click()
    session.flush()
    assert session.source_weights[source] == 0.0 and session.lens_active
    assert panel.lens_check.isChecked()  # switching a source off turns the lens on
    weights = {s.id: (0.0 if s.id == source else 1.0) for s in ds.sources}
    lens, result = expected_result(session, weights)
    np.testing.assert_array_equal(session.scores, lens.scores)
    assert not np.array_equal(session.scores, editorial)
    np.testing.assert_array_equal(session.result.ranks, result.ranks)
    np.testing.assert_allclose(session.result.totals, result.totals)
    summary = summarise_lens(ds, lens, weights, session.shares, session.method, active=True)
    assert panel.summary.text() == summary.text
    assert panel.summary.text().startswith(f"{summary.rescored} cells rescored")
    assert "1 source off." in panel.summary.text()
    assert not panel.row(source).findChild(QLabel, "sourceUsage").isEnabled()  # reads as off
    # ticking it again brings back full trust
    panel.row(source).check.click()
    session.flush()
    assert shown(panel, source) == (True, 100, 100)
    assert session.source_weights[source] == 1.0


def test_slider_and_spin_set_credibility(qtbot, panel: SourcesPanel, bundled_session) -> None:
    session = bundled_session
    source = session.decision_set.sources[0].id
    row = panel.row(source)
    row.slider.setValue(40)
    assert session.source_weights[source] == pytest.approx(0.4)
    assert shown(panel, source) == (True, 40, 40)
    row.spin.setValue(25)
    assert session.source_weights[source] == pytest.approx(0.25)
    assert row.slider.value() == 25
    row.slider.setFocus()
    qtbot.keyClick(row.slider, Qt.Key.Key_Left)
    assert session.source_weights[source] == pytest.approx(0.24)
    qtbot.keyClick(row.slider, Qt.Key.Key_PageUp)
    assert session.source_weights[source] == pytest.approx(0.34)
    session.flush()
    lens, result = expected_result(session, session.source_weights)
    np.testing.assert_array_equal(session.scores, lens.scores)
    np.testing.assert_array_equal(session.result.ranks, result.ranks)
    # unticking remembers the trust it had; ticking restores it
    row.check.click()
    assert session.source_weights[source] == 0.0 and shown(panel, source) == (False, 0, 0)
    row.check.click()
    assert session.source_weights[source] == pytest.approx(0.34)
    # a slider at 0 is off
    row.slider.setValue(0)
    assert not row.check.isChecked()


def test_session_changes_show_in_panel(panel: SourcesPanel, bundled_session) -> None:
    session = bundled_session
    ids = [s.id for s in session.decision_set.sources]
    session.set_source_weight(ids[1], 0.3)
    assert shown(panel, ids[1]) == (True, 30, 30)
    assert panel.lens_check.isChecked()
    session.set_source_weight(ids[2], 0.0)
    assert shown(panel, ids[2]) == (False, 0, 0)
    session.set_lens_active(False)
    session.flush()
    assert not panel.lens_check.isChecked()
    assert shown(panel, ids[1]) == (True, 30, 30)  # the lens is off, the trust stays set
    assert panel.summary.text().startswith("Off: the editorial scores are in use.")
    assert "1 source off, 1 trusted less." in panel.summary.text()
    session.undo_stack.undo()  # back on
    assert panel.lens_check.isChecked()
    session.reset_sources()
    session.flush()
    assert all(shown(panel, sid) == (True, 100, 100) for sid in ids)
    assert not panel.lens_check.isChecked()
    session.undo_stack.undo()
    assert shown(panel, ids[1]) == (True, 30, 30) and shown(panel, ids[2]) == (False, 0, 0)


def test_master_switch_and_reset_button(panel: SourcesPanel, bundled_session) -> None:
    session = bundled_session
    ds = session.decision_set
    editorial = session.scores
    panel.lens_check.click()
    session.flush()
    assert session.lens_active
    np.testing.assert_array_equal(session.scores, lens_scores(ds).scores)
    panel.lens_check.click()
    session.flush()
    assert not session.lens_active
    np.testing.assert_array_equal(session.scores, editorial)
    session.set_source_weight(ds.sources[0].id, 0.5)
    panel.reset_button.click()
    session.flush()
    assert not session.lens_active
    assert set(session.source_weights.values()) == {1.0}
    np.testing.assert_array_equal(session.scores, editorial)


def test_slider_drag_is_one_undo_step(panel: SourcesPanel, bundled_session) -> None:
    session = bundled_session
    source = session.decision_set.sources[4].id
    slider = panel.row(source).slider
    before = session.undo_stack.count()
    slider.setSliderDown(True)  # what a mouse press on the handle does: sliderPressed
    for value in (90, 75, 60, 45):
        slider.setValue(value)
    slider.setSliderDown(False)  # sliderReleased
    assert session.undo_stack.count() == before + 1
    assert session.source_weights[source] == pytest.approx(0.45)
    session.undo_stack.undo()
    assert session.source_weights[source] == 1.0
    assert shown(panel, source) == (True, 100, 100)


def test_controls_are_named_and_in_tab_order(panel: SourcesPanel, bundled_session) -> None:
    first = bundled_session.decision_set.sources[0]
    row = panel.row(first.id)
    assert row.check.accessibleName() == f"Use source {first.title}"
    assert row.slider.accessibleName() == f"Credibility of {first.title}"
    assert row.spin.accessibleName() == f"Credibility of {first.title} in percent"
    assert panel.lens_check.nextInFocusChain() is row.check
    assert row.check.nextInFocusChain() is row.slider
    assert row.slider.nextInFocusChain() is row.spin


def test_new_set_rebuilds_rows(panel: SourcesPanel, bundled_session, commute_path) -> None:
    bundled_session.load(commute_path)
    assert [row.source_id for row in panel.rows] == ["note"]
    assert shown(panel, "note") == (True, 100, 100)


@OFFSCREEN_SHOW
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshot_bundled(qtbot, qapp, bundled_path: Path, screenshot, dark) -> None:
    session = Session()
    session.load(bundled_path)  # must load: a broken bundled set fails here
    session.set_theme(theme.DARK if dark else theme.LIGHT)
    try:
        widget = SourcesPanel(session)
        qtbot.addWidget(widget)
        widget.resize(420, 700)
        widget.show()
        qtbot.waitExposed(widget)
        ids = [s.id for s in session.decision_set.sources]
        session.set_source_weight(ids[3], 0.0)
        session.set_source_weight(ids[4], 0.4)
        session.flush()
        name = f"sources_panel_bundled_{'dark' if dark else 'light'}.png"
        screenshot(widget, name)
    finally:
        session.set_theme(theme.LIGHT)  # the application palette too


def test_source_tooltip_names_author_and_address(session: Session):
    from dataclasses import replace

    from explorer.core.robustness.lens_summary import SourceUsage
    from explorer.ui.panels.source_row import source_tooltip

    source = replace(
        session.decision_set.sources[0], author="A. Writer", url="https://example.org/note"
    )
    tip = source_tooltip(source, SourceUsage(3, 2, 1))
    assert "By A. Writer" in tip and "https://example.org/note" in tip
