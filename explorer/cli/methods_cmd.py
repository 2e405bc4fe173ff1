"""`policy-explorer methods`: one weighting under every scoring method, side by side.

The expected rank comes from rank acceptability under the weighting's own method (the
profile's, or --method) with the shared sampling defaults, so it matches the window's figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from explorer.cli.commands import load_weighted
from explorer.core.engine import Method
from explorer.core.methods_comparison import compare_methods
from explorer.core.robustness import Analysis, SamplingSettings


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("methods", help="the ranking under every scoring method, compared")
    p.add_argument("--set", dest="set_path", help="decision-set file or folder")
    p.add_argument("--profile", help="weighting profile (YAML); default: equal weights")
    p.add_argument(
        "--method",
        choices=[m.value for m in Method],
        help="the method rank acceptability samples under (default: the profile's, else wsm)",
    )
    defaults = SamplingSettings()
    p.add_argument("--samples", type=int, default=defaults.samples)
    p.add_argument("--seed", type=int, default=defaults.seed)
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    weighted = load_weighted(args)
    if weighted is None:
        return 1
    ds = weighted.loaded.decision_set
    try:
        settings = SamplingSettings(samples=args.samples, seed=args.seed)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    analysis = Analysis(ds, weighted.problem, weighted.weights, weighted.method)
    comparison = compare_methods(
        weighted.problem,
        analysis.weights,
        [o.name for o in ds.options],
        acceptability=analysis.acceptability(settings),
    )
    if args.format == "json":
        doc: dict[str, object] = {
            "decision_set": ds.id,
            "acceptability_method": weighted.method.value,
        }
        doc |= comparison.as_dict()
        doc["sampling"] = settings.describe()
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    names = [o.name for o in ds.options]
    width = max(len(n) for n in names)
    heads = [m.label for m in comparison.methods]
    print(f"{'':<{width}}  " + "  ".join(heads) + "  Expected rank")
    assert comparison.expected_rank is not None
    for i, name in enumerate(names):
        cells = [
            f"{int(comparison.ranks[m][i]):>{len(h)}}"
            for m, h in zip(comparison.methods, heads, strict=True)
        ]
        print(f"{name:<{width}}  " + "  ".join(cells) + f"  {comparison.expected_rank[i]:13.2f}")
    print()
    for (a, b), tau in comparison.agreement.items():
        print(f"Kendall's tau {a.label} ~ {b.label}: {tau:.2f}")
    print(comparison.sentence())
    return 0
