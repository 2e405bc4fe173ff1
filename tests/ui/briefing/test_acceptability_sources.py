"""Which rank-acceptability numbers a chart paints: complete and current ones in files, the
running job's progress on screen, and never a GUI-thread run while a background one is going."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from explorer.core.robustness import SamplingSettings
from explorer.ui.briefing.paint.chart_export import export_chart
from explorer.ui.briefing.slides.acceptability_source import current_acceptability
from explorer.ui.state.session import Session


def _svg_text(path) -> str:
    return " ".join(t.strip() for t in ET.parse(path).getroot().itertext())


def test_a_file_gets_a_complete_run_even_while_sampling_runs(bundled_session, qtbot, tmp_path):
    s: Session = bundled_session
    s.set_sampling(SamplingSettings(samples=3_000_000, seed=1))
    owner = object()
    s.want_sampling(owner, True)
    qtbot.waitUntil(lambda: s.acceptability is not None and s.acceptability_current)
    assert s.sampling_running and not s.acceptability.done  # mid-run
    out = export_chart(s, "acceptability", tmp_path / "a.svg", size=(1200, 700))
    assert "so far" not in _svg_text(out)
    s.want_sampling(owner, False)


def test_on_screen_a_running_job_shows_progress_and_no_gui_thread_run(bundled_session, qtbot):
    s: Session = bundled_session
    s.set_sampling(SamplingSettings(samples=3_000_000, seed=2))
    owner = object()
    s.want_sampling(owner, True)
    # before the first chunk is back: nothing yet (the chart says "sampling…"), and no
    # complete run was made on this thread in the meantime
    assert s.acceptability is None and s.sampling_running  # snapshots arrive via the event loop
    assert current_acceptability(s) is None
    assert s.analysis.cached_acceptability(s.sampling) is None
    qtbot.waitUntil(lambda: s.acceptability is not None and s.acceptability_current)
    live = current_acceptability(s)
    assert live is s.acceptability and not live.done
    s.want_sampling(owner, False)


def test_a_complete_answer_is_not_replaced_by_a_partial_one(bundled_session, qtbot):
    s: Session = bundled_session
    s.set_sampling(SamplingSettings(samples=20_000, seed=3))
    complete = current_acceptability(s, final=True)  # nothing sampling: made here, kept
    assert complete.done
    owner = object()
    s.want_sampling(owner, True)  # a background run for the same state starts
    assert current_acceptability(s) is complete or current_acceptability(s).done
    s.want_sampling(owner, False)
