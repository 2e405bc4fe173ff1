"""The views' choices a profile's briefing carries: which two axes the tradeoff map plots, what
colours the score matrix, which criterion's weight the sensitivity chart runs along.

A colleague who opens a shared profile and presents it should see the author's tradeoff map,
not whatever pair their own window last showed; so the choices travel in the profile's
`briefing` field with the slide order and notes. Each part may be unset (None): a profile
written before this field existed, or one that never chose, means "the reader's default" — the
map's default axes for the weights, desirability colouring, the most weighted criterion —
which `resolved` spells out, so the window, the command line's `brief` and the unsaved-changes
check all take the same default. An axis key or criterion id the set does not have is not an
error (the profile may be for a newer version of the set): it resolves to the default too.

Kept free of Qt: the window's ViewState holds the live choices; this is their saved form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from explorer.core import tradeoff
from explorer.core.model import DecisionSet


class ColourMode(StrEnum):
    """What the score matrix's cells are coloured by."""

    DESIRABILITY = "desirability"
    DISAGREEMENT = "disagreement"

    @property
    def label(self) -> str:
        return {"desirability": "Desirability", "disagreement": "Source disagreement"}[self.value]


@dataclass(frozen=True)
class ViewChoices:
    tradeoff_axes: tuple[str, str] | None = None  # axis keys (tradeoff.Axis.key), x then y
    matrix_colour: ColourMode | None = None
    sensitivity_criterion: str | None = None  # a criterion id

    @property
    def empty(self) -> bool:
        return self == ViewChoices()

    def resolved(self, decision_set: DecisionSet, shares: np.ndarray) -> ViewChoices:
        """Every part as the views would show it on this set under these weights: unset or
        unknown parts become the defaults, exactly as the map and the charts pick them."""
        choices = tradeoff.axes(decision_set)
        keys = {a.key for a in choices}
        axes = self.tradeoff_axes
        if (axes is None or not set(axes) <= keys) and any(not a.is_group for a in choices):
            x, y = tradeoff.default_axes(choices, shares)
            axes = (x.key, y.key)
        ids = decision_set.criterion_ids
        criterion = self.sensitivity_criterion
        if criterion not in ids and ids:
            criterion = ids[int(np.argmax(np.asarray(shares, dtype=float)))]
        return ViewChoices(axes, self.matrix_colour or ColourMode.DESIRABILITY, criterion)

    def mapped(self, mapping: Mapping[str, str | None]) -> ViewChoices:
        """The choices of a profile made for another set, in this set's criterion ids.

        `mapping` is the one the weights were matched with (profile id -> set id, None:
        no place in this set; ids it leaves out are kept). Without this the author's sweep of
        "cost" would land on whatever this set happens to call "cost", or on the default when
        it was renamed. A criterion the mapping drops leaves its part unset (the default);
        group axes are kept, since groups are matched by name.
        """

        def criterion(cid: str | None) -> str | None:
            return mapping.get(cid, cid) if cid is not None else None

        axes = self.tradeoff_axes
        if axes is not None:
            keys = [_mapped_axis(key, criterion) for key in axes]
            axes = (keys[0], keys[1]) if keys[0] is not None and keys[1] is not None else None
        return ViewChoices(axes, self.matrix_colour, criterion(self.sensitivity_criterion))

    def to_data(self) -> dict[str, Any]:
        """Plain data for `briefing.views`; unset parts are left out."""
        data: dict[str, Any] = {}
        if self.tradeoff_axes is not None:
            data["tradeoff_axes"] = list(self.tradeoff_axes)
        if self.matrix_colour is not None:
            data["matrix_colour"] = self.matrix_colour.value
        if self.sensitivity_criterion is not None:
            data["sensitivity_criterion"] = self.sensitivity_criterion
        return data


def _mapped_axis(key: str, criterion: Callable[[str], str | None]) -> str | None:
    if not key.startswith(tradeoff.CRITERION_PREFIX):
        return key
    target = criterion(key.removeprefix(tradeoff.CRITERION_PREFIX))
    return None if target is None else tradeoff.CRITERION_PREFIX + target


def choices_to_save(
    file: ViewChoices | None,
    screen: ViewChoices,
    decision_set: DecisionSet,
    shares: np.ndarray,
) -> ViewChoices:
    """What a save writes: each part as the file had it while that still reads back as what
    the screen shows, else as the screen shows it (`file` None: there is no file yet).

    So an old profile opened and saved untouched gains no field, a key this set lacks is kept
    for the set that has it, and a profile counts as changed exactly when this differs from
    its file — the one rule the unsaved-changes mark, Save, autosave and share codes follow.
    """
    shown = screen.resolved(decision_set, shares)
    if file is None:
        return shown
    read = file.resolved(decision_set, shares)
    return ViewChoices(
        file.tradeoff_axes if read.tradeoff_axes == shown.tradeoff_axes else shown.tradeoff_axes,
        file.matrix_colour if read.matrix_colour == shown.matrix_colour else shown.matrix_colour,
        file.sensitivity_criterion
        if read.sensitivity_criterion == shown.sensitivity_criterion
        else shown.sensitivity_criterion,
    )
