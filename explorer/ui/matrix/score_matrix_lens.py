"""What the sources lens means for the score matrix: scores shown, ↻ marks, spread colours.

The matrix model keeps one snapshot of the lens-dependent arrays so that, when a source weight
moves, it can tell exactly which criterion columns look different and repaint only those —
the same strip-repaint the weight sliders rely on. The snapshot is re-read only when the lens's
inputs (the on/off switch and the source credibilities) change; a criterion-weight tick costs
one small tuple comparison.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from explorer.core.model import DecisionSet
from explorer.core.robustness.lens_summary import disagreement_level, rescored_cells
from explorer.ui import theme
from explorer.ui.state.session import Session
from explorer.ui.state.view_state import ColourMode

__all__ = ["RESCORED_MARK", "ColourMode", "MatrixLens", "disagreement_colour"]

RESCORED_MARK = "↻"


def disagreement_colour(t: theme.Theme, level: float) -> QColor:
    """Neutral at 0, the theme's warning colour at 1: agreement recedes, disputes stand out."""
    a, b = QColor(t.heat_mid), QColor(t.contradicts)
    level = min(max(level, 0.0), 1.0)
    return QColor(
        round(a.red() + (b.red() - a.red()) * level),
        round(a.green() + (b.green() - a.green()) * level),
        round(a.blue() + (b.blue() - a.blue()) * level),
    )


class MatrixLens:
    """The lens as the matrix last showed it, options × criteria in set order."""

    def __init__(self) -> None:
        self._set: DecisionSet | None = None
        self._key: tuple[object, ...] = ()
        self.editorial = self.shown = self.disagreement = self.level = np.zeros((0, 0))
        self.voices = np.zeros((0, 0), dtype=int)
        self.rescored = np.zeros((0, 0), dtype=bool)
        self.active = False

    def reset(self, decision_set: DecisionSet | None) -> None:
        """A new set: the editorial scores, nothing rescored, no spread, until the next read."""
        self._set, self._key = decision_set, ()
        shape = (0, 0) if decision_set is None else decision_set.matrix()[0].shape
        self.editorial = np.zeros(shape) if decision_set is None else decision_set.matrix()[0]
        self.shown = self.editorial.copy()
        self.disagreement = np.zeros(shape)
        self.level = np.zeros(shape)
        self.voices = np.zeros(shape, dtype=int)
        self.rescored = np.zeros(shape, dtype=bool)
        self.active = False

    def forget(self) -> None:
        """Re-read everything next time (e.g. the spreads have just come on show)."""
        self._key = ()

    def pull(self, session: Session, spreads_shown: bool) -> np.ndarray:
        """Re-read the session's lens; per criterion, whether its column now looks different.

        Spread changes count only while they are on show (`spreads_shown`): otherwise they
        reach nothing but tooltips, which are read on demand.
        """
        ds = self._set
        changed = np.zeros(self.editorial.shape[1], dtype=bool)
        if ds is None:
            return changed
        weights = session.source_weights
        key = (session.lens_active, tuple(weights.get(s.id, 1.0) for s in ds.sources))
        if key == self._key:
            return changed
        self._key = key
        lens, active = session.lens, session.lens_active
        assert lens is not None  # the session has this cache's set open, so it has a lens
        shown = np.array(session.scores, dtype=float)
        off = np.zeros_like(self.rescored)
        rescored = rescored_cells(self.editorial, shown) if active else off
        disagreement = np.array(lens.disagreement, dtype=float)
        changed |= np.any(shown != self.shown, axis=0)
        changed |= np.any(rescored != self.rescored, axis=0)
        if spreads_shown:
            changed |= np.any(disagreement != self.disagreement, axis=0)
        self.shown, self.rescored, self.active = shown, rescored, active
        self.disagreement = disagreement
        self.voices = np.array(lens.voices, dtype=int)
        self.level = disagreement_level(ds, disagreement)
        return changed
