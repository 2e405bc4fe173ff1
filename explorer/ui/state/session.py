"""The one shared state object every view is built over, composed of parts with their own state.

UI → model goes through the methods here; model → UI goes through these Qt signals only. Views
read the public properties (decision_set, result, shares, …) and never compute scores. The parts
— the weighting with its undo history, the selection, the profile binding, sampling, the theme
and the views' own choices — each keep their state; the session owns the set and the engine's
result, relays each part's signals as its own, and is the API the views call.

Signals say what changed, so a view listens only for what it shows: `sharesChanged`,
`locksChanged`, `methodChanged` and `scoresChanged` (credibilities or lens) each for one part of
the weighting, with `weightsChanged` after any of them; `resultChanged` once the engine has run.
A burst of weight changes (a slider drag) is coalesced: the engine runs once per event-loop
turn, on the latest weights, so work never queues up behind the mouse.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from explorer import paths
from explorer.core import weights as weight_rules
from explorer.core.audit import Audit, audit
from explorer.core.briefing.deck import DeckSettings
from explorer.core.elicitation.ordinal import OrdinalConstraints
from explorer.core.elicitation.record import Elicitation
from explorer.core.engine import Method, Result, ScoreMatrix, evaluate
from explorer.core.loader import LoadResult, load_decision_set
from explorer.core.model import DecisionSet
from explorer.core.problems import Problem
from explorer.core.profiles import AppliedProfile, Profile
from explorer.core.promethee import Preference
from explorer.core.robustness import Acceptability, Analysis, Lens, SamplingSettings
from explorer.core.set_cache import SetCache
from explorer.ui.state.profile_binding import ProfileBinding
from explorer.ui.state.sampling_service import SamplingInput, SamplingService
from explorer.ui.state.selection import Selection
from explorer.ui.state.theme_state import ThemeState
from explorer.ui.state.view_state import ViewState
from explorer.ui.state.weight_history import WeightState
from explorer.ui.state.weighting_state import WeightingState
from explorer.ui.theme import Theme


class Session(QObject):
    setChanged = Signal()  # a new decision set: views rebuild their items
    sharesChanged = Signal()  # the criteria's shares
    locksChanged = Signal()  # which shares are locked
    methodChanged = Signal()  # the scoring method
    scoresChanged = Signal()  # the score matrix in use: source credibilities or the lens
    weightsChanged = Signal()  # after any change to shares, locks, method or scores: controls sync
    resultChanged = Signal()  # a new engine result: charts update in place
    selectionChanged = Signal()  # selected option and/or criterion
    profileChanged = Signal()  # the active profile, or whether the weighting differs from it
    acceptabilityChanged = Signal()  # a new rank-acceptability snapshot (or none)
    samplingChanged = Signal()  # the sampling settings
    deckChanged = Signal()  # the briefing's slide order, hidden slides or notes
    themeChanged = Signal()  # a new theme: views restyle (read it from `theme`)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._set: DecisionSet | None = None
        self._analysis: Analysis | None = None
        self._audit: Audit | None = None
        self._result: Result | None = None
        self._previous_ranks: np.ndarray | None = None
        self._warnings: list[Problem] = []
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._recompute)

        self.weighting = WeightingState(self)
        w = self.weighting
        for part, mine in (
            (w.sharesChanged, self.sharesChanged),
            (w.locksChanged, self.locksChanged),
            (w.methodChanged, self.methodChanged),
            (w.scoresChanged, self.scoresChanged),
            (w.changed, self.weightsChanged),
        ):
            part.connect(mine)
        for changes_result in (w.sharesChanged, w.methodChanged, w.scoresChanged):
            changes_result.connect(self._schedule)
        self.undo_stack: QUndoStack = w.undo_stack  # Edit ▸ Undo/Redo act on the weighting
        self.views = ViewState(self)  # what the views show (axes…), read by slides and export
        # made after the relays above, so a change is announced before it is judged unsaved
        self.profile_binding = ProfileBinding(w, self.views, self)
        self.profile_binding.profileChanged.connect(self.profileChanged)
        self.profile_binding.deckChanged.connect(self.deckChanged)
        self.selection = Selection(self)
        self.selection.changed.connect(self.selectionChanged)
        self.sampler = SamplingService(self._sampling_input, lambda: w.in_gesture, self)
        self.sampler.changed.connect(self.acceptabilityChanged)
        self.sampler.settingsChanged.connect(self.samplingChanged)
        self.appearance = ThemeState(self)
        self.appearance.changed.connect(self.themeChanged)

    # ---- loading -------------------------------------------------------------------------
    def load(self, path: Path) -> LoadResult:
        """Load a set; on LoadError the current set stays exactly as it was."""
        path = Path(path)
        result = load_decision_set(
            path,
            strict=paths.is_bundled(path),
            search_dirs=[paths.sources_dir()],
            cache=SetCache(paths.user_cache_dir() / "sets"),  # large sets reopen in a blink
        )
        self._warnings = result.warnings
        self.set_decision_set(result.decision_set)
        return result

    def set_decision_set(self, decision_set: DecisionSet) -> None:
        self._set = decision_set
        self.weighting.reset(decision_set)
        self.selection.reset()
        self._previous_ranks = None
        self._evaluate()
        self.profile_binding.reset(decision_set)  # first: the reset views are then judged by
        self.views.reset()  # the new set, with no profile (another set's choices mean nothing)
        self.setChanged.emit()
        self.profileChanged.emit()
        self._announce_weighting()
        self.resultChanged.emit()
        self.selectionChanged.emit()
        self.samplingChanged.emit()
        self.deckChanged.emit()

    def replace_decision_set(
        self,
        decision_set: DecisionSet,
        weights: WeightState | None = None,
        warnings: list[Problem] | None = None,
    ) -> None:
        """The open set as edited in the window: views rebuild, and the weighting, its undo
        history, the deck and the selection stay. Without `weights` each criterion and source
        keeps its share and credibility by id; a new criterion joins at the average share."""
        old = self._set
        state = self.weighting.state()
        if warnings is not None:
            self._warnings = list(warnings)
        if weights is None and old is not None:
            weights = _mapped(state, old, decision_set)
        self._set = decision_set
        self.weighting.carry(decision_set, weights)
        self.selection.keep_within(decision_set.option_ids, decision_set.criterion_ids)
        self._previous_ranks = None
        self._evaluate()
        self.setChanged.emit()
        self._announce_weighting()
        self.resultChanged.emit()
        self.selectionChanged.emit()
        self.profile_binding.recheck(decision_set)

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
    def warnings(self) -> list[Problem]:
        return list(self._warnings)

    @property
    def audit_credibility(self) -> dict[str, float]:
        """Source trust as the evidence check and the briefing take it: the Sources panel's
        credibilities while its lens is on; every source fully trusted while it is off."""
        return self.source_weights if self.lens_active else {}

    @property
    def audit(self) -> Audit | None:
        """The evidence check (explorer.core.audit) for the weighting on screen: worked out
        when first asked after each result, so a slider drag pays nothing for it."""
        if self._audit is None and self._set is not None and self._result is not None:
            shares, method = self.weighting.shares, self.weighting.method
            self._audit = audit(self._set, shares, method, self.audit_credibility)
        return self._audit

    @property
    def analysis(self) -> Analysis | None:
        """Robustness of the current result (made with it, from the same inputs); each answer
        is computed on first use."""
        return self._analysis

    # ---- the weighting (its part: `weighting`) --------------------------------------------
    @property
    def shares(self) -> np.ndarray:
        return self.weighting.shares

    @property
    def locked(self) -> np.ndarray:
        return self.weighting.locked

    @property
    def method(self) -> Method:
        return self.weighting.method

    @property
    def problem(self) -> ScoreMatrix | None:
        """The score matrix in use: the lens's rescored cells when it is on, else editorial."""
        return self.weighting.problem

    @property
    def scores(self) -> np.ndarray:
        problem = self.weighting.problem
        return np.zeros((0, 0)) if problem is None else problem.scores.copy()

    @property
    def source_weights(self) -> dict[str, float]:
        """Credibility 0..1 of every source of the set (0 = switched off)."""
        return self.weighting.source_weights

    @property
    def lens_active(self) -> bool:
        return self.weighting.lens_active

    @property
    def lens(self) -> Lens | None:
        """Cells rescored from the evidence, with disagreement, for the current credibilities
        (computed even while the lens is off, so disagreement can always be shown)."""
        return self.weighting.lens

    def set_share(self, criterion_id: str, share: float) -> None:
        """Set one criterion's share (0..1); unlocked others rescale to keep the total at 1."""
        self.weighting.set_share(criterion_id, share)

    def set_weights(self, weights: np.ndarray, as_reference: bool = False) -> None:
        """Replace all weights (any non-negative numbers; normalised here)."""
        self.weighting.set_weights(weights, as_reference)

    def equal_weights(self) -> None:
        self.weighting.equal_weights()

    def reset_weights(self) -> None:
        """Back to the weights the set or profile was opened with."""
        self.weighting.reset_weights()

    def set_locked(self, criterion_id: str, locked: bool) -> None:
        self.weighting.set_locked(criterion_id, locked)

    def set_method(self, method: Method | str) -> None:
        self.weighting.set_method(method)

    # ---- elicitation and PROMETHEE thresholds: the weighting's, see WeightingState --------
    @property
    def elicitation(self) -> Elicitation | None:
        return self.weighting.elicitation

    def apply_elicitation(self, record: Elicitation, text: str) -> None:
        self.weighting.apply_elicitation(record, text)

    def elicited_order(self) -> OrdinalConstraints | None:
        return self.weighting.elicited_order()

    @property
    def preferences(self) -> tuple[Preference, ...]:
        return self.weighting.preferences

    def set_preferences(self, preferences: tuple[Preference, ...] | None) -> None:
        self.weighting.set_preferences(preferences)

    def set_source_weight(self, source_id: str, value: float) -> None:
        """Trust one source 0..1 (0 = off); rescoring from the evidence is switched on."""
        self.weighting.set_source_weight(source_id, value)

    def set_lens_active(self, on: bool) -> None:
        self.weighting.set_lens_active(on)

    def reset_sources(self) -> None:
        self.weighting.reset_sources()

    def snapshot(self) -> WeightState:
        """The weighting as it stands, to come back to with restore_snapshot (a briefing)."""
        return self.weighting.state()

    def restore_snapshot(
        self, state: WeightState, text: str = "Back to the briefed weighting"
    ) -> None:
        """Return to a whole weighting state in one undoable step."""
        self.weighting.restore(state, text)

    def begin_gesture(self) -> None:
        """Changes until end_gesture() undo as one step (a slider drag)."""
        self.weighting.begin_gesture()

    def end_gesture(self) -> None:
        self.weighting.end_gesture()

    @property
    def in_gesture(self) -> bool:
        """A slider is being dragged: background work (autosave) should wait."""
        return self.weighting.in_gesture

    # ---- the selection (its part: `selection`) --------------------------------------------
    @property
    def selected_option(self) -> str | None:
        return self.selection.option

    @property
    def selected_criterion(self) -> str | None:
        return self.selection.criterion

    def select(self, option: str | None = None, criterion: str | None = None) -> None:
        self.selection.select(option, criterion)

    # ---- the profile binding (its part: `profile_binding`) ------------------------------
    @property
    def active_profile(self) -> Profile | None:
        return self.profile_binding.active_profile

    @property
    def dirty(self) -> bool:
        """The weighting differs from the profile as opened or saved (or from the set's default)."""
        return self.profile_binding.dirty

    @property
    def deck(self) -> DeckSettings:
        return self.profile_binding.deck

    def set_deck(self, deck: DeckSettings) -> None:
        """Slide order, hidden slides and notes: saved with the profile, not undone with weights.
        (The deck's view choices are set on `views`; a deck's own are ignored here.)"""
        self.profile_binding.set_deck(deck)

    def open_profile(
        self, profile: Profile, mapping: dict[str, str | None] | None = None
    ) -> AppliedProfile:
        """Put a profile's weights, locks and method, its deck and the views' choices it saved
        (tradeoff axes, matrix colouring, sensitivity criterion) on screen; Reset returns to
        the weights.

        Raises LoadError for a profile of another set (unless mapped). Criteria the profile
        lacks get weight 0 and are listed in the result's `missing` for the caller to show.
        """
        return self.profile_binding.open_profile(profile, mapping)

    def apply_unsaved(self, profile: Profile, text: str) -> AppliedProfile:
        """Put a profile's whole weighting on screen as one undoable, unsaved change to what is
        open (an autosave restored after a crash): weights, locks, method, credibilities,
        lens, deck and view choices alike."""
        return self.profile_binding.apply_unsaved(profile, text)

    def current_profile(self, name: str | None = None) -> Profile:
        """The weighting on screen as a profile (metadata from the active one), ready to save."""
        return self.profile_binding.current_profile(name)

    def mark_saved(self, profile: Profile) -> None:
        """`profile` now holds exactly what is on screen (after a save, save-as or open)."""
        self.profile_binding.mark_saved(profile)

    # ---- sampling (its part: `sampler`) ---------------------------------------------------
    @property
    def acceptability(self) -> Acceptability | None:
        """The newest rank-acceptability snapshot for the current result (partial while
        sampling runs), or None before the first chunk arrives."""
        return self.sampler.acceptability

    @property
    def sampling(self) -> SamplingSettings:
        return self.sampler.settings

    @property
    def sampling_running(self) -> bool:
        return self.sampler.running

    @property
    def sampling_error(self) -> str:
        return self.sampler.error

    @property
    def acceptability_current(self) -> bool:
        """The snapshot is for the set, scores, method, settings (and, sampling around them,
        weights) on screen now; otherwise it is the last run's, kept to show until a new one."""
        return self.sampler.current

    def set_sampling(self, settings: SamplingSettings) -> None:
        self.sampler.set_settings(settings)

    def want_sampling(self, owner: object, wanted: bool) -> None:
        """Sampling runs only while some view that shows it is on screen."""
        self.sampler.want(owner, wanted)

    # ---- the theme (its part: `appearance`) -----------------------------------------------
    @property
    def theme(self) -> Theme:
        """The colours and type every view draws in; `themeChanged` says when they change."""
        return self.appearance.theme

    def set_theme(self, theme: Theme) -> None:
        self.appearance.set_theme(theme)

    # ---- the engine ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-announce everything so views rebuild (a theme switch is `set_theme`, not this)."""
        if self._set is not None:
            self.setChanged.emit()
            self._announce_weighting()
            self.resultChanged.emit()
            self.selectionChanged.emit()

    def flush(self) -> None:
        """Run a pending recompute now (tests, benchmarks, and before export)."""
        if self._pending.isActive():
            self._pending.stop()
            self._recompute()

    def _announce_weighting(self) -> None:
        """All of the weighting is new (a set opened): every one of its signals, in order."""
        for signal in (
            self.sharesChanged,
            self.locksChanged,
            self.methodChanged,
            self.scoresChanged,
            self.weightsChanged,
        ):
            signal.emit()

    def _sampling_input(self) -> SamplingInput | None:
        problem = self.weighting.problem
        if self._set is None or problem is None:
            return None
        _, lows, highs = self._set.matrix()
        return SamplingInput(problem, self.weighting.shares, lows, highs, self.weighting.method)

    def _schedule(self) -> None:
        if not self._pending.isActive():
            self._pending.start()

    def _evaluate(self) -> None:
        problem = self.weighting.problem
        assert problem is not None and self._set is not None
        shares, method = self.weighting.shares, self.weighting.method
        self._result = evaluate(problem, shares, method)
        self._analysis = Analysis(self._set, problem, shares, method)
        self._audit = None
        self.sampler.restart()

    def _recompute(self) -> None:
        if self.weighting.problem is None:
            return
        self._previous_ranks = None if self._result is None else self._result.ranks
        self._evaluate()
        self.resultChanged.emit()


def _mapped(state: WeightState, old: DecisionSet, new: DecisionSet) -> WeightState:
    """A weighting carried to an edited set by criterion and source id."""
    by_id = dict(zip(old.criterion_ids, state.shares, strict=True))
    locks = dict(zip(old.criterion_ids, state.locked, strict=True))
    fill = float(np.mean(state.shares)) if len(state.shares) else 1.0
    shares = np.array([by_id.get(c, fill) for c in new.criterion_ids], dtype=float)
    locked = np.array([bool(locks.get(c, False)) for c in new.criterion_ids], dtype=bool)
    credibility = dict(zip((s.id for s in old.sources), state.credibility, strict=False))
    cred = np.array([credibility.get(s.id, 1.0) for s in new.sources], dtype=float)
    total = shares.sum()
    shares = shares / total if total > 0 else weight_rules.equal(len(shares))
    return WeightState(shares, locked, state.method, cred, state.lens)
