"""The audience window: every navigation key, the counter, blackout, leaving, and what-if.

Commute deck, default order: 1 title, 2 weights, 3 ranking, 4 tradeoff, 5 option:bike,
6 option:bus, 7 option:car, 8 robustness, 9 methods, 10 reliance, 11 sources.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from slide_fakes import RENDERERS, FakeRenderer, Recording, make_renderer

from explorer.ui.briefing.present import controller
from explorer.ui.briefing.present.controller import pick_screens, start_presentation
from explorer.ui.briefing.present.presentation import PresentationWindow
from explorer.ui.briefing.present.slide_canvas import letterbox
from explorer.ui.state.session import Session

K = Qt.Key


@pytest.fixture(params=RENDERERS)
def renderer(request: pytest.FixtureRequest, session: Session) -> FakeRenderer | Recording:
    return make_renderer(request.param, session)


@pytest.fixture
def window(qtbot, session: Session, renderer: FakeRenderer | Recording) -> PresentationWindow:
    w = PresentationWindow(session, renderer=renderer)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def press(qtbot, window: PresentationWindow, *keys: Qt.Key) -> None:
    for key in keys:
        qtbot.keyClick(window, key)


def test_starts_on_the_title_with_the_counter(window: PresentationWindow) -> None:
    assert window.navigator.current == "title"
    assert window.navigator.counter() == "1 / 11"
    assert window.accessibleDescription() == f"Slide 1 / 11: {window.renderer.title('title')}"


@pytest.mark.parametrize("key", [K.Key_Right, K.Key_Down, K.Key_PageDown, K.Key_Space])
def test_next_keys(qtbot, window: PresentationWindow, key: Qt.Key) -> None:
    press(qtbot, window, key)
    assert window.navigator.counter() == "2 / 11"
    assert window.navigator.current == "weights"
    press(qtbot, window, key, key)
    assert window.navigator.current == "tradeoff"


@pytest.mark.parametrize("key", [K.Key_Left, K.Key_Up, K.Key_PageUp])
def test_back_keys(qtbot, window: PresentationWindow, key: Qt.Key) -> None:
    press(qtbot, window, K.Key_End)
    press(qtbot, window, key)
    assert window.navigator.counter() == "10 / 11"
    assert window.navigator.current == "reliance"


def test_home_and_end(qtbot, window: PresentationWindow) -> None:
    press(qtbot, window, K.Key_End)
    assert window.navigator.counter() == "11 / 11"
    assert window.navigator.current == "sources"
    press(qtbot, window, K.Key_Home)
    assert window.navigator.counter() == "1 / 11"


def test_number_then_enter_jumps(qtbot, window: PresentationWindow) -> None:
    press(qtbot, window, K.Key_3)
    assert window.navigator.buffer == "3"
    assert window.navigator.counter() == "1 / 11"  # nothing moves before Enter
    press(qtbot, window, K.Key_Return)
    assert window.navigator.current == "ranking"
    assert window.navigator.buffer == ""
    press(qtbot, window, K.Key_6, K.Key_Enter)  # the keypad's Enter too
    assert window.navigator.current == "option:bus"


def test_typed_number_is_painted_and_esc_cancels_it(
    qtbot, window: PresentationWindow, renderer: FakeRenderer | Recording
) -> None:
    before = window.grab().toImage()
    press(qtbot, window, K.Key_7)
    assert window.grab().toImage() != before  # "Go to slide 7" is on screen
    press(qtbot, window, K.Key_Escape)
    assert window.navigator.buffer == ""
    assert window.isVisible()  # Esc cancelled the number; a second Esc leaves
    press(qtbot, window, K.Key_Escape)
    assert not window.isVisible()


@pytest.mark.parametrize("key", [K.Key_B, K.Key_Period])
def test_black_screen_toggles(qtbot, window: PresentationWindow, key: Qt.Key) -> None:
    press(qtbot, window, K.Key_Right, key)
    assert window.navigator.black
    image = window.grab().toImage()
    assert image.pixelColor(10, 10).name() == "#000000"
    assert image.pixelColor(640, 360).name() == "#000000"
    press(qtbot, window, key)
    assert not window.navigator.black
    assert window.navigator.counter() == "2 / 11"
    press(qtbot, window, key, K.Key_Right)  # a step from black only lifts the black
    assert (window.navigator.black, window.navigator.counter()) == (False, "2 / 11")


def test_esc_leaves_and_announces_it(qtbot, window: PresentationWindow) -> None:
    with qtbot.waitSignal(window.closed):
        press(qtbot, window, K.Key_Escape)
    assert not window.isVisible()


def test_mouse_click_and_wheel_navigate(qtbot, window: PresentationWindow) -> None:
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
    assert window.navigator.counter() == "2 / 11"
    qtbot.mouseClick(window, Qt.MouseButton.RightButton)
    assert window.navigator.counter() == "1 / 11"
    centre = QPointF(window.rect().center())
    for delta in (-120, -60, -60, 120):  # one notch, two half notches, one notch back
        event = QWheelEvent(
            centre,
            window.mapToGlobal(centre),
            QPoint(),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(window, event)
    assert window.navigator.counter() == "2 / 11"


def test_slide_fills_4_3_to_16_9_screens_and_boxes_others(window: PresentationWindow) -> None:
    window.resize(1024, 768)  # a 4:3 projector: used whole
    rect = window.slide_rect()
    assert (rect.width(), rect.height()) == (1024, 768)
    window.resize(2560, 1080)  # ultra-wide: boxed to 16:9, bars left and right
    rect = window.slide_rect()
    assert (rect.width(), rect.height()) == (1920, 1080) and rect.left() == 320
    assert letterbox(QRectF(0, 0, 1024, 768), 16 / 9).height() == 576


def test_paints_the_current_slide(qtbot, window: PresentationWindow, renderer) -> None:
    press(qtbot, window, K.Key_End)
    renderer.painted.clear()
    window.repaint()
    assert renderer.painted == ["sources"]


def test_a_deck_change_updates_the_counter_and_keeps_the_slide(
    qtbot, session: Session, window: PresentationWindow
) -> None:
    press(qtbot, window, K.Key_5)
    press(qtbot, window, K.Key_Return)
    assert window.navigator.current == "option:bike"
    session.set_deck(session.deck.with_hidden("weights", True))
    assert window.navigator.counter() == "4 / 10"
    assert window.navigator.current == "option:bike"


# ---- what if ---------------------------------------------------------------------------------
def test_w_toggles_the_overlay(qtbot, window: PresentationWindow, named) -> None:
    assert not window.overlay.isVisible()
    press(qtbot, window, K.Key_W)
    assert window.overlay.isVisible()
    assert window.overlay.geometry().bottom() < window.height()
    assert named(window.overlay, QLabel, "Share of Monthly cost").text() == "33.3 %"
    # the slide moves aside for the panel instead of hiding under it
    assert not window.slide_rect().intersects(QRectF(window.overlay.geometry()))
    assert window.slide_rect().width() < window.width()
    press(qtbot, window, K.Key_W)
    assert not window.overlay.isVisible()
    assert window.slide_rect().width() == window.width()


def test_a_dragged_slider_leaves_the_keys_with_the_slides(qtbot, window: PresentationWindow):
    """A clicker's PgDn after a what-if drag must turn the slide, not jump a weight by 10 %."""
    press(qtbot, window, K.Key_W)
    slider = window.overlay.slider("time")
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton)
    assert not slider.hasFocus()
    assert slider.focusPolicy() == Qt.FocusPolicy.TabFocus  # still reachable from the keyboard


