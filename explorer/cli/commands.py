"""The headless subcommands. User mistakes end as one clear line each on stderr, exit 1."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from explorer import paths
from explorer.core.engine import Method, ScoreMatrix, evaluate
from explorer.core.loader import LoadResult, load_decision_set
from explorer.core.problems import LoadError, Problem
from explorer.core.profiles import load_profile
from explorer.core.robustness.lens_state import LensState
from explorer.core.set_cache import SetCache
from explorer.core.weighting import weighting_of


def _say(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def load_set(path_arg: str | None, strict: bool = False) -> LoadResult | None:
    path = Path(path_arg) if path_arg else paths.bundled_set()
    try:
        result = load_decision_set(
            path,
            strict=strict or paths.is_bundled(path),
            search_dirs=[paths.sources_dir()],
            cache=SetCache(paths.user_cache_dir() / "sets"),
        )
    except LoadError as exc:
        _say(exc.problems + exc.warnings)
        print(f"{len(exc.problems)} problem(s) in {path}", file=sys.stderr)
        return None
    _say(result.warnings)
    return result


def validate(args: argparse.Namespace) -> int:
    result = load_set(args.path or args.set_path, args.strict)
    if result is None:
        return 1
    ds = result.decision_set
    print(
        f"OK: {ds.id} — {len(ds.options)} options × {len(ds.criteria)} criteria, "
        f"{sum(len(a.evidence) for a in ds.assessments.values())} quotes from "
        f"{len(ds.sources)} sources, {len(result.warnings)} warning(s)"
    )
    return 0


@dataclass(frozen=True)
class Weighted:
    """A set with a weighting applied: what every analysing command starts from."""

    loaded: LoadResult
    weights: np.ndarray
    method: Method
    problem: ScoreMatrix  # the profile's sources lens applied, if it has one
    credibility: dict[str, float]  # per source, as the profile trusts it (empty: full trust)


def weights_from_args(args: argparse.Namespace, result: LoadResult) -> Weighted | None:
    ds = result.decision_set
    lens = LensState(ds)
    method = Method(args.method) if args.method else Method.WSM
    if not args.profile:
        return Weighted(result, np.ones(len(ds.criteria)), method, lens.problem, {})
    try:
        weighting = weighting_of(load_profile(Path(args.profile)), ds)
    except LoadError as exc:
        _say(exc.problems)
        return None
    _say(list(weighting.applied.notes))
    lens.set(weighting.credibility, weighting.lens)  # the profile may rescore from sources
    lens.set_preferences(weighting.preferences)  # and set PROMETHEE's thresholds
    method = Method(args.method) if args.method else weighting.method
    return Weighted(result, weighting.applied.weights, method, lens.problem, lens.weights)


def load_weighted(args: argparse.Namespace) -> Weighted | None:
    """The set and the weighting (`--set`, `--profile`, `--method`), problems already printed."""
    loaded = load_set(args.set_path)
    if loaded is None:
        return None
    return weights_from_args(args, loaded)


def _write_csv(header: list[str], rows: list[list[Any]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)


def rank(args: argparse.Namespace) -> int:
    weighted = load_weighted(args)
    if weighted is None:
        return 1
    ds = weighted.loaded.decision_set
    res = evaluate(weighted.problem, weighted.weights, weighted.method)
    if res.weights_all_zero:
        print("warning: all weights are zero; every option ties", file=sys.stderr)
    crit_ids = ds.criterion_ids
    ranking = [
        {
            "rank": int(res.ranks[i]),
            "option": ds.options[i].id,
            "name": ds.options[i].name,
            "score": round(float(res.totals[i]), 6),
            "tied": res.tied(int(i)),
            "contributions": {
                c: round(float(res.contributions[i, j]), 6) for j, c in enumerate(crit_ids)
            },
        }
        for i in res.order
    ]
    if res.method is Method.PROMETHEE:  # the score is (φ + 1) / 2; the flow itself as well
        for r, i in zip(ranking, res.order, strict=True):
            r["net_flow"] = round(2.0 * float(res.totals[i]) - 1.0, 6)
    weights = {c: round(float(w), 6) for c, w in zip(crit_ids, res.weights, strict=True)}
    if args.format == "json":
        doc = {
            "decision_set": ds.id,
            "method": res.method.value,
            "weights": weights,
            "ranking": ranking,
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        _write_csv(
            ["rank", "option", "name", "score", *crit_ids],
            [
                [r["rank"], r["option"], r["name"], r["score"], *r["contributions"].values()]
                for r in ranking
            ],
        )
    else:
        width = max(len(r["name"]) for r in ranking)
        print(f"{ds.title} — {res.method.label}")
        for r in ranking:
            mark = "=" if r["tied"] else " "
            print(f"{r['rank']:>3}{mark} {r['name']:<{width}}  {r['score']:.3f}")
    return 0


def matrix(args: argparse.Namespace) -> int:
    result = load_set(args.set_path)
    if result is None:
        return 1
    ds = result.decision_set
    scores, low, high = ds.matrix()
    if args.format == "csv":
        rows = []
        for i, option in enumerate(ds.options):
            for j, crit in enumerate(ds.criteria):
                rows.append([option.id, crit.id, scores[i, j], low[i, j], high[i, j]])
        _write_csv(["option", "criterion", "score", "low", "high"], rows)
        return 0
    doc = {
        "options": ds.option_ids,
        "criteria": [
            {"id": c.id, "direction": c.direction.value, "min": c.scale.min, "max": c.scale.max}
            for c in ds.criteria
        ],
        "scores": scores.tolist(),
        "low": low.tolist(),
        "high": high.tolist(),
    }
    print(json.dumps(doc, indent=2, ensure_ascii=False))
    return 0


def evidence(args: argparse.Namespace) -> int:
    result = load_set(args.set_path)
    if result is None:
        return 1
    ds = result.decision_set
    items = [
        {
            "option": option.id,
            "criterion": crit.id,
            "source": ev.source,
            "quote": ev.quote,
            "stance": ev.stance.value,
            "score": ev.implied_score,
            "verified": ev.verified,  # False: not found in its source (see model.Evidence)
        }
        for option in ds.options
        for crit in ds.criteria
        for ev in ds.assessment(option.id, crit.id).evidence
    ]
    if args.format == "csv":
        _write_csv(list(items[0]) if items else ["option"], [list(i.values()) for i in items])
        return 0
    doc = {
        "sources": [{"id": s.id, "title": s.title, "origin": s.origin} for s in ds.sources],
        "evidence": items,
    }
    print(json.dumps(doc, indent=2, ensure_ascii=False))
    return 0
