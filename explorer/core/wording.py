"""How numbers are said in plain language, the same in the window, the slides and the CLI."""

from __future__ import annotations

from explorer.core.robustness.stability import StabilityInterval


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def percent(share: float) -> str:
    """A share at the sliders' own precision (0.1 %), without a trailing .0: 0 %, 21.7 %."""
    text = f"{share * 100:.1f}".removesuffix(".0")
    return f"{'0' if text == '-0' else text} %"


def weight_change(before: float, after: float) -> str:
    """ "weight 35 % → 0 %": how a driver's share moved between two weightings, worded once for
    the window's Compare view and the `profile compare` command alike."""
    return f"weight {percent(before)} \u2192 {percent(after)}"


def handover_text(
    flips_drawn: int, drawn: int, flips_all: int, cells: int, ties_drawn: int = 0
) -> str:
    """How many cells' assessed ranges alone could hand over the lead, counted on the bars a
    tornado draws, so the words and the drawing agree; cells left undrawn are named apart, and
    bars that end on the line (a tie, not a change of leader) are said as such."""
    tie = ""
    if ties_drawn:
        bars, cells_ = (
            ("bar ends", "that cell ties") if ties_drawn == 1 else ("bars end", "those cells tie")
        )
        tie = f" {ties_drawn} more {bars} on the line: at most {cells_} the lead."
    if flips_all == 0:
        return "No single cell's range hands over the lead." + tie
    if drawn == cells:
        noun = "cell's range" if flips_all == 1 else "cells' ranges"
        return (
            f"{flips_all} {noun} alone could hand over the lead (bars crossing the dashed line)."
            + tie
        )
    text = (
        f"{flips_drawn} of the {drawn} bars drawn cross the dashed line: "
        f"{'that cell' if flips_drawn == 1 else 'each of those cells'} alone could hand over "
        "the lead"
        if flips_drawn
        else f"None of the {drawn} bars drawn crosses the dashed line"
    )
    hidden = flips_all - flips_drawn
    if hidden:
        text += f"; {hidden} more of the {cells - drawn} cells not drawn could too"
    return text + "." + tie


def stability_text(
    interval: StabilityInterval,
    names: dict[str, str],
    wsm_only: bool,
    subject: str = "this weight",
    ranking: bool = True,
) -> str:
    """The band in words, as the slider's tooltip (and the sensitivity chart) puts it.

    `names` maps option ids to names; `wsm_only` says the analysis is the weighted sum's while
    the ranking on screen is another method's, so the reader does not mistake whose answer it is.
    """
    leader = names[interval.leader]
    low, high = percent(interval.low), percent(interval.high)
    if interval.high - interval.low < 1e-9:
        lines = [f"{leader} is first only at exactly the current value of {subject}."]
    elif interval.low <= 0 and interval.high >= 1:
        lines = [f"{leader} stays first whatever {subject} (the others rescaled)."]
    else:
        lines = [f"{leader} stays first while {subject} is between {low} and {high}."]
    if interval.overtaken_below is not None:
        lines.append(f"Below {low}, {names[interval.overtaken_below]} goes ahead.")
    if interval.overtaken_above is not None:
        lines.append(f"Above {high}, {names[interval.overtaken_above]} goes ahead.")
    if ranking:
        lines.append(
            f"The whole ranking stays the same between {percent(interval.rank_low)} and "
            f"{percent(interval.rank_high)}."
        )
    if wsm_only:
        lines.insert(0, "Weighted-sum analysis (TOPSIS has no exact intervals):")
    return "\n".join(lines)