def test_moving_a_slider_changes_the_weights_and_repaints_the_slide(
    qtbot,
    session: Session,
    window: PresentationWindow,
    renderer: FakeRenderer | Recording,
    named,
) -> None:
    press(qtbot, window, K.Key_3, K.Key_Return, K.Key_W)
    briefed = session.shares
    qtbot.waitUntil(lambda: renderer.painted[-1:] == ["ranking"])
    renderer.painted.clear()
    window.overlay.slider("cost").setValue(600)
    assert session.shares[0] == pytest.approx(0.6)
    assert session.shares[1] == pytest.approx(0.2)
    assert named(window.overlay, QLabel, "Share of Door-to-door time").text() == "20.0 %"
    session.flush()
    qtbot.waitUntil(lambda: "ranking" in renderer.painted)  # a new result: one repaint
    assert window.navigator.what_if
    press(qtbot, window, K.Key_R)  # back to the briefing in one step
    session.flush()
    np.testing.assert_allclose(session.shares, briefed)
    assert window.overlay.slider("cost").value() == 333
    assert not window.navigator.what_if


def test_back_button_restores_the_briefed_weights(
    qtbot, session: Session, window: PresentationWindow
) -> None:
    session.set_share("time", 0.7)  # briefed weights are those at the start, not the defaults
    started = PresentationWindow(session, renderer=FakeRenderer(session))
    qtbot.addWidget(started)
    started.overlay.slider("health").setValue(900)
    assert session.shares[2] == pytest.approx(0.9)
    qtbot.mouseClick(started.overlay.back, Qt.MouseButton.LeftButton)
    assert session.shares[1] == pytest.approx(0.7)
    assert session.undo_stack.undoText() == "Back to the briefed weighting"


