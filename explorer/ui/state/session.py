"""The one shared state object every view is built over.

UI → model goes through the methods here; model → UI goes through these Qt signals only. Views
read the public properties (decision_set, result, shares, …) and never compute scores. A burst of
weight changes (a slider drag) is coalesced: the engine runs once per event-loop turn, on the
latest weights, so work never queues up behind the mouse.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from explorer import paths
from explorer.core import weights as weight_rules
from explorer.core.briefing.deck import DeckSettings
from explorer.core.elicitation.ordinal import OrdinalConstraints, constraints_from
from explorer.core.elicitation.record import Elicitation
from explorer.core.engine import Method, Result, ScoreMatrix, evaluate
from explorer.core.loader import LoadResult, load_decision_set
from explorer.core.model import DecisionSet
from explorer.core.problems import Problem
from explorer.core.promethee import Preference
from explorer.core.robustness import Analysis, Lens
from explorer.core.robustness.lens_state import LensState
from explorer.ui.state.sampling_service import SamplingAccess, SamplingInput, SamplingService
from explorer.ui.state.saved_state import SavedState
from explorer.ui.state.session_profile import ProfileBinding
from explorer.ui.state.view_state import ViewState
from explorer.ui.state.weight_history import WeightChange, WeightState


class Keep:
    """`_change(preferences=KEEP)`: leave them; None is a value there (the defaults)."""


KEEP = Keep()


class Session(ProfileBinding, SamplingAccess, QObject):
    setChanged = Signal()  # a new decision set: views rebuild their items
    weightsChanged = Signal()  # shares, locks or method changed: controls sync
    resultChanged = Signal()  # a new engine result: charts update in place
    selectionChanged = Signal()  # selected option and/or criterion
    profileChanged = Signal()  # the active profile, or whether the weighting differs from it
    acceptabilityChanged = Signal()  # a new rank-acceptability snapshot (or none)
    deckChanged = Signal()  # the briefing's slide order, hidden slides or notes

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._set: DecisionSet | None = None
        self._scoring: LensState | None = None  # editorial or rescored-from-sources cells
        self._analysis: Analysis | None = None
        self._deck = DeckSettings()
        self._sampler = SamplingService(self._sampling_input, lambda: self.in_gesture, self)
        self._sampler.changed.connect(self.acceptabilityChanged)
        self._shares = np.zeros(0)
        self._reference = np.zeros(0)
        self._locked = np.zeros(0, dtype=bool)
        self._method = Method.WSM
        self._elicitation: Elicitation | None = None
        self._result: Result | None = None
        self._previous_ranks: np.ndarray | None = None
        self._selected_option: str | None = None
        self._selected_criterion: str | None = None
        self._warnings: list[Problem] = []
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._recompute)
        self.undo_stack = QUndoStack(self)  # Edit ▸ Undo/Redo act on the weighting
        self.views = ViewState(self)  # what the views show (axes…), read by slides and export
        self._saved = SavedState()  # the weighting and deck as last opened or saved
        self._dirty = False
        self._gesture: int | None = None
        self._gestures = 0

    # ---- loading -------------------------------------------------------------------------
    def load(self, path: Path) -> LoadResult:
        """Load a set; on LoadError the current set stays exactly as it was."""
        path = Path(path)
        result = load_decision_set(
            path, strict=paths.is_bundled(path), search_dirs=[paths.sources_dir()]
        )
        self._warnings = result.warnings
        self.set_decision_set(result.decision_set)
        return result

    def set_decision_set(self, decision_set: DecisionSet) -> None:
        self._set = decision_set
        self._scoring = LensState(decision_set)
        n = len(decision_set.criteria)
        self._shares = weight_rules.equal(n)
        self._reference = self._shares.copy()
        self._locked = np.zeros(n, dtype=bool)
        self._elicitation = None
        self._previous_ranks = None
        self._selected_option = self._selected_criterion = None
        self._evaluate()
        self.undo_stack.clear()  # steps of another set's weighting mean nothing here
        self._deck = DeckSettings()
        self.views.set_tradeoff_axes(None, None)  # another set's axes mean nothing here
        self._saved.mark(None, self._state(), self._deck)
        self._dirty = False
        self.setChanged.emit()
        self.profileChanged.emit()
        self.weightsChanged.emit()
        self.resultChanged.emit()
        self.selectionChanged.emit()
        self.deckChanged.emit()

    # ---- read-only state for views -------------------------------------------------------
    @property
    def decision_set(self) -> DecisionSet | None:
        return self._set

    @property
    def result(self) -> Result | None:
        return self._result

    @property
    def previous_ranks(self) -> np.ndarray | None:
        """Ranks before the latest change, so charts can mark who moved."""
        return self._previous_ranks

    @property
    def shares(self) -> np.ndarray:
        return self._shares.copy()

    @property
    def locked(self) -> np.ndarray:
        return self._locked.copy()

    @property
    def method(self) -> Method:
        return self._method

    @property
    def warnings(self) -> list[Problem]:
        return list(self._warnings)

    @property
    def selected_option(self) -> str | None:
        return self._selected_option

    @property
    def selected_criterion(self) -> str | None:
        return self._selected_criterion

    @property
    def problem(self) -> ScoreMatrix | None:
        """The score matrix in use: the lens's rescored cells when it is on, else editorial."""
        return None if self._scoring is None else self._scoring.problem

    @property
    def scores(self) -> np.ndarray:
        return np.zeros((0, 0)) if self._scoring is None else self._scoring.problem.scores.copy()

    @property
    def source_weights(self) -> dict[str, float]:
        """Credibility 0..1 of every source of the set (0 = switched off)."""
        return {} if self._scoring is None else self._scoring.weights

    @property
    def lens_active(self) -> bool:
        return self._scoring is not None and self._scoring.active

    @property
    def lens(self) -> Lens | None:
        """Cells rescored from the evidence, with disagreement, for the current credibilities
        (computed even while the lens is off, so disagreement can always be shown)."""
        return None if self._scoring is None else self._scoring.lens

    @property
    def analysis(self) -> Analysis | None:
        """Robustness of the current result (made with it, from the same inputs); each answer
        is computed on first use."""
        return self._analysis

    def criterion_index(self, criterion_id: str) -> int:
        assert self._set is not None
        return self._set.criterion_ids.index(criterion_id)

    # ---- commands ------------------------------------------------------------------------
    def set_share(self, criterion_id: str, share: float) -> None:
        """Set one criterion's share (0..1); unlocked others rescale to keep the total at 1."""
        if self._set is None:
            return
        i = self.criterion_index(criterion_id)
        new = weight_rules.set_share(self._shares, i, share, self._locked)
        self._change(f"Weight of {self._set.criteria[i].name}", shares=new)

    def set_weights(self, weights: np.ndarray, as_reference: bool = False) -> None:
        """Replace all weights (any non-negative numbers; normalised here)."""
        shares = weight_rules.as_shares(weights)
        if as_reference:
            self._reference = shares.copy()
        self._change("Set weights", shares=shares)

    def equal_weights(self) -> None:
        self._change("Equal weights", shares=weight_rules.equal(len(self._shares)))

    def reset_weights(self) -> None:
        """Back to the weights the set or profile was opened with."""
        self._change("Reset weights", shares=self._reference.copy())

    def set_locked(self, criterion_id: str, locked: bool) -> None:
        assert self._set is not None
        i = self.criterion_index(criterion_id)
        new = self._locked.copy()
        new[i] = locked
        verb = "Lock" if locked else "Unlock"
        self._change(f"{verb} {self._set.criteria[i].name}", locked=new)

    def set_method(self, method: Method | str) -> None:
        self._change("Scoring method", method=Method(method))

    @property
    def elicitation(self) -> Elicitation | None:
        """How the weights on screen were elicited, `adjusted` saying whether they were moved
        since (None when they were never elicited)."""
        if self._elicitation is None or self._set is None:
            return self._elicitation
        shares = zip(self._set.criterion_ids, self._shares.tolist(), strict=True)
        return self._elicitation.against(dict(shares))

    @property
    def preferences(self) -> tuple[Preference, ...]:
        """PROMETHEE's preference function per criterion, as the engine uses them."""
        assert self._scoring is not None
        return self._scoring.problem.preference_functions

    def set_preferences(self, preferences: tuple[Preference, ...] | None) -> None:
        """PROMETHEE thresholds (None: every scale's default), one undoable step."""
        if preferences is not None and self._scoring is not None:
            defaults = self._scoring.editorial.with_preferences(None).preference_functions
            if tuple(preferences) == defaults:
                preferences = None  # the defaults, stated: saved as "not edited"
        self._change("PROMETHEE thresholds", preferences=preferences)

    def elicited_order(self) -> OrdinalConstraints | None:
        """The order (and bounds) of the criteria as elicited, if the weights came from one:
        what rank acceptability samples in "the elicited order"."""
        record = self._elicitation
        if record is None or self._set is None or not record.order:
            return None
        try:
            return constraints_from(
                self._set.criterion_ids, record.order, record.at_least, record.at_most
            )
        except ValueError:  # an order made for another version of the set
            return None

    def apply_elicitation(self, record: Elicitation, text: str) -> None:
        """Elicited weights onto the sliders with their record: one undoable step. Locks are
        released, since the elicitation speaks for every weight."""
        assert self._set is not None
        weights = np.array([float(record.weights.get(c, 0.0)) for c in self._set.criterion_ids])
        self._change(
            text,
            shares=weight_rules.as_shares(weights),
            locked=np.zeros(len(weights), dtype=bool),
            elicitation=record,
        )

    def set_source_weight(self, source_id: str, value: float) -> None:
        """Trust one source 0..1 (0 = off); rescoring from the evidence is switched on."""
        if self._set is None or self._scoring is None:
            return
        i = self._scoring.source_ids.index(source_id)
        new = self._scoring.credibility.copy()
        new[i] = min(1.0, max(0.0, float(value)))
        title = self._set.sources[i].title
        self._change(f"Credibility of {title}", credibility=new, lens=True)

    def set_lens_active(self, on: bool) -> None:
        self._change("Rescore from sources" if on else "Editorial scores", lens=bool(on))

    def reset_sources(self) -> None:
        assert self._set is not None
        self._change("Reset sources", credibility=np.ones(len(self._set.sources)), lens=False)

    def snapshot(self) -> WeightState:
        """The weighting as it stands, to come back to with restore_snapshot (a briefing)."""
        return self._state()

    def restore_snapshot(
        self, state: WeightState, text: str = "Back to the briefed weighting"
    ) -> None:
        """Return to a whole weighting state in one undoable step."""
        self._change(
            text,
            shares=state.shares,
            locked=state.locked,
            method=state.method,
            credibility=state.credibility,
            lens=state.lens,
            elicitation=state.elicitation,
            preferences=state.preferences,
        )

    def begin_gesture(self) -> None:
        """Changes until end_gesture() undo as one step (a slider drag)."""
        self._gestures += 1
        self._gesture = self._gestures

    def end_gesture(self) -> None:
        self._gesture = None

    @property
    def in_gesture(self) -> bool:
        """A slider is being dragged: background work (autosave) should wait."""
        return self._gesture is not None

    def select(self, option: str | None = None, criterion: str | None = None) -> None:
        if (option, criterion) != (self._selected_option, self._selected_criterion):
            self._selected_option, self._selected_criterion = option, criterion
            self.selectionChanged.emit()

    def refresh(self) -> None:
        """Re-announce everything so views rebuild with new appearance (e.g. a theme change)."""
        if self._set is not None:
            self.setChanged.emit()
            self.weightsChanged.emit()
            self.resultChanged.emit()
            self.selectionChanged.emit()

    def flush(self) -> None:
        """Run a pending recompute now (tests, benchmarks, and before export)."""
        if self._pending.isActive():
            self._pending.stop()
            self._recompute()

    # ---- sampling: the public API is SamplingAccess ------------------------------------
    def _sampling_input(self) -> SamplingInput | None:
        if self._set is None or self._scoring is None:
            return None
        _, lows, highs = self._set.matrix()
        problem = self._scoring.problem
        return SamplingInput(problem, self._shares.copy(), lows, highs, self._method)

    # ---- internals -----------------------------------------------------------------------
    def _state(self) -> WeightState:
        return WeightState(
            self._shares.copy(),
            self._locked.copy(),
            self._method,
            np.zeros(0) if self._scoring is None else self._scoring.credibility.copy(),
            self.lens_active,
            self._elicitation,
            None if self._scoring is None else self._scoring.preferences,
        )

    def _change(
        self,
        text: str,
        shares: np.ndarray | None = None,
        locked: np.ndarray | None = None,
        method: Method | None = None,
        credibility: np.ndarray | None = None,
        lens: bool | None = None,
        elicitation: Elicitation | None = None,
        preferences: tuple[Preference, ...] | Keep | None = KEEP,
    ) -> None:
        """Every change to what the user sets goes through here, so every one can be undone."""
        before = self._state()
        after = WeightState(
            before.shares if shares is None else shares,
            before.locked if locked is None else locked,
            before.method if method is None else method,
            before.credibility if credibility is None else credibility,
            before.lens if lens is None else lens,
            before.elicitation if elicitation is None else elicitation,
            before.preferences if isinstance(preferences, Keep) else preferences,
        )
        if after.same_as(before):
            return
        # push() runs redo(), which applies `after`
        self.undo_stack.push(WeightChange(text, before, after, self._restore, self._gesture))

    def _restore(self, state: WeightState) -> None:
        before = self._state()
        self._shares, self._locked, self._method = (
            state.shares.copy(),
            state.locked.copy(),
            state.method,
        )
        self._elicitation = state.elicitation
        new_scores = not state.same_scores_as(before)
        if new_scores and self._scoring is not None:
            if state.preferences != self._scoring.preferences:
                self._scoring.set_preferences(state.preferences)
            self._scoring.set(state.credibility, state.lens)
        self.weightsChanged.emit()
        same_weights = np.array_equal(state.shares, before.shares) and state.method is before.method
        if new_scores or not same_weights:
            self._schedule()
        self._update_dirty()

    def _schedule(self) -> None:
        if not self._pending.isActive():
            self._pending.start()

    def _evaluate(self) -> None:
        assert self._scoring is not None
        problem = self._scoring.problem
        self._result = evaluate(problem, self._shares, self._method)
        assert self._set is not None
        self._analysis = Analysis(self._set, problem, self._shares, self._method)
        self._sampler.restart()

    def _recompute(self) -> None:
        if self._scoring is None:
            return
        self._previous_ranks = None if self._result is None else self._result.ranks
        self._evaluate()
        self.resultChanged.emit()
