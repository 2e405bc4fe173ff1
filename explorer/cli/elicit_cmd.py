"""`policy-explorer elicit`: weights from an order, from swings, from pairwise comparisons, or
rank acceptability from an order alone — and, with --out, a profile carrying the record.

Without --out the criteria are just names (the arithmetic needs no decision set); with --out
the set (--set, else the bundled one) must have exactly the criteria named, since a profile
that silently weights a criterion 0 because it was left out would mislead whoever opens it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from explorer.cli.commands import load_set
from explorer.cli.profile_cmd import guarded
from explorer.core.elicitation.ahp import (
    AhpResult,
    Comparison,
    HierarchyResult,
    ahp,
    ahp_hierarchy,
    format_value,
)
from explorer.core.elicitation.group import aggregate_judgements
from explorer.core.elicitation.ordinal import constraints_from
from explorer.core.elicitation.rank_order import Scheme, rank_order_weights
from explorer.core.elicitation.record import Elicitation, Kind, parse_comparison_file
from explorer.core.elicitation.swing import swing_weights
from explorer.core.engine import Method, ScoreMatrix
from explorer.core.fields import Fields
from explorer.core.model import DecisionSet
from explorer.core.problems import LoadError, Problem, display_path
from explorer.core.profiles import profile_from_weights, write_profile
from explorer.core.profiles.document import decode_text, read_bytes
from explorer.core.robustness import Analysis, SamplingSettings
from explorer.core.yamlsafe import parse_yaml_text

MAX_COMPARISON_BYTES = 256 * 1024


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--out", metavar="FILE", help="also write a profile with these weights")
    p.add_argument("--name", help="the profile's name (with --out)")
    p.add_argument("--force", action="store_true", help="with --out: replace an existing file")
    p.add_argument("--set", dest="set_path", help="decision set the profile is for (with --out)")


def add_parser(subparsers: Any) -> None:
    top = subparsers.add_parser(
        "elicit", help="weights from an order, swings or pairwise comparisons"
    )
    sub = top.add_subparsers(dest="elicit_command", required=True)

    p = sub.add_parser("rank-order", help="weights from an order of criteria (best first)")
    p.add_argument("criteria", nargs="+", help="criterion ids best first; tie with '=': a=b")
    p.add_argument("--scheme", choices=[s.value for s in Scheme], default=Scheme.ROC.value)
    _common(p)
    p.set_defaults(func=rank_order)

    p = sub.add_parser("swing", help="weights from worst-to-best swings rated against 100")
    p.add_argument("ratings", nargs="+", help="criterion=rating, the most important =100")
    _common(p)
    p.set_defaults(func=swing)

    p = sub.add_parser("ahp", help="weights from pairwise comparisons (AHP)")
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="YAML with comparisons: [{a, b, value}] (and optional groups); several files are "
        "several people, combined by geometric mean",
    )
    _common(p)
    p.set_defaults(func=pairwise)

    p = sub.add_parser(
        "order", help="rank acceptability over every weighting consistent with an order"
    )
    p.add_argument("criteria", nargs="+", help="criterion ids best first; tie with '=': a=b")
    p.add_argument("--at-least", action="append", default=[], metavar="C=SHARE")
    p.add_argument("--at-most", action="append", default=[], metavar="C=SHARE")
    p.add_argument("--method", choices=[m.value for m in Method], default=Method.WSM.value)
    defaults = SamplingSettings()
    p.add_argument("--samples", type=int, default=defaults.samples)
    p.add_argument("--seed", type=int, default=defaults.seed)
    p.add_argument("--scores", choices=["fixed", "uniform"], default=defaults.scores)
    _common(p)
    p.set_defaults(func=order_only)


def _tiers(words: list[str]) -> list[list[str]]:
    return [[c for c in word.split("=") if c] for word in words]


def _assignments(words: list[str], what: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for word in words:
        cid, sep, value = word.partition("=")
        try:
            number = float(value)
        except ValueError:
            number = None
        if not sep or not cid or number is None:
            raise ValueError(f"'{word}' is not {what} (criterion=number)")
        if cid in out:
            raise ValueError(f"'{cid}' is given twice")
        out[cid] = number
    return out


def _shares(args: argparse.Namespace, weights: dict[str, float]) -> dict[str, float]:
    return {c: round(w, 6) for c, w in weights.items()}


def _target_set(args: argparse.Namespace, named: list[str]) -> DecisionSet | None:
    """The set a profile is written for, with exactly the criteria named (else a clear error)."""
    loaded = load_set(args.set_path)
    if loaded is None:
        return None
    ds = loaded.decision_set
    missing = [c for c in ds.criterion_ids if c not in named]
    unknown = [c for c in named if c not in ds.criterion_ids]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"not rated: {', '.join(missing)}")
        if unknown:
            parts.append(f"not criteria of '{ds.id}': {', '.join(unknown)}")
        raise ValueError(
            "--out needs every criterion of the set, and only those; " + "; ".join(parts)
        )
    return ds


def _write(args: argparse.Namespace, record: Elicitation, default_name: str) -> int:
    if not args.out:
        return 0
    ds = _target_set(args, list(record.weights))
    if ds is None:
        return 1
    values = np.array([record.weights[c] for c in ds.criterion_ids])
    profile = profile_from_weights(ds, values, name=args.name or default_name, elicitation=record)
    saved = write_profile(Path(args.out), profile, overwrite=args.force)
    print(f"wrote '{saved.name}' to {saved.file}", file=sys.stderr)
    return 0


def _print_weights(
    doc: dict[str, Any], args: argparse.Namespace, lines: Sequence[str] = ()
) -> None:
    if args.format == "json":
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return
    width = max(len(c) for c in doc["weights"])
    for c, w in doc["weights"].items():
        print(f"{c:<{width}}  {w * 100:6.2f} %")
    for line in lines:
        print(line)


@guarded
def rank_order(args: argparse.Namespace) -> int:
    tiers = _tiers(args.criteria)
    weights = rank_order_weights(tiers, args.scheme)
    record = Elicitation(
        Kind.RANK_ORDER, weights, scheme=Scheme(args.scheme), order=tuple(map(tuple, tiers))
    )
    doc = {
        "kind": "rank-order",
        "scheme": args.scheme,
        "order": tiers,
        "weights": _shares(args, weights),
    }
    _print_weights(doc, args, [f"({Scheme(args.scheme).label})"])
    return _write(args, record, f"Ranked ({Scheme(args.scheme).label})")


@guarded
def swing(args: argparse.Namespace) -> int:
    ratings = _assignments(args.ratings, "a swing rating")
    weights = swing_weights(ratings)
    record = Elicitation(Kind.SWING, weights, swings=ratings)
    doc = {"kind": "swing", "swings": ratings, "weights": _shares(args, weights)}
    _print_weights(doc, args)
    return _write(args, record, "Swing weights")


def _read_comparisons(path: Path) -> tuple[tuple[Comparison, ...], dict[str, tuple[str, ...]]]:
    file = display_path(path)
    doc = parse_yaml_text(decode_text(read_bytes(path, MAX_COMPARISON_BYTES), file), file)
    problems: list[Problem] = []
    found = parse_comparison_file(Fields(doc, problems), doc.data)
    if problems:
        raise LoadError(problems)
    return found


def _matrix_doc(result: AhpResult) -> dict[str, Any]:
    worst = result.most_inconsistent
    return {
        "weights": {c: round(w, 6) for c, w in result.weights.items()},
        "lambda_max": round(result.lambda_max, 6),
        "consistency_ratio": None
        if result.consistency_ratio is None
        else round(result.consistency_ratio, 6),
        "acceptable": result.acceptable,
        "most_inconsistent": None
        if worst is None
        else {
            "a": worst.a,
            "b": worst.b,
            "given": round(worst.given, 6),
            "implied": round(worst.implied, 6),
            "suggested": round(worst.suggested, 6),
            "consistency_ratio_after": None
            if worst.consistency_ratio_after is None
            else round(worst.consistency_ratio_after, 6),
        },
        "missing": [list(pair) for pair in result.missing],
    }


def _worst_line(result: AhpResult, where: str = "") -> str | None:
    worst = result.most_inconsistent
    if worst is None:
        return None
    return (
        f"most inconsistent{where}: {worst.a} vs {worst.b} = {format_value(worst.given)}; "
        f"the other judgements imply {worst.implied:.2f}, try {format_value(worst.suggested)}"
    )


@guarded
def pairwise(args: argparse.Namespace) -> int:
    people = [_read_comparisons(Path(f)) for f in args.files]
    groups = people[0][1]
    for (_, other), name in zip(people[1:], args.files[1:], strict=True):
        if other != groups:
            raise ValueError(f"{name}: its groups differ from {args.files[0]}'s")
    comparisons = (
        list(people[0][0]) if len(people) == 1 else aggregate_judgements([c for c, _ in people])
    )
    if groups:
        tree: HierarchyResult = ahp_hierarchy(groups, comparisons)
        weights = tree.weights
        where, summary = tree.worst
        doc: dict[str, Any] = {
            "kind": "ahp",
            "people": len(people),
            "weights": _shares(args, weights),
            "consistency_ratio": _matrix_doc(summary)["consistency_ratio"],
            "most_inconsistent": _matrix_doc(summary)["most_inconsistent"],
            "groups": {"weights": _matrix_doc(tree.groups)}
            | {g: _matrix_doc(r) for g, r in tree.within.items()},
        }
        cr = summary.consistency_ratio
        line = _worst_line(summary, f" (in {where})" if where else " (between groups)")
    else:
        criteria = list(dict.fromkeys(x for c in comparisons for x in (c.a, c.b)))
        summary = ahp(criteria, comparisons)
        weights = summary.weights
        doc = {"kind": "ahp", "people": len(people), "weights": _shares(args, weights)}
        doc |= {k: v for k, v in _matrix_doc(summary).items() if k != "weights"}
        cr = summary.consistency_ratio
        line = _worst_line(summary)
    cr_line = "consistency ratio: " + ("n/a" if cr is None else f"{cr:.3f}")
    if cr is not None and cr > 0.1:
        cr_line += " (above 0.10: revisit the judgements)"
    _print_weights(doc, args, [cr_line, *([line] if line else [])])
    record = Elicitation(
        Kind.AHP,
        weights,
        comparisons=tuple(comparisons),
        groups=dict(groups),
        people=len(people),
        consistency_ratio=cr,
    )
    return _write(args, record, "Pairwise comparisons")


@guarded
def order_only(args: argparse.Namespace) -> int:
    loaded = load_set(args.set_path)
    if loaded is None:
        return 1
    ds = loaded.decision_set
    tiers = _tiers(args.criteria)
    order = constraints_from(
        ds.criterion_ids,
        tiers,
        _assignments(args.at_least, "a bound"),
        _assignments(args.at_most, "a bound"),
    )
    settings = SamplingSettings(
        samples=args.samples, seed=args.seed, weights="ordinal", scores=args.scores, order=order
    )
    centroid = rank_order_weights(tiers) if not order.bounded else order.centroid(seed=args.seed)
    problem = ScoreMatrix.from_set(ds)
    w = np.array([centroid[c] for c in ds.criterion_ids])
    acc = Analysis(ds, problem, w, Method(args.method)).acceptability(settings)
    doc = {
        "kind": "ordinal",
        "decision_set": ds.id,
        "order": order.describe(),
        "method": args.method,
        "samples": acc.samples,
        "seed": args.seed,
        "weights": _shares(args, centroid),
        "rank_acceptability": {
            o: [round(float(p), 6) for p in row]
            for o, row in zip(ds.option_ids, acc.acceptability, strict=True)
        },
    }
    lines = [f"centroid weights above; first-rank acceptability ({settings.describe()}):"]
    width = max(len(o.name) for o in ds.options)
    for option, row in zip(ds.options, acc.acceptability, strict=True):
        lines.append(f"  {option.name:<{width}}  {row[0] * 100:5.1f} %")
    _print_weights(doc, args, lines)
    record = Elicitation(
        Kind.ORDINAL,
        centroid,
        order=tuple(map(tuple, tiers)),
        at_least=dict(order.lower),
        at_most=dict(order.upper),
    )
    return _write(args, record, "Order only")