def test_a_slider_drag_is_one_undo_step(qtbot, session: Session, window: PresentationWindow):
    press(qtbot, window, K.Key_W)
    slider = window.overlay.slider("cost")
    steps = session.undo_stack.count()
    slider.sliderPressed.emit()
    for value in (400, 450, 500):
        slider.setValue(value)
    slider.sliderReleased.emit()
    assert session.undo_stack.count() == steps + 1


def test_clicks_on_the_overlay_do_not_turn_the_slide(qtbot, window: PresentationWindow) -> None:
    press(qtbot, window, K.Key_W)
    qtbot.mouseClick(window.overlay, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    assert window.navigator.counter() == "1 / 11"


def test_black_hides_the_overlay(qtbot, window: PresentationWindow) -> None:
    press(qtbot, window, K.Key_W, K.Key_B)
    assert not window.overlay.isVisible()


# ---- starting from the main window ------------------------------------------------------------
def test_start_presentation_and_esc_returns_to_the_main_window(qtbot, session: Session) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    main.showMaximized()
    qtbot.waitExposed(main)
    window = start_presentation(session, main, renderer=FakeRenderer(session))
    assert window is not None and window.isVisible()
    assert window.isFullScreen()
    assert start_presentation(session, main) is window  # F5 again: the same show
    # one offscreen screen: the slides take it, the presenter view waits for P
    assert pick_screens(main.screen()) == (main.screen(), None)
    assert window.presenter_view is None
    qtbot.keyClick(window, K.Key_P)
    assert window.presenter_view is not None and window.presenter_view.isVisible()
    assert not window.presenter_view.isFullScreen()  # windowed, for rehearsal
    main.showMinimized()  # the presenter switched away meanwhile
    qtbot.keyClick(window, K.Key_Escape)
    assert not window.isVisible()
    assert not window.presenter_view.isVisible()
    assert main.isVisible()
    assert main.windowState() == Qt.WindowState.WindowMaximized  # as it was before F5


def test_nothing_to_present_without_a_set(qtbot) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    assert start_presentation(Session(), main) is None


def test_two_screens_slides_on_the_other_presenter_view_on_this_one(
    qtbot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, projector = object(), object()

    class TwoScreens:
        @staticmethod
        def screens() -> list[object]:
            return [laptop, projector]

        @staticmethod
        def primaryScreen() -> object:
            return laptop

    monkeypatch.setattr(controller, "QGuiApplication", TwoScreens)
    assert controller.pick_screens(laptop) == (projector, laptop)
    assert controller.pick_screens(projector) == (laptop, projector)
    assert controller.pick_screens(None) == (projector, laptop)  # None: the primary is home


def test_with_a_presenter_screen_the_presenter_view_opens_full_screen(
    qtbot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    main.show()
    screen = main.screen()  # offscreen has one screen: use it for both roles
    monkeypatch.setattr(controller, "pick_screens", lambda home: (screen, screen))
    window = controller.start_presentation(session, main, renderer=FakeRenderer(session))
    view = window.presenter_view
    assert view is not None and view.isVisible() and view.isFullScreen()
    qtbot.keyClick(view, K.Key_Right)  # the presenter's keyboard drives the audience screen
    assert window.navigator.counter() == "2 / 11"
    qtbot.keyClick(view, K.Key_Escape)
    assert not window.isVisible()


def test_ctrl_z_undoes_what_if_changes_during_the_presentation(qtbot, window, session) -> None:
    before = session.shares.copy()
    press(qtbot, window, K.Key_W)
    window.overlay.slider("cost").setValue(600)
    changed = session.shares.copy()
    assert not np.allclose(changed, before)
    qtbot.keyClick(window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert np.allclose(session.shares, before)
    assert window.overlay.slider("cost").value() == round(before[0] * 1000)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, K.Key_Z, modifiers)
    assert np.allclose(session.shares, changed)


def test_tab_reaches_the_first_what_if_slider_first(qtbot, window, session) -> None:
    press(qtbot, window, K.Key_W)
    window.setFocus()
    order = []
    for _ in range(len(session.decision_set.criteria) + 1):
        qtbot.keyClick(QApplication.focusWidget() or window, K.Key_Tab)
        order.append(QApplication.focusWidget())
    ids = session.decision_set.criterion_ids
    assert order[: len(ids)] == [window.overlay.slider(c) for c in ids]
    assert order[len(ids)] is window.overlay.back
