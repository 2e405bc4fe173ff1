"""`policy-explorer robustness`: how firm the ranking is, for scripts and for reading aloud.

Rank acceptability follows the chosen method (the profile's, or --method); weight stability and
the what-would-change statements are the exact weighted-sum analyses, whatever the method. Under
TOPSIS the two methods can lead with different options, so the JSON names, for each part, the
method it follows and the leader it is about: `method`/`leader` (and `rank_acceptability_method`),
`stability_method`/`stability_leader`, `changes_method`/`changes_leader`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import numpy as np

from explorer.cli.commands import load_weighted
from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.model import DecisionSet
from explorer.core.robustness import (
    Acceptability,
    SamplingSettings,
    StabilityInterval,
    concentration,
    rank_acceptability,
    shares,
    stability_intervals,
    what_would_change,
)
from explorer.core.wording import ordinal

MAX_SAMPLES = 10_000_000
NAME_WIDTH = 48  # criterion names are cut (with …) beyond this in the table


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "robustness",
        help="how firm the ranking is: rank acceptability, weight stability, what would change it",
    )
    p.add_argument("--set", dest="set_path", help="decision-set file or folder")
    p.add_argument("--profile", help="weighting profile (YAML); default: equal weights")
    p.add_argument(
        "--method", choices=[m.value for m in Method], help="default: the profile's, else wsm"
    )
    defaults = SamplingSettings()  # the window's, the slides' and the PDF's too
    p.add_argument("--samples", type=int, default=defaults.samples, help="Monte Carlo samples")
    p.add_argument(
        "--seed", type=int, default=defaults.seed, help="random seed (same seed, same numbers)"
    )
    p.add_argument(
        "--weights",
        choices=["uniform", "around"],
        default=defaults.weights,
        help="sample weights uniformly over all weightings, or around the current ones",
    )
    p.add_argument(
        "--spread",
        type=float,
        default=defaults.spread,
        help="with --weights around: 0 < X < 1, each share's standard deviation as a fraction "
        "of the widest possible (0.1 moves a 20%% share by about ±4 points)",
    )
    p.add_argument(
        "--scores",
        choices=["fixed", "uniform"],
        default=defaults.scores,
        help="keep scores fixed, or draw each uniformly within its low–high range",
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)
    return p


def _check(args: argparse.Namespace) -> str | None:
    if not 1 <= args.samples <= MAX_SAMPLES:
        return f"--samples must be between 1 and {MAX_SAMPLES}"
    if args.weights == "around" and not 0.0 <= args.spread < 1.0:
        return "--spread must be at least 0 and below 1"
    return None


def _stability_doc(interval: StabilityInterval) -> dict[str, Any]:
    return {
        "weight": round(interval.weight, 6),
        "low": round(interval.low, 6),
        "high": round(interval.high, 6),
        "overtaken_below_by": interval.overtaken_below,
        "overtaken_above_by": interval.overtaken_above,
        "ranking_low": round(interval.rank_low, 6),
        "ranking_high": round(interval.rank_high, 6),
    }


def _document(
    ds: DecisionSet,
    args: argparse.Namespace,
    method: Method,
    w: np.ndarray,
    acc: Acceptability,
    intervals: list[StabilityInterval],
    changes: list[str],
    problem: ScoreMatrix,
) -> dict[str, Any]:
    res = evaluate(problem, w, method)
    # the option the weighted-sum analyses (stability, changes) are about: its leader, which
    # under TOPSIS need not be `leader`
    wsm_leader = intervals[0].leader
    sampling: dict[str, Any] = {"weights": args.weights, "scores": args.scores}
    if args.weights == "around":
        sampling["spread"] = args.spread
        sampling["concentration"] = (
            None if args.spread == 0 else round(concentration(args.spread), 6)
        )
    central = {}
    for option in ds.option_ids:
        found = acc.central(option)
        central[option] = None if found is None else {k: round(v, 6) for k, v in found.items()}
    return {
        "decision_set": ds.id,
        "method": method.value,
        "weights": {c: round(float(x), 6) for c, x in zip(ds.criterion_ids, w, strict=True)},
        "leader": ds.option_ids[int(res.order[0])],
        "samples": acc.samples,
        "seed": args.seed,
        "sampling": sampling,
        "rank_acceptability": {
            option: [round(float(p), 6) for p in row]
            for option, row in zip(ds.option_ids, acc.acceptability, strict=True)
        },
        "central_weights": central,
        "rank_acceptability_method": method.value,
        "stability_method": Method.WSM.value,
        "stability_leader": wsm_leader,
        "stability": {i.criterion: _stability_doc(i) for i in intervals},
        "changes_method": Method.WSM.value,
        "changes_leader": wsm_leader,
        "changes": changes,
    }


def _pct(x: float) -> str:
    return f"{x * 100:.0f} %"


def _table(ds: DecisionSet, doc: dict[str, Any], method: Method) -> str:
    names = {o.id: o.name for o in ds.options}
    crit_names = {c.id: c.name for c in ds.criteria}
    sampling = doc["sampling"]
    how = f"weights {sampling['weights']}"
    if sampling["weights"] == "around":
        how += f" (spread {sampling['spread']:g})"
    how += ", scores " + ("fixed" if sampling["scores"] == "fixed" else "uniform within ranges")
    lines = [
        f"{ds.title} — {method.label}",
        f"{doc['samples']} samples, seed {doc['seed']}; {how}",
        f"Leader at the current weights: {names[doc['leader']]}",
        "",
        "Rank acceptability (% of samples taking each rank)",
    ]
    width = max(len(n) for n in names.values()) + 5
    m = len(ds.options)
    lines.append(" " * width + "".join(f"{ordinal(r + 1):>7}" for r in range(m)))
    for k, option in enumerate(ds.option_ids):
        row = doc["rank_acceptability"][option]
        label = f"[{k + 1}] {names[option]}"
        lines.append(f"{label:<{width}}" + "".join(f"{p * 100:>7.1f}" for p in row))

    lines += ["", "Central weights (mean weights in the samples where the option ranks first)"]
    cwidth = min(NAME_WIDTH, max(len(n) for n in crit_names.values())) + 2
    lines.append(" " * cwidth + "".join(f"{f'[{k + 1}]':>7}" for k in range(m)))
    for cid, cname in crit_names.items():
        cells = []
        for option in ds.option_ids:
            weights = doc["central_weights"][option]
            cells.append(f"{'—':>7}" if weights is None else f"{weights[cid] * 100:>6.0f}%")
        lines.append(f"{_cut(cname, cwidth - 2):<{cwidth}}" + "".join(cells))

    stability = "Weight stability (weighted sum; each share moved alone, the others in proportion)"
    heading = "What would change the leader"
    if doc["stability_leader"] != doc["leader"]:
        about = f"weighted sum, whose leader is {names[doc['stability_leader']]}"
        stability = f"Weight stability ({about}; each share moved alone, the others in proportion)"
        heading += f" ({about})"
    elif method is not Method.WSM:
        heading += " (weighted sum, which leads with the same option)"
    lines += [
        "",
        stability,
        f"{'':<{cwidth}}{'now':>7}{'leader holds':>16}{'ranking holds':>16}",
    ]
    for cid, st in doc["stability"].items():
        top = f"{_pct(st['low'])}–{_pct(st['high'])}"
        order = f"{_pct(st['ranking_low'])}–{_pct(st['ranking_high'])}"
        name = _cut(crit_names[cid], cwidth - 2)
        lines.append(f"{name:<{cwidth}}{_pct(st['weight']):>7}{top:>16}{order:>16}")

    lines += ["", heading]
    lines += [f"- {text}" for text in doc["changes"]] or ["- nothing within the scales"]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    problem_text = _check(args)
    if problem_text:
        print(f"error: {problem_text}", file=sys.stderr)
        return 1
    weighted = load_weighted(args)
    if weighted is None:
        return 1
    ds, raw, method = weighted.loaded.decision_set, weighted.weights, weighted.method
    if not np.any(np.asarray(raw) > 0):
        print("warning: all weights are zero; analysing equal weights instead", file=sys.stderr)
    w = shares(raw)
    problem = weighted.problem
    _, lows, highs = ds.matrix()
    acc = rank_acceptability(
        problem,
        w,
        lows,
        highs,
        samples=args.samples,
        seed=args.seed,
        weight_mode=args.weights,
        spread=args.spread,
        score_mode=args.scores,
        method=method,
    )
    intervals = stability_intervals(problem, w)
    changes = what_would_change(ds, w, problem)
    doc = _document(ds, args, method, w, acc, intervals, changes, problem)
    if args.format == "json":
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        print(_table(ds, doc, method))
    return 0
