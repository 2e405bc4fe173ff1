"""Each view's choices live in the session's view state: the widget writes it when the user
picks, follows it when anything else sets it, and the slides and exported charts draw it."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from explorer.ui.briefing.paint.chart_export import export_chart
from explorer.ui.matrix.score_matrix import ScoreMatrixView
from explorer.ui.robustness.robustness_view import RobustnessView
from explorer.ui.robustness.sensitivity_chart import SensitivityChart
from explorer.ui.state.session import Session
from explorer.ui.state.settings import AppSettings
from explorer.ui.state.view_state import ColourMode


@pytest.fixture
def matrix(qtbot, session: Session) -> ScoreMatrixView:
    view = ScoreMatrixView(session)
    qtbot.addWidget(view)
    return view


@pytest.fixture
def sensitivity(qtbot, session: Session) -> SensitivityChart:
    chart = SensitivityChart(session)
    qtbot.addWidget(chart)
    return chart


def test_matrix_colour_widget_to_state(matrix: ScoreMatrixView, session: Session) -> None:
    combo = matrix.colour_key.combo
    combo.setCurrentIndex(combo.findData(ColourMode.DISAGREEMENT.value))  # as the user does
    assert session.views.matrix_colour is ColourMode.DISAGREEMENT
    assert matrix.colour_mode is ColourMode.DISAGREEMENT


def test_matrix_colour_state_to_widget(matrix: ScoreMatrixView, session: Session) -> None:
    session.views.set_matrix_colour(ColourMode.DISAGREEMENT)
    assert matrix.colour_key.combo.currentData() == ColourMode.DISAGREEMENT.value
    assert matrix.colour_mode is ColourMode.DISAGREEMENT
    session.views.set_matrix_colour("desirability")
    assert matrix.colour_key.combo.currentData() == ColourMode.DESIRABILITY.value
    assert matrix.colour_mode is ColourMode.DESIRABILITY


def test_sensitivity_criterion_widget_to_state(
    sensitivity: SensitivityChart, session: Session
) -> None:
    sensitivity.combo.setCurrentIndex(sensitivity.combo.findData("health"))
    assert session.views.sensitivity_criterion == "health"
    assert sensitivity.criterion == "health"


def test_sensitivity_criterion_state_to_widget(
    sensitivity: SensitivityChart, session: Session
) -> None:
    session.views.set_sensitivity_criterion("time")
    assert sensitivity.combo.currentData() == "time"
    assert sensitivity.criterion == "time"
    session.views.set_sensitivity_criterion("no-such-criterion")  # ignored, as by the slides
    assert sensitivity.combo.currentData() == "time"


def test_sampling_settings_widget_to_state(qtbot, session: Session) -> None:
    view = RobustnessView(session)
    qtbot.addWidget(view)
    view.samples.setValue(5000)
    assert session.sampling.samples == 5000


def test_sampling_settings_state_to_widget(qtbot, session: Session) -> None:
    view = RobustnessView(session)
    qtbot.addWidget(view)
    session.set_sampling(dataclasses.replace(session.sampling, samples=7000, seed=3))
    assert (view.samples.value(), view.seed.value()) == (7000, 3)
    assert session.sampling.samples == 7000  # showing it did not write it back changed


def _svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(el.itertext()) for el in root.iter() if el.tag.endswith("text")]


def test_the_exported_sensitivity_chart_runs_along_the_criterion_on_screen(
    sensitivity: SensitivityChart, session: Session, tmp_path: Path
) -> None:
    sensitivity.combo.setCurrentIndex(sensitivity.combo.findData("health"))
    session.select(option="bus")  # the selection no longer names the criterion
    assert session.selected_criterion is None
    texts = " ".join(_svg_texts(export_chart(session, "sensitivity", tmp_path / "s.svg")))
    assert "Health benefit: share of the total weight" in texts
    assert "Monthly cost: share" not in texts  # the most weighted, the old default


def test_the_choices_are_saved_with_the_settings(tmp_path: Path, session: Session) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    settings.matrix_colour = ColourMode.DISAGREEMENT.value
    settings.set_sensitivity_criterion("commute", "time")
    again = AppSettings(tmp_path / "settings.ini")
    assert again.matrix_colour == "disagreement"
    assert again.sensitivity_criterion("commute") == "time"
    again.set_sensitivity_criterion("commute", None)
    assert again.sensitivity_criterion("commute") is None
