"""How the comparison view puts rank changes and weight differences into words.

A briefer reads these sentences aloud, so they name options and criteria as the set spells them
and give the driving numbers in the same unit the ranking shows (total-score points). All the
numbers come from explorer.core.profiles.compare; this module only chooses which to mention.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from explorer.core.profiles import Comparison, Driver, Overtake, RankShift
from explorer.core.wording import ordinal, weight_change

MAX_DRIVERS = 3  # more than three reasons is a table, not a sentence
NAMED_SHARE = 0.25  # a driver is named when at least this fraction of the largest one
MINUS = "\u2212"


def signed(value: float, digits: int = 2) -> str:
    """+0.06 / −0.03 with a true minus; tiny effects keep a third digit rather than read 0.00."""
    if abs(value) < 0.5 * 10**-digits and value != 0:
        digits += 1
    text = f"{abs(value):.{digits}f}"
    return f"{MINUS if value < 0 else '+'}{text}"


def points(share_difference: float) -> str:
    """A difference in weight share as percentage points: +6.0."""
    return signed(share_difference * 100, 1)


def join_names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def named_drivers(drivers: Sequence[Driver]) -> list[Driver]:
    """The criteria worth saying: those pushing the winner up, the largest first, as long as
    each is a real share of the biggest one (a 0.001 nudge is noise in a spoken summary)."""
    ahead = [d for d in drivers if d.effect > 0]
    if not ahead:
        return []
    top = ahead[0].effect
    return [d for d in ahead if d.effect >= NAMED_SHARE * top][:MAX_DRIVERS]


def overtake_sentence(
    overtake: Overtake,
    options: Mapping[str, str],
    criteria: Mapping[str, str],
    shares: Mapping[str, tuple[float, float]] | None = None,
) -> str:
    """'X overtakes Y mainly through A (+0.06, weight 35 % → 0 %) and B (+0.03, …)', with the
    largest brake if any; `shares` gives each criterion's weight share before and after."""
    named = named_drivers(overtake.drivers)

    def reason(d: Driver) -> str:
        moved = f", {weight_change(*shares[d.criterion])}" if shares else ""
        return f"{criteria[d.criterion]} ({signed(d.effect)}{moved})"

    reasons = join_names([reason(d) for d in named])
    text = f"{options[overtake.winner]} overtakes {options[overtake.loser]}"
    if reasons:
        text += f" mainly through {reasons}"
    against = min(overtake.drivers, key=lambda d: d.effect, default=None)
    if named and against is not None and against.effect <= -NAMED_SHARE * named[0].effect:
        text += f", despite {criteria[against.criterion]} ({signed(against.effect)})"
    return text


def shift_sentence(
    shift: RankShift, options: Mapping[str, str], tied_before: bool, tied_after: bool
) -> str:
    verb = "rises" if shift.rank_after < shift.rank_before else "falls"
    before = ("joint " if tied_before else "") + ordinal(shift.rank_before)
    after = ("joint " if tied_after else "") + ordinal(shift.rank_after)
    text = f"{options[shift.option]} {verb} from {before} to {after}"
    if shift.passed_by:
        text += f", overtaken by {join_names([options[o.winner] for o in shift.passed_by])}"
    return text


def rank_change_lines(
    comparison: Comparison,
    a: int,
    b: int,
    options: Mapping[str, str],
    criteria: Mapping[str, str],
) -> list[tuple[int, str]]:
    """(level, sentence): level 0 says who moved, level 1 which overtake did it and why.

    Biggest moves first. Each overtake is told once: under the option that made it, or, when
    that option kept its rank (it rose past someone who fell below it), under the one passed.
    """
    shifts = comparison.rank_shifts(a, b)
    if not shifts:
        return []
    ra, rb = comparison.results[a], comparison.results[b]
    index = {oid: i for i, oid in enumerate(comparison.option_ids)}
    moved = {s.option for s in shifts}
    shares = {
        cid: (float(comparison.weights[a, j]), float(comparison.weights[b, j]))
        for j, cid in enumerate(comparison.criterion_ids)
    }
    ordered = sorted(shifts, key=lambda s: -abs(s.rank_after - s.rank_before))
    lines: list[tuple[int, str]] = []
    for shift in ordered:
        i = index[shift.option]
        lines.append((0, shift_sentence(shift, options, ra.tied(i), rb.tied(i))))
        told = [*shift.passed, *(o for o in shift.passed_by if o.winner not in moved)]
        told.sort(key=lambda o: -(o.lead_after - o.lead_before))
        lines += [(1, overtake_sentence(o, options, criteria, shares)) for o in told]
    return lines


def weight_summary(
    comparison: Comparison, a: int, b: int, criteria: Mapping[str, str], count: int = 2
) -> str:
    """The criteria whose share moved most between two profiles, as the context for the list."""
    diff = comparison.weight_difference(a, b)
    order = sorted(range(diff.size), key=lambda j: -abs(float(diff[j])))[:count]
    parts = [
        f"{criteria[comparison.criterion_ids[j]]} ({points(float(diff[j]))} points)"
        for j in order
        if abs(float(diff[j])) >= 0.0005
    ]
    if not parts:
        return "The two profiles weight every criterion the same."
    return f"The weights differ most on {join_names(parts)}."
