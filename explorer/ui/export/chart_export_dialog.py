"""File ▸ Export chart…: which chart, at what size, in which theme, as PNG or SVG.

Charts are exported through the briefing's painters (the same drawing as the slides), so an
exported chart is vector in SVG and sharp at any PNG size, rather than a screen grab of a view.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from explorer.ui import theme as themes
from explorer.ui.briefing.paint.chart_export import TITLES
from explorer.ui.state.session import Session

SIZES = (
    ("Full HD slide (1920 × 1080)", 1920, 1080),
    ("4K slide (3840 × 2160)", 3840, 2160),
    ("Document figure (1600 × 1000)", 1600, 1000),
    ("Small (1024 × 768)", 1024, 768),
)


class ChartExportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Export chart")
        self.setAccessibleName("Export chart")
        form = QFormLayout(self)
        self.chart = QComboBox()
        self.chart.setAccessibleName("Chart")
        for key, title in TITLES.items():
            self.chart.addItem(title, key)
        form.addRow("&Chart:", self.chart)
        self.preset = QComboBox()
        self.preset.setAccessibleName("Size preset")
        for label, _w, _h in SIZES:
            self.preset.addItem(label)
        self.preset.addItem("Custom")
        form.addRow("&Size:", self.preset)
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, name in ((self.width_box, "Width"), (self.height_box, "Height")):
            box.setRange(320, 8000)
            box.setSuffix(" px")
            box.setAccessibleName(f"{name} in pixels")
        row = QHBoxLayout()
        row.addWidget(self.width_box)
        row.addWidget(QLabel("×"))
        row.addWidget(self.height_box)
        form.addRow("Pixels:", row)
        self.theme_box = QComboBox()
        self.theme_box.setAccessibleName("Theme")
        for name in themes.THEMES:
            self.theme_box.addItem(name.capitalize(), name)
        self.theme_box.setCurrentIndex(list(themes.THEMES).index(session.theme.name))
        form.addRow("&Theme:", self.theme_box)
        form.addRow(QLabel("SVG keeps the chart as vectors; the size sets its proportions."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        for box in (self.width_box, self.height_box):
            box.valueChanged.connect(self._size_edited)
        self._preset_changed(0)

    def _preset_changed(self, index: int) -> None:
        if index < len(SIZES):
            _, w, h = SIZES[index]
            for box, value in ((self.width_box, w), (self.height_box, h)):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)

    def _size_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(SIZES))  # "Custom"
        self.preset.blockSignals(False)

    @property
    def chart_key(self) -> str:
        return str(self.chart.currentData())

    @property
    def image_size(self) -> tuple[int, int]:
        """The file's pixels, (width, height): not the dialog's own size()."""
        return self.width_box.value(), self.height_box.value()

    @property
    def chosen_theme(self) -> themes.Theme:
        return themes.THEMES[str(self.theme_box.currentData())]
