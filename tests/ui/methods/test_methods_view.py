"""The methods tab and slide: ranks per method, expected rank once sampling is done, the
sentence about the leader — the numbers `policy-explorer methods` gives."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from explorer.core.engine import Method
from explorer.core.methods_comparison import compare_methods
from explorer.core.robustness import SamplingSettings
from explorer.ui.briefing.slides.slides import SlideRenderer
from explorer.ui.methods.methods_view import SHORT_LABELS, WAITING, MethodsView
from explorer.ui.theme import LIGHT


def test_the_view_shows_every_method_and_the_expected_rank(qtbot, bundled_session):
    session = bundled_session
    session.set_sampling(SamplingSettings(samples=2000))
    view = MethodsView(session)
    qtbot.addWidget(view)
    heads = [
        view.table.horizontalHeaderItem(k).text().replace("\n", " ")
        for k in range(view.table.columnCount())
    ]
    assert heads == [SHORT_LABELS[m] for m in Method] + ["Expected rank"]
    tips = [view.table.horizontalHeaderItem(k).toolTip() for k in range(len(Method))]
    assert tips == [m.label for m in Method]
    expected = compare_methods(session.problem, session.result.weights)
    leader_row = [view.table.item(0, k).text() for k in range(len(Method))]
    top = int(session.result.order[0])
    assert leader_row == [str(int(expected.ranks[m][top])) for m in Method]
    assert (
        view.summary.text()
        == compare_methods(
            session.problem, session.result.weights, [o.name for o in session.decision_set.options]
        ).sentence()
    )
    view.show()  # on screen: sampling runs, the expected rank fills in
    qtbot.waitUntil(
        lambda: session.acceptability_current and not session.sampling_running, timeout=20000
    )
    # the snapshot reaches the view by itself (no refresh called here)
    qtbot.waitUntil(lambda: view.table.item(0, len(Method)).text() != WAITING, timeout=5000)
    assert "Kendall's tau" in view.agreement.text()


def _shown(view):
    table = view.table
    return [
        [table.verticalHeaderItem(r).text()]
        + [table.item(r, c).text() for c in range(table.columnCount())]
        + [table.item(r, c).font().bold() for c in range(len(Method))]
        for r in range(table.rowCount())
    ]


def _fresh(session):
    fresh = MethodsView(session)
    fresh.deleteLater()
    return _shown(fresh)


def test_weight_changes_update_the_table_in_place_to_what_a_fresh_view_shows(
    qtbot, bundled_session
):
    session = bundled_session
    view = MethodsView(session)
    qtbot.addWidget(view)
    first_cell = view.table.item(0, 0)
    ids = session.decision_set.criterion_ids
    orders = set()
    for k, share in enumerate([0.9, 0.05, 0.6, 0.3, 0.8]):
        session.set_share(ids[k % len(ids)], share)
        session.flush()
        assert _shown(view) == _fresh(session)
        orders.add(tuple(session.result.order))
    assert len(orders) > 1  # the rows really moved
    assert view.table.item(0, 0) is first_cell  # texts change, the items stay


def test_the_methods_slide_paints_its_table(qtbot, bundled_session):
    renderer = SlideRenderer(bundled_session, LIGHT)
    shown = renderer.keys()
    assert "methods" in shown
    image = QImage(1280, 720, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    renderer.paint(painter, QRectF(0, 0, 1280, 720), "methods")
    painter.end()
    texts = [text for _, text in renderer.placed]
    assert any("Does the ranking depend on the method?" in t for t in texts)


def test_a_background_tab_waits_and_catches_up_when_shown(qtbot, bundled_session):
    from PySide6.QtWidgets import QLabel, QTabWidget

    session = bundled_session
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("front"), "front")
    view = MethodsView(session)
    tabs.addTab(view, "methods")
    tabs.show()
    qtbot.waitExposed(tabs)
    before = view.summary.text()
    first = session.decision_set.criterion_ids[0]
    session.set_share(first, 0.9)
    session.flush()
    assert view.summary.text() == before  # hidden: no per-tick comparison
    tabs.setCurrentWidget(view)
    expected = compare_methods(
        session.problem, session.result.weights, [o.name for o in session.decision_set.options]
    ).sentence()
    assert view.summary.text() == expected != before


def test_headings_fit_their_columns_in_a_narrow_window(qtbot, bundled_session):
    """At 1024 px the tab is ~650 px wide: the option names give way (elided, full text as
    tooltip), never the method headings ("eighted su" once)."""
    view = MethodsView(bundled_session)
    qtbot.addWidget(view)
    view.resize(650, 500)
    view.show()
    qtbot.waitExposed(view)
    header = view.table.horizontalHeader()
    metrics = header.fontMetrics()
    for k in range(view.table.columnCount()):
        text = view.table.horizontalHeaderItem(k).text()
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        assert header.sectionSize(k) >= widest, text
    names = view.table.verticalHeader()
    assert names.width() <= view.table.width() * 2 // 5
    assert view.table.verticalHeaderItem(0).toolTip() == view.table.verticalHeaderItem(0).text()
