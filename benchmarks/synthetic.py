"""Generated decision sets for scale benchmarks (no quotes: only the numbers matter here)."""

from __future__ import annotations

import numpy as np

from explorer.core.model import (
    Assessment,
    Criterion,
    DecisionSet,
    Direction,
    Evidence,
    Option,
    Source,
    Stance,
)


def synthetic_set(n_options: int, n_criteria: int, seed: int = 0) -> DecisionSet:
    rng = np.random.default_rng(seed)
    criteria = tuple(
        Criterion(
            f"c{j}",
            f"Criterion {j}",
            "generated",
            Direction.HIGHER_IS_BETTER if j % 3 else Direction.LOWER_IS_BETTER,
            group=f"Group {j % 5}",
        )
        for j in range(n_criteria)
    )
    options = tuple(Option(f"o{i}", f"Option {i}", "generated") for i in range(n_options))
    source = Source("gen", "Generated", "gen.txt", "gen.txt", "none")
    cells = {}
    for option in options:
        for crit in criteria:
            score = float(rng.uniform(1, 9))
            cells[(option.id, crit.id)] = Assessment(
                option.id,
                crit.id,
                score,
                score - 1,
                score + 1,
                "generated",
                (Evidence("gen", "generated", Stance.SUPPORTS),),
            )
    return DecisionSet("synthetic", "Synthetic", "Which?", criteria, (source,), options, cells)
