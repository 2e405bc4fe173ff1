"""The decision-set model: immutable once loaded, so views and engines can share it freely."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

import numpy as np


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class Stance(StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"


@dataclass(frozen=True, slots=True)
class Scale:
    min: float = 0.0
    max: float = 10.0
    min_label: str = ""
    max_label: str = ""


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    name: str
    definition: str
    direction: Direction
    scale: Scale = Scale()
    group: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    file: str
    origin: str
    position: str
    publisher: str = ""  # the outlet
    period: str = ""
    path: Path | None = None  # resolved text file, None when it could not be found
    author: str = ""
    published: str = ""  # "2020", "2020-01" or "2020-01-08" (checked when loaded)
    url: str = ""
    accessed: str = ""  # same forms as published


@dataclass(frozen=True, slots=True)
class Phase:
    name: str
    timeline: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    name: str
    summary: str
    actions: tuple[str, ...] = ()
    phases: tuple[Phase, ...] = ()
    advocates: tuple[str, ...] = ()
    opponents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    source: str
    quote: str
    stance: Stance
    implied_score: float | None = None
    # False when the quote was not found in its source's text, or the text could not be read
    # (allowed, with a load warning, outside the bundled set): every view showing the quote
    # must then say it is unverified rather than present it as a checked quotation
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Assessment:
    """One option × criterion cell. Unassessed cells carry no score (see DecisionSet.matrix)."""

    option: str
    criterion: str
    score: float | None
    low: float | None
    high: float | None
    rationale: str = ""
    evidence: tuple[Evidence, ...] = ()

    @property
    def unassessed(self) -> bool:
        return self.score is None


@dataclass(frozen=True)
class DecisionSet:
    id: str
    title: str
    question: str
    criteria: tuple[Criterion, ...]
    sources: tuple[Source, ...]
    options: tuple[Option, ...]
    assessments: dict[tuple[str, str], Assessment] = field(repr=False)
    schema_version: int = 1
    version: str = ""
    description: str = ""
    location: Path | None = None

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def option(self, option_id: str) -> Option:
        return next(o for o in self.options if o.id == option_id)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def assessment(self, option_id: str, criterion_id: str) -> Assessment:
        return self.assessments[(option_id, criterion_id)]

    @property
    def option_ids(self) -> list[str]:
        return [o.id for o in self.options]

    @property
    def criterion_ids(self) -> list[str]:
        return [c.id for c in self.criteria]

    def matrix(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Scores, lows and highs as options × criteria arrays (fresh copies, free to modify).

        Unassessed cells take the scale midpoint with the whole scale as range: neutral in the
        ranking, maximally uncertain in any robustness view, and flagged separately in the UI.
        """
        score, low, high = self._matrix
        return score.copy(), low.copy(), high.copy()

    @cached_property
    def _matrix(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        # built once per set: the sampler, the tornado and the lens ask on every change
        shape = (len(self.options), len(self.criteria))
        score, low, high = np.empty(shape), np.empty(shape), np.empty(shape)
        for i, option in enumerate(self.options):
            for j, crit in enumerate(self.criteria):
                cell = self.assessments[(option.id, crit.id)]
                if cell.score is None:
                    mid = (crit.scale.min + crit.scale.max) / 2
                    score[i, j], low[i, j], high[i, j] = mid, crit.scale.min, crit.scale.max
                else:
                    score[i, j] = cell.score
                    low[i, j] = cell.low if cell.low is not None else cell.score
                    high[i, j] = cell.high if cell.high is not None else cell.score
        return score, low, high
