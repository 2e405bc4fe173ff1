"""Screenshots of presentation mode on the bundled set, at a projector's 1080p and an old 4:3
projector's 1024x768: the title, an option and the ranking slide, the what-if overlay, the
presenter view and the slide manager. Written to tests/output/ to be looked at."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from explorer.ui.briefing.present.presentation import PresentationWindow
from explorer.ui.state.session import Session
from explorer.ui.theme import criterion_colour

SIZES = [(1920, 1080), (1024, 768)]
CRITERIA = [criterion_colour(j) for j in range(3)]  # the bundled set has more


@pytest.fixture
def window(qtbot, bundled_session: Session) -> PresentationWindow:
    assert bundled_session.decision_set is not None, "the bundled set must load"
    w = PresentationWindow(bundled_session)  # the real slides, in the projector theme
    qtbot.addWidget(w)
    return w


def show(qtbot, window: PresentationWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_slides(qtbot, window: PresentationWindow, screenshot, size) -> None:
    show(qtbot, window, size)
    first_option = next(k for k in window.navigator.keys if k.startswith("option:"))
    for name, key in (("title", "title"), ("option", first_option), ("ranking", "ranking")):
        window.navigator.go_to_key(key)
        assert window.navigator.current == key
        # the ranking slide's bars are the criteria's colours
        colours = CRITERIA if name == "ranking" else ()
        image = screenshot(window, f"presentation_{size[0]}x{size[1]}_{name}.png", colours)
        assert (image.width(), image.height()) == size


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_what_if_overlay(
    qtbot, window: PresentationWindow, bundled_session: Session, screenshot, size
) -> None:
    show(qtbot, window, size)
    window.navigator.go_to_key("ranking")
    qtbot.keyClick(window, Qt.Key.Key_W)
    first = bundled_session.decision_set.criterion_ids[0]
    window.overlay.slider(first).setValue(400)
    bundled_session.flush()
    assert window.navigator.what_if
    overlay = window.overlay.geometry()
    assert QRect(0, 0, *size).contains(overlay)  # nothing of it off screen
    for cid in bundled_session.decision_set.criterion_ids:  # every row fully inside
        slider = window.overlay.slider(cid)
        assert slider.width() >= 100
        assert window.overlay.rect().contains(slider.geometry())
    screenshot(window, f"presentation_{size[0]}x{size[1]}_whatif.png")
    qtbot.keyClick(window, Qt.Key.Key_1)
    qtbot.keyClick(window, Qt.Key.Key_0)
    screenshot(window, f"presentation_{size[0]}x{size[1]}_goto.png")


def test_presenter_view(qtbot, window: PresentationWindow, screenshot) -> None:
    show(qtbot, window, (1920, 1080))
    view = window.show_presenter()
    view.resize(1600, 900)
    qtbot.waitExposed(view)
    window.navigator.go_to_key("ranking")
    view.notes.setPlainText(
        "Open with the question, not the answer.\n"
        "Point at the gap between the first two options; ask which weight would close it."
    )
    for label in (view.counter, view.clock, view.status, view.next_title):
        assert label.width() > 0
    for button in (view.back, view.forward, view.black, view.weights, view.slides, view.leave):
        assert button.width() >= button.sizeHint().width()  # no clipped button text
    screenshot(view, "presenter_view.png")
    window.navigator.toggle_black()
    qtbot.keyClick(view, Qt.Key.Key_W)
    QApplication.processEvents()  # the layout makes room for the sliders on the next turn
    assert not view.next.isVisible()
    screenshot(view, "presenter_view_black_whatif.png")


def test_slide_manager(qtbot, window: PresentationWindow, screenshot) -> None:
    show(qtbot, window, (1024, 768))
    manager = window.show_slide_manager()
    qtbot.waitExposed(manager)
    manager.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    manager.select_key("ranking")
    screenshot(manager, "slide_manager.png")
