"""The slide manager: hiding and reordering go to the deck, and the presentation follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from slide_fakes import RENDERERS, make_renderer

from explorer.ui.briefing.present.controller import open_slide_manager
from explorer.ui.briefing.present.presentation import PresentationWindow
from explorer.ui.briefing.slides.slide_manager import SlideManager
from explorer.ui.state.session import Session

DEFAULT = [
    "title",
    "weights",
    "ranking",
    "tradeoff",
    "option:bike",
    "option:bus",
    "option:car",
    "robustness",
    "methods",
    "reliance",
    "sources",
]


@pytest.fixture(params=RENDERERS)
def window(qtbot, request: pytest.FixtureRequest, session: Session) -> PresentationWindow:
    w = PresentationWindow(session, renderer=make_renderer(request.param, session))
    qtbot.addWidget(w)
    w.resize(960, 540)
    w.show()
    return w


@pytest.fixture
def manager(qtbot, window: PresentationWindow) -> SlideManager:
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.slide_manager is not None
    return window.slide_manager


def test_lists_every_slide_checked_in_order(manager: SlideManager) -> None:
    assert manager.isVisible()
    assert manager.keys() == DEFAULT
    item = manager.list.item(4)
    assert item.text() == "5. Bicycle"
    assert item.checkState() == Qt.CheckState.Checked
    assert not item.icon().isNull()  # a thumbnail of the slide


def test_unticking_hides_the_slide(
    session: Session, manager: SlideManager, window: PresentationWindow
) -> None:
    weights, ranking = window.renderer.title("weights"), window.renderer.title("ranking")
    manager.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert session.deck.hidden == {"weights"}
    assert window.navigator.counter() == "1 / 10"
    assert manager.list.item(1).text() == f"Hidden: {weights}"
    assert manager.list.item(2).text() == f"2. {ranking}"  # numbers are what the counter shows
    manager.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert session.deck.hidden == frozenset()
    assert window.navigator.counter() == "1 / 11"


def test_hiding_in_the_deck_unticks_in_the_list(session: Session, manager: SlideManager):
    session.set_deck(session.deck.with_hidden("sources", True))
    assert manager.list.item(10).checkState() == Qt.CheckState.Unchecked
    manager.show_all.click()
    assert session.deck.hidden == frozenset()


def test_move_down_reorders_the_deck_and_the_presentation(
    qtbot, session: Session, manager: SlideManager, window: PresentationWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_End)  # on "sources", slide 10
    manager.select_key("option:car")
    qtbot.mouseClick(manager.up, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(manager.up, Qt.MouseButton.LeftButton)
    order = session.deck.arrange(DEFAULT)
    assert order[4:7] == ["option:car", "option:bike", "option:bus"]
    assert manager.keys() == order
    assert manager.list.currentItem().data(Qt.ItemDataRole.UserRole) == "option:car"
    assert window.navigator.keys == order
    qtbot.mouseClick(manager.down, Qt.MouseButton.LeftButton)
    assert session.deck.arrange(DEFAULT)[4:7] == ["option:bike", "option:car", "option:bus"]
    assert window.navigator.current == "sources"


def test_move_buttons_stop_at_the_ends(manager: SlideManager) -> None:
    manager.select_key("title")
    assert not manager.up.isEnabled()
    manager.select_key("sources")
    assert not manager.down.isEnabled()
    assert manager.up.isEnabled()


def test_a_dragged_order_is_saved(qtbot, session: Session, manager: SlideManager) -> None:
    """What a drop does to the list: the model moves the row, the deck takes the new order."""
    model = manager.list.model()
    model.moveRows(model.index(0, 0).parent(), 10, 1, model.index(0, 0).parent(), 0)
    assert manager.keys()[0] == "sources"
    qtbot.waitUntil(lambda: session.deck.arrange(DEFAULT)[0] == "sources")


def test_notes_preview(session: Session, manager: SlideManager) -> None:
    manager.select_key("ranking")
    assert manager.note.text() == "No notes for this slide."
    session.set_deck(session.deck.with_note("ranking", "Bike leads on cost"))
    assert manager.note.text() == "Bike leads on cost"
    assert manager.list.currentItem().data(Qt.ItemDataRole.UserRole) == "ranking"


def test_opens_from_the_main_window_once(qtbot, session: Session) -> None:
    from PySide6.QtWidgets import QMainWindow

    main = QMainWindow()
    qtbot.addWidget(main)
    first = open_slide_manager(session, main)
    assert first.isVisible()
    assert open_slide_manager(session, main) is first
    assert first.keys() == DEFAULT  # the real renderer lists the same slides
