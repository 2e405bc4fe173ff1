"""The presenter view: it follows and drives the shared position, edits notes in the deck,
and keeps time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from slide_fakes import RENDERERS, make_renderer

from explorer.ui.briefing.present.presentation import PresentationWindow
from explorer.ui.briefing.present.presenter_view import PresenterView
from explorer.ui.state.session import Session

K = Qt.Key


@pytest.fixture(params=RENDERERS)
def window(qtbot, request: pytest.FixtureRequest, session: Session) -> PresentationWindow:
    w = PresentationWindow(session, renderer=make_renderer(request.param, session))
    qtbot.addWidget(w)
    w.resize(1024, 576)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def view(qtbot, window: PresentationWindow) -> PresenterView:
    v = window.show_presenter()
    qtbot.waitExposed(v)
    return v


def test_shows_current_and_next_slide(view: PresenterView, window: PresentationWindow) -> None:
    title = window.renderer.title
    assert view.current.key == "title"
    assert view.next.key == "weights"
    assert view.counter.text() == f"Slide 1 / 11  ·  {title('title')}"
    assert view.next_title.text() == f"Next: {title('weights')}"


def test_keys_in_the_presenter_view_move_the_audience_window(
    qtbot, view: PresenterView, window: PresentationWindow
) -> None:
    qtbot.keyClick(view, K.Key_End)
    assert window.navigator.counter() == "11 / 11"
    assert view.current.key == "sources"
    assert view.next.key is None
    assert view.next_title.text() == "Next: End of presentation"
    qtbot.keyClick(view, K.Key_PageUp)
    assert window.navigator.current == "reliance"
    qtbot.keyClick(view, K.Key_B)
    assert window.navigator.black
    assert view.black.isChecked()
    assert "black" in view.status.text()
    qtbot.mouseClick(view.black, Qt.MouseButton.LeftButton)
    assert not window.navigator.black
    qtbot.mouseClick(view.forward, Qt.MouseButton.LeftButton)
    assert window.navigator.counter() == "11 / 11"
    qtbot.mouseClick(view.back, Qt.MouseButton.LeftButton)
    assert window.navigator.counter() == "10 / 11"


def test_audience_keys_move_the_presenter_view(
    qtbot, view: PresenterView, window: PresentationWindow
) -> None:
    qtbot.keyClick(window, K.Key_4)
    qtbot.keyClick(window, K.Key_Return)
    assert view.current.key == "tradeoff"
    assert view.counter.text() == f"Slide 4 / 11  ·  {window.renderer.title('tradeoff')}"


def test_typing_a_note_saves_it_in_the_deck(qtbot, session: Session, view: PresenterView):
    qtbot.keyClick(view, K.Key_Right)  # on "weights"
    view.notes.setFocus()
    qtbot.keyClicks(view.notes, "Stress the cost")
    assert session.deck.note("weights") == ""  # saved after a pause, not per keystroke
    with qtbot.waitSignal(session.deckChanged):
        pass  # the pause elapses
    assert session.deck.note("weights") == "Stress the cost"
    assert session.deck.note("title") == ""


def test_moving_on_saves_the_note_of_the_slide_left(
    qtbot, session: Session, view: PresenterView
) -> None:
    view.notes.setPlainText("Welcome everyone")
    qtbot.keyClick(view, K.Key_Right)
    assert session.deck.note("title") == "Welcome everyone"
    assert view.notes.toPlainText() == ""  # the weights slide has no note yet
    qtbot.keyClick(view, K.Key_Left)
    assert view.notes.toPlainText() == "Welcome everyone"


def test_a_deck_change_shows_in_the_notes(session: Session, view: PresenterView) -> None:
    session.set_deck(session.deck.with_note("title", "From the profile"))
    assert view.notes.toPlainText() == "From the profile"
    session.set_deck(session.deck.with_note("weights", "Not this slide"))
    assert view.notes.toPlainText() == "From the profile"


def test_a_clicker_turns_slides_while_the_notes_have_focus(
    qtbot, view: PresenterView, window: PresentationWindow
) -> None:
    view.notes.setFocus()
    qtbot.keyClick(view.notes, K.Key_PageDown)
    assert window.navigator.counter() == "2 / 11"
    qtbot.keyClick(view.notes, K.Key_Right)  # an arrow edits the text, not the position
    assert window.navigator.counter() == "2 / 11"
    qtbot.keyClick(view.notes, K.Key_Escape)  # leaves the notes, not the presentation
    assert window.isVisible()


def test_timer_pause_and_reset(qtbot, view: PresenterView) -> None:
    assert view.pause.text() == "Pause"
    qtbot.mouseClick(view.pause, Qt.MouseButton.LeftButton)
    assert view.pause.text() == "Resume"
    frozen = view.elapsed_seconds()
    qtbot.wait(20)
    assert view.elapsed_seconds() == frozen  # paused: the clock does not move
    qtbot.mouseClick(view.reset, Qt.MouseButton.LeftButton)
    assert view.elapsed_seconds() == 0
    assert view.clock.text() == "0:00"
    qtbot.mouseClick(view.pause, Qt.MouseButton.LeftButton)
    assert view.pause.text() == "Pause"


def test_what_if_shows_in_the_status(qtbot, session: Session, view: PresenterView) -> None:
    qtbot.keyClick(view, K.Key_W)
    assert view.what_if.isVisible()
    assert not view.next.isVisible()  # the sliders take the preview's place
    view.what_if.slider("health").setValue(700)
    assert "What-if" in view.status.text()
    qtbot.keyClick(view, K.Key_R)
    assert view.status.text() == ""


def test_p_hides_and_shows_the_presenter_view(
    qtbot, view: PresenterView, window: PresentationWindow
) -> None:
    qtbot.keyClick(window, K.Key_P)
    assert not view.isVisible()
    qtbot.keyClick(window, K.Key_P)
    assert view.isVisible()


def test_end_show_button_leaves(qtbot, view: PresenterView, window: PresentationWindow) -> None:
    qtbot.mouseClick(view.leave, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert not view.isVisible()
