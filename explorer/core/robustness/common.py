"""What every robustness analysis shares: the weight shares, and the one-criterion weight path.

Every analysis here asks "what if this weight were different?" along the same path the weight
sliders use: one criterion's share moves and the others are rescaled in proportion so the total
stays 1 (weights.set_share with nothing locked). Keeping that path in one place means a number the
CLI reports is the number the slider shows when dragged there.
"""

from __future__ import annotations

import math

import numpy as np

from explorer.core.engine import normalise_weights, rank, wsm_totals

# Slopes or gaps smaller than this are treated as zero: totals live in 0..1, so a difference this
# small is float noise, not a real crossing.
EPS = 1e-12
END_TOLERANCE = 1e-9  # shares this close to 0 % or 100 % count as the end of the axis


def shares(weights: np.ndarray) -> np.ndarray:
    """Weights as shares summing to 1; all-zero weights count as equal.

    The engine flags all-zero weights and ties every option; a robustness question about "no
    weighting" has no answer, so the analyses start from the neutral equal weighting instead.
    """
    w, all_zero = normalise_weights(np.asarray(weights, dtype=float))
    if all_zero:
        return np.full(len(w), 1.0 / len(w)) if len(w) else w
    return w


def index_of(ids: tuple[str, ...] | list[str], key: int | str) -> int:
    """Accept a criterion (or option) by index or id, so callers can use whichever they hold."""
    if isinstance(key, str):
        try:
            return list(ids).index(key)
        except ValueError:
            raise KeyError(f"unknown id {key!r}") from None
    index = int(key)
    if not 0 <= index < len(ids):
        raise IndexError(f"index {index} out of range for {len(ids)} items")
    return index


def rest_direction(w: np.ndarray, j: int) -> np.ndarray:
    """Where the other criteria's weight goes as criterion j's share changes.

    Proportional to their current shares; when criterion j holds everything (w_j = 1) there is no
    proportion to keep, so the others share equally, as the sliders do.
    """
    base = np.asarray(w, dtype=float).copy()
    base[j] = 0.0
    rest = base.sum()
    if rest > EPS:
        return base / rest
    if len(base) > 1:
        base[:] = 1.0 / (len(base) - 1)
        base[j] = 0.0
    return base


def weight_path(w: np.ndarray, j: int, t: np.ndarray) -> np.ndarray:
    """Weight vectors (len(t), criteria) with criterion j's share set to each t."""
    t = np.asarray(t, dtype=float)[:, None]
    path = (1.0 - t) * rest_direction(w, j)[None, :]
    path[:, j] = t[:, 0]
    return path


def wsm_lines(d: np.ndarray, w: np.ndarray, j: int) -> tuple[np.ndarray, np.ndarray]:
    """Each option's WSM total along criterion j's path as a line: total(t) = a + b·t.

    Exact because totals are linear in the weights and the path is linear in t.
    """
    unit = np.zeros(d.shape[1])
    unit[j] = 1.0
    a = wsm_totals(d, rest_direction(w, j))
    b = wsm_totals(d, unit) - a
    return a, b


def leader(totals: np.ndarray) -> int:
    """Index of the top option, ties broken by file order exactly as the ranking chart does."""
    return int(rank(totals)[1][0])


def display_step(span: float) -> float:
    """A round step giving at least ~50 steps across `span`: 0.1 on a 0–10 scale, 1 on 0–100."""
    if span <= 0:
        return 0.1
    return 10.0 ** math.floor(math.log10(span / 50.0))


def step_past(value: float, step: float, upward: bool) -> float:
    """The first multiple of `step` strictly beyond `value` in the given direction.

    A sentence saying "if X were 7.5" must be true at 7.5 itself, so the quoted number is past the
    exact tie point, never on it.
    """
    k = value / step
    n = math.ceil(k - 1e-9) if upward else math.floor(k + 1e-9)
    candidate = n * step
    if upward and candidate <= value + 1e-12:
        candidate += step
    elif not upward and candidate >= value - 1e-12:
        candidate -= step
    return round(candidate, 10)


def decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9))


def fmt_number(value: float, places: int) -> str:
    """Fixed places but no trailing zeros: 6, 7.5, 0.25."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text
