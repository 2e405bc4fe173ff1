"""LiveCaption: new words are a repaint, never a new size (so no relayout per slider tick)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from explorer.ui.widgets.live_caption import LiveCaption


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_text_changes_repaint_without_asking_for_a_layout(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    caption = LiveCaption(lines=2)
    QVBoxLayout(host).addWidget(caption)
    host.resize(300, 200)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(20)  # the first show's own layout settles
    height = caption.height()
    requests = _LayoutRequests()
    host.installEventFilter(requests)
    for n in range(20):
        caption.setText(f"Refocus stays first while this weight is between 0 % and {n} %")
        qtbot.wait(1)
    assert requests.count == 0  # a word-wrapped QLabel here asks for one per setText
    assert caption.height() == height
    long_text = "word " * 200
    caption.setText(long_text)
    assert caption.text() == long_text and caption.toolTip() == long_text
    image = caption.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(image.height())}
    assert len(colours) > 2  # the words are drawn
