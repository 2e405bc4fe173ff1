"""`policy-explorer audit`: how much the ranking rests on which source, for scripts and briefers.

The numbers come from explorer.core.audit, the same object the window's Evidence check view
shows; this module only lays them out as a table or JSON.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from explorer.cli.commands import load_weighted
from explorer.core.audit import SHARED_QUOTE_CELLS, Audit, audit, counts_line, summary_line
from explorer.core.model import DecisionSet
from explorer.core.robustness.lens_summary import points

QUOTE_WIDTH = 70  # shared quotes are cut (with …) beyond this in the table


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "audit",
        help="how much the ranking rests on which source: scores vs evidence, leave one source out",
    )
    p.add_argument("--set", dest="set_path", help="decision-set file or folder")
    p.add_argument("--profile", help="weighting profile (YAML); default: equal weights")
    p.add_argument("--method", choices=["wsm", "topsis"], help="default: the profile's, else wsm")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)
    return p


def _num(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def document(ds: DecisionSet, result: Audit) -> dict[str, Any]:
    """The audit as JSON-ready data; the window's agreement test reads the same document."""
    return {
        "decision_set": ds.id,
        "method": result.method.value,
        "weights": {
            c: round(float(w), 6) for c, w in zip(ds.criterion_ids, result.shares, strict=True)
        },
        "credibility": {s: round(c, 6) for s, c in result.credibility.items()},
        "headline": result.headline,  # null when nothing the audit tries changes the leader
        "summary": summary_line(ds, result),  # the headline, or that the leader holds
        "ranking": list(result.ranking.order),
        "leaders": list(result.ranking.leaders),
        "implied_ranking": list(result.implied_ranking.order),
        "implied_leaders": list(result.implied_ranking.leaders),
        "leave_one_out": [
            {
                "source": off.source,
                "leader": off.ranking.leader,
                "leaders": list(off.ranking.leaders),
                "ranking": list(off.ranking.order),
            }
            for off in result.leave_one_out
        ],
        "cells": [
            {
                "option": c.option,
                "criterion": c.criterion,
                "score": c.score,
                "implied": _num(c.implied),
                "gap": _num(c.gap),
                "sources": list(c.sources),
                "unopposed": c.unopposed,
                "single_source": c.single_source,
                "supports": c.supports,
                "contradicts": c.contradicts,
                "unverified": c.unverified,
            }
            for c in result.cells
        ],
        "options": [
            {
                "option": o.option,
                "by_source": o.by_source,
                "supports": o.supports,
                "contradicts": o.contradicts,
            }
            for o in result.options
        ],
        "shared_quotes": [
            {
                "source": q.source,
                "quote": q.quote,
                "verified": q.verified,
                "cells": [{"option": o, "criterion": c} for o, c in q.cells],
            }
            for q in result.shared_quotes
        ],
    }


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "−" if value < 0 else "") + points(abs(value))


def table(ds: DecisionSet, result: Audit) -> str:
    names = {o.id: o.name for o in ds.options}
    crits = {c.id: c.name for c in ds.criteria}
    tags = {s.id: f"S{k + 1}" for k, s in enumerate(ds.sources)}
    lines = [f"{ds.title} — evidence check ({result.method.label})"]
    lines.append(summary_line(ds, result))
    lines += ["", "Sources"]
    for s in ds.sources:
        trust = result.credibility[s.id]
        note = "" if trust >= 1.0 else f" (trusted {trust * 100:.0f} %)"
        lines.append(f"  {tags[s.id]}  {s.title}{note}")

    width = max(len(n) for n in names.values())
    column = max(width + 1, len("Scored ranking") - 1)
    lines += ["", f"  {'Scored ranking':<{column + 3}}Rescored from the evidence"]
    for k, (a, b) in enumerate(
        zip(result.ranking.order, result.implied_ranking.order, strict=True)
    ):
        lines.append(f"  {k + 1}. {names[a]:<{column}}{k + 1}. {names[b]}")

    lines += ["", "Leave one source out (the Sources lens with that source switched off)"]
    for off in result.leave_one_out:
        mark = "  " if off.ranking.leaders == result.ranking.leaders else "! "
        order = ", ".join(names[o] for o in off.ranking.order)
        lines.append(f"{mark}without {tags[off.source]}: {order}")

    cwidth = min(40, max(len(n) for n in crits.values()))
    owidth = min(30, width)
    lines += [
        "",
        "Cells: score vs evidence-implied (credibility-weighted mean of the quotes' scores)",
        f"  {'option':<{owidth}}  {'criterion':<{cwidth}}  score implied    gap  sources  notes",
    ]
    for c in result.cells:
        score = "—" if c.score is None else points(c.score)
        implied = "—" if c.implied is None else points(c.implied)
        notes = []
        if c.score is None:
            notes.append("unassessed")
        elif c.implied is None:
            notes.append("no implied score")
        if c.unopposed:
            notes.append("unopposed")
        if c.single_source:
            notes.append("single source")
        if c.unverified:
            notes.append(f"{c.unverified} unverified")
        srcs = ",".join(tags[s] for s in c.sources) or "—"
        option, criterion = _cut(names[c.option], owidth), _cut(crits[c.criterion], cwidth)
        lines.append(
            f"  {option:<{owidth}}  {criterion:<{cwidth}}  {score:>5} {implied:>7}"
            f" {_signed(c.gap):>6}  {srcs:<7}  {', '.join(notes)}"
        )
    lines += ["", counts_line(result)]

    lines += ["", f"Quotes used in more than {SHARED_QUOTE_CELLS} cells"]
    for q in result.shared_quotes:
        shown = _cut(q.quote, QUOTE_WIDTH)
        shown = f"“{shown}”" if q.verified else f"[unverified] {shown}"
        lines.append(f"  {len(q.cells)} cells  {tags[q.source]}  {shown}")
    if not result.shared_quotes:
        lines.append("  none")

    lines += ["", "Evidence per option (quotes by source, and by stance)"]
    head = "".join(f"{tags[s.id]:>5}" for s in ds.sources)
    lines.append(f"  {'':<{width}}{head}  supports  contradicts")
    for o in result.options:
        counts = "".join(f"{o.by_source[s.id]:>5}" for s in ds.sources)
        lines.append(f"  {names[o.option]:<{width}}{counts}  {o.supports:>8}  {o.contradicts:>11}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    weighted = load_weighted(args)
    if weighted is None:
        return 1
    ds = weighted.loaded.decision_set
    result = audit(ds, weighted.weights, weighted.method, weighted.credibility)
    if args.format == "json":
        print(json.dumps(document(ds, result), indent=2, ensure_ascii=False))
    else:
        print(table(ds, result))
    return 0
