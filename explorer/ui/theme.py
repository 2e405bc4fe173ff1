"""Colours and type for every view: one colour-blind-safe palette; light, dark and projector.

Criterion colours come from Okabe & Ito's palette (safe for the common colour-vision
deficiencies) extended with Paul Tol's muted colours; a criterion keeps its colour everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

CRITERION_COLOURS = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#882255",  # wine (Tol)
    "#44AA99",  # teal (Tol)
    "#999933",  # olive (Tol)
    "#332288",  # indigo (Tol)
    "#AA4499",  # purple (Tol)
)

OPTION_COLOURS = (
    "#4477AA",  # blue
    "#EE6677",  # red
    "#228833",  # green
    "#AA9A2B",  # yellow, darkened (Tol's #CCBB44 vanishes on white)
    "#3AA4C8",  # cyan, darkened (Tol's #66CCEE)
    "#AA3377",  # purple
    "#7A7A7A",  # grey
)


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    muted: str
    grid: str
    highlight: str
    supports: str  # evidence that backs the score
    contradicts: str  # evidence that argues against it
    heat_low: str  # desirability 0 in the score matrix
    heat_mid: str
    heat_high: str  # desirability 1
    font_pt: int = 10


LIGHT = Theme(
    "light",
    background="#FFFFFF",
    foreground="#1A1A1A",
    muted="#6B6B6B",
    grid="#D9D9D9",
    highlight="#0072B2",
    supports="#006D4E",
    contradicts="#B33C00",
    heat_low="#E7A07A",
    heat_mid="#F4F4F4",
    heat_high="#7FB8DA",
)
DARK = Theme(
    "dark",
    background="#1E1F22",
    foreground="#E8E8E8",
    muted="#A0A0A0",
    grid="#3A3C40",
    highlight="#56B4E9",
    supports="#4CC9A0",
    contradicts="#F08A4B",
    heat_low="#8A4A2A",
    heat_mid="#2E3034",
    heat_high="#2F6C92",
)

# For a projector in a lit room: pure black on white (light greys and pastels wash out), muted
# text dark enough to read from the back, stronger heat colours, and larger base type.
PROJECTOR = Theme(
    "projector",
    background="#FFFFFF",
    foreground="#000000",
    muted="#3A3A3A",
    grid="#8C8C8C",
    highlight="#005A9E",
    supports="#005C3E",
    contradicts="#9E2A00",
    heat_low="#D9713C",
    heat_mid="#F2F2F2",
    heat_high="#3D8FC4",
    font_pt=16,
)
THEMES = {t.name: t for t in (LIGHT, DARK, PROJECTOR)}


def is_dark(theme: Theme) -> bool:
    return QColor(theme.background).lightnessF() < 0.5


def criterion_colour(index: int) -> QColor:
    return QColor(CRITERION_COLOURS[index % len(CRITERION_COLOURS)])


def option_colour(index: int) -> QColor:
    """An option's one colour in every chart, slide and file.

    A set of its own (Paul Tol's colour-blind-safe "bright" scheme, darkened where it washes
    out on a projector): with the criteria's colours an option's line looked like the
    criterion of the same colour in the table beside it. Charts still pair colour with a name
    or a marker, so colour is never the only key.
    """
    return QColor(OPTION_COLOURS[index % len(OPTION_COLOURS)])


def heat_colour(theme: Theme, value: float) -> QColor:
    """Diverging colour for a desirability in 0..1 (mid-grey at 0.5)."""
    value = min(max(value, 0.0), 1.0)
    a, b = (theme.heat_low, theme.heat_mid) if value < 0.5 else (theme.heat_mid, theme.heat_high)
    t = value * 2 if value < 0.5 else (value - 0.5) * 2
    ca, cb = QColor(a), QColor(b)
    return QColor(
        round(ca.red() + (cb.red() - ca.red()) * t),
        round(ca.green() + (cb.green() - ca.green()) * t),
        round(ca.blue() + (cb.blue() - ca.blue()) * t),
    )


def readable_text(background: QColor) -> QColor:
    """Near-black or white text, whichever reads better on `background` (WCAG relative
    luminance): cell labels on heat colours, selected rows on the highlight."""

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(background.red())
        + 0.7152 * channel(background.green())
        + 0.0722 * channel(background.blue())
    )
    return QColor("#111111") if lum > 0.22 else QColor("#FFFFFF")


def system_prefers_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    # styleHints() is static on QGuiApplication (instance() is typed as the core application)
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def chosen(key: str) -> Theme:
    """The theme for a setting: "system" follows the desktop's light/dark preference."""
    if key == "system":
        return DARK if system_prefers_dark() else LIGHT
    return THEMES.get(key, LIGHT)


def apply(app: QApplication, theme: Theme) -> None:
    """Fusion style with the theme's palette, so widgets and charts agree on light/dark.

    Only the session's theme part calls this: views read the theme from the session."""
    app.setStyle("Fusion")
    palette = QPalette()
    bg, fg = QColor(theme.background), QColor(theme.foreground)
    base = QColor("#26282C") if is_dark(theme) else bg
    window = QColor("#232427") if is_dark(theme) else QColor("#F3F3F3")
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, fg)
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.AlternateBase, window)
    palette.setColor(QPalette.ColorRole.Text, fg)
    palette.setColor(QPalette.ColorRole.Button, window)
    palette.setColor(QPalette.ColorRole.ButtonText, fg)
    palette.setColor(QPalette.ColorRole.ToolTipBase, base)
    palette.setColor(QPalette.ColorRole.ToolTipText, fg)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(theme.highlight))
    # white on the dark theme's light-blue highlight is hard to read: pick what contrasts
    palette.setColor(QPalette.ColorRole.HighlightedText, readable_text(QColor(theme.highlight)))
    palette.setColor(QPalette.ColorRole.Link, QColor(theme.highlight))
    disabled = QPalette.ColorGroup.Disabled  # greyed controls must look unavailable
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor(theme.muted))
    app.setPalette(palette)
