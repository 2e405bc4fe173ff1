"""`policy-explorer profile ...`: the profile library, files and share codes from the shell.

Every refusal (unreadable file, damaged code, name taken, file changed by someone else) ends as
one line per problem on stderr and exit status 1; nothing on disk changes when a command fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from explorer.cli.commands import load_set
from explorer.core.engine import Method
from explorer.core.problems import LoadError, display_path
from explorer.core.profiles import (
    Comparison,
    Driver,
    GroupView,
    Profile,
    ProfileError,
    ProfileExistsError,
    ProfileLibrary,
    ProfileNotFoundError,
    ShareCodeError,
    apply_profile,
    combine_profiles,
    compare_profiles,
    decode_share_code,
    load_profile,
    share_code,
    write_profile,
)
from explorer.core.wording import weight_change

DRIVERS_SHOWN = 3


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "profile",
        help="weighting profiles: list the library, import/export files, share codes, compare",
        description="Profiles live in the library folder (POLICY_EXPLORER_PROFILES, else the "
        "user data folder). NAME is a profile's name or file stem; PROFILE is a library name "
        "or a path to a profile file.",
    )
    sub = p.add_subparsers(dest="profile_command", required=True, metavar="COMMAND")

    q = sub.add_parser("list", help="profiles in the library")
    q.add_argument("--filter", default="", help="only profiles whose text contains every word")
    q.add_argument("--trash", action="store_true", help="list deleted profiles instead")
    q.add_argument("--format", choices=["table", "json"], default="table")
    q.set_defaults(func=list_profiles)

    q = sub.add_parser("export", help="write a library profile to a file")
    q.add_argument("name", metavar="NAME")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--force", action="store_true", help="replace FILE if it exists")
    q.set_defaults(func=export)

    q = sub.add_parser("import", help="copy a profile file into the library")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--name", help="save it under this name instead of its own")
    q.add_argument("--force", action="store_true", help="replace a library profile of that name")
    q.add_argument("--set", dest="set_path", help="also check it against this decision set")
    q.set_defaults(func=import_)

    q = sub.add_parser("code", help="print a profile as a share code (one line of text)")
    q.add_argument("profile", metavar="PROFILE")
    q.set_defaults(func=code)

    q = sub.add_parser("decode", help="turn a share code back into a profile file")
    q.add_argument("code", nargs="+", metavar="CODE", help="the code (spaces ignored; - = stdin)")
    q.add_argument("--out", required=True, metavar="FILE")
    q.add_argument("--force", action="store_true", help="replace FILE if it exists")
    q.set_defaults(func=decode)

    q = sub.add_parser("delete", help="move a library profile to the trash")
    q.add_argument("name", metavar="NAME")
    q.set_defaults(func=delete)

    q = sub.add_parser("restore", help="bring back a deleted profile (default: the last one)")
    q.add_argument("name", nargs="?", metavar="NAME")
    q.set_defaults(func=restore)

    q = sub.add_parser("compare", help="rank the options under several profiles side by side")
    q.add_argument("profiles", nargs="+", metavar="PROFILE")
    q.add_argument("--set", dest="set_path", help="decision-set file or folder")
    q.add_argument(
        "--method", choices=[m.value for m in Method], help="default: each profile's own"
    )
    q.add_argument("--format", choices=["table", "json"], default="table")
    q.set_defaults(func=compare)
    return p


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def guarded(command: Any) -> Any:
    """User mistakes become one line each on stderr and exit 1, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except LoadError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 1
        except ProfileExistsError as exc:
            return _fail(f"{exc}; add --force to replace it")
        except (ProfileError, ShareCodeError, ValueError) as exc:
            return _fail(str(exc))
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            return _fail(f"{where}{exc.strerror or exc}")

    run.__doc__ = command.__doc__
    return run


def _resolve(arg: str, library: ProfileLibrary) -> Profile:
    path = Path(arg)
    if path.is_file():
        return load_profile(path)
    try:
        return library.load(arg)
    except ProfileNotFoundError:
        if path.suffix in {".yaml", ".yml"} or len(path.parts) > 1:
            raise ProfileNotFoundError(
                f"{arg}: no such file, nor a profile of that name in {library.root}"
            ) from None
        raise


@guarded
def list_profiles(args: argparse.Namespace) -> int:
    library = ProfileLibrary()
    if args.trash:
        entries = library.trash()
        rows = [
            {"name": e.name, "deleted": e.deleted, "file": display_path(e.path)} for e in entries
        ]
    else:
        infos = library.list_profiles(args.filter)
        rows = [
            {
                "name": i.name,
                "author": i.author,
                "modified": i.modified,
                "decision_set": i.decision_set,
                "file": display_path(i.path),
                **({"error": i.error} if i.error else {}),
            }
            for i in infos
        ]
    if args.format == "json":
        doc = {"library": str(library.root), "profiles": rows}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    what = "deleted profile(s)" if args.trash else "profile(s)"
    print(f"{len(rows)} {what} in {library.root}")
    if rows:
        keys = [k for k in rows[0] if k != "error"]
        widths = {k: max(len(k), *(len(str(r.get(k, ""))) for r in rows)) for k in keys}
        print("  ".join(k.upper().ljust(widths[k]) for k in keys).rstrip())
        for r in rows:
            print("  ".join(str(r.get(k, "")).ljust(widths[k]) for k in keys).rstrip())
            if "error" in r:
                print(f"  ! {r['error']}")
    return 0


@guarded
def export(args: argparse.Namespace) -> int:
    saved = ProfileLibrary().export(args.name, Path(args.file), overwrite=args.force)
    print(f"wrote '{saved.name}' to {saved.file}")
    return 0


@guarded
def import_(args: argparse.Namespace) -> int:
    incoming = load_profile(Path(args.file))
    if args.set_path:
        result = load_set(args.set_path)
        if result is None:
            return 1
        for note in apply_profile(incoming, result.decision_set).notes:
            print(note, file=sys.stderr)
    saved = ProfileLibrary().import_file(Path(args.file), args.name, force=args.force)
    print(f"imported '{saved.name}' as {saved.file}")
    return 0


@guarded
def code(args: argparse.Namespace) -> int:
    print(share_code(_resolve(args.profile, ProfileLibrary())))
    return 0


@guarded
def decode(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.code == ["-"] else " ".join(args.code)
    saved = write_profile(Path(args.out), decode_share_code(text), overwrite=args.force)
    print(f"wrote '{saved.name}' to {saved.file}")
    return 0


@guarded
def delete(args: argparse.Namespace) -> int:
    entry = ProfileLibrary().delete(args.name)
    print(f"moved '{entry.name}' to the trash (undo: policy-explorer profile restore)")
    return 0


@guarded
def restore(args: argparse.Namespace) -> int:
    info = ProfileLibrary().restore(args.name)
    print(f"restored '{info.name}' as {display_path(info.path)}")
    return 0


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def _drivers(drivers: tuple[Driver, ...]) -> dict[str, float]:
    return {d.criterion: round(d.effect, 6) for d in drivers}


def _compare_doc(comparison: Comparison, group: GroupView | None) -> dict[str, Any]:
    c = comparison
    doc: dict[str, Any] = {
        "profiles": list(c.names),
        "weights": {
            cid: [round(float(w), 6) for w in c.weights[:, j]]
            for j, cid in enumerate(c.criterion_ids)
        },
        "rankings": {
            name: [c.option_ids[i] for i in r.order]
            for name, r in zip(c.names, c.results, strict=True)
        },
        "rank_changes": [
            {
                "option": s.option,
                "from": s.rank_before,
                "to": s.rank_after,
                "passed": [
                    {
                        "option": o.loser,
                        "drivers": {d.criterion: round(d.effect, 6) for d in o.drivers},
                    }
                    for o in s.passed
                ],
            }
            for s in c.rank_shifts(0, len(c.names) - 1)
        ],
    }
    if group is not None:
        doc["group"] = {
            "weights": {
                cid: round(float(w), 6)
                for cid, w in zip(c.criterion_ids, group.mean_weights, strict=True)
            },
            "ranking": [
                {
                    "option": c.option_ids[i],
                    "rank": int(group.result.ranks[i]),
                    "rank_min": int(group.rank_min[i]),
                    "rank_max": int(group.rank_max[i]),
                    "rank_std": round(float(group.rank_std[i]), 6),
                }
                for i in group.result.order
            ],
        }
    return doc


def _print_table(comparison: Comparison, group: GroupView | None, names: dict[str, str]) -> None:
    c = comparison
    label = max(len(names[cid]) for cid in c.criterion_ids)
    cols = [max(len(n), 5) for n in c.names]
    print(
        "Weights".ljust(label)
        + "  "
        + "  ".join(n.rjust(w) for n, w in zip(c.names, cols, strict=True))
    )
    for j, cid in enumerate(c.criterion_ids):
        shares = "  ".join(_pct(c.weights[p, j]).rjust(w) for p, w in enumerate(cols))
        print(f"{names[cid].ljust(label)}  {shares}")
    for name, result in zip(c.names, c.results, strict=True):
        order = ", ".join(f"{result.ranks[i]}. {names[c.option_ids[i]]}" for i in result.order)
        print(f"\n{name} ({result.method.label}): {order}")
    last = len(c.names) - 1
    shifts = c.rank_shifts(0, last)
    change = "no rank changes" if not shifts else "rank changes, and the criteria behind them"
    print(f"\nFrom {c.names[0]} to {c.names[last]}: {change}")
    column = {cid: j for j, cid in enumerate(c.criterion_ids)}
    for s in shifts:
        print(f"  {names[s.option]}: {s.rank_before} → {s.rank_after}")
        for o in s.passed:
            top = ", ".join(
                f"{names[d.criterion]} {d.effect:+.3f} ("
                + weight_change(
                    c.weights[0, column[d.criterion]], c.weights[last, column[d.criterion]]
                )
                + ")"
                for d in o.drivers[:DRIVERS_SHOWN]
            )
            print(f"    passes {names[o.loser]}: {top}")
    if group is not None:
        print(f"\nGroup (mean of normalised weights, {group.result.method.label}):")
        for i in group.result.order:
            spread = f"ranks {group.rank_min[i]}–{group.rank_max[i]}, sd {group.rank_std[i]:.2f}"
            print(f"  {group.result.ranks[i]}. {names[c.option_ids[i]]}  ({spread})")


@guarded
def compare(args: argparse.Namespace) -> int:
    library = ProfileLibrary()
    profiles = [_resolve(arg, library) for arg in args.profiles]
    result = load_set(args.set_path)
    if result is None:
        return 1
    ds = result.decision_set
    method = Method(args.method) if args.method else None
    comparison, applied = compare_profiles(profiles, ds, method)
    for a in applied:
        for note in a.notes:
            print(note, file=sys.stderr)
    group = None
    if len(profiles) > 1 and not any(np.all(a.weights == 0) for a in applied):
        group, _ = combine_profiles(profiles, ds, method)
    if args.format == "json":
        print(json.dumps(_compare_doc(comparison, group), indent=2, ensure_ascii=False))
        return 0
    names = {c.id: c.name for c in ds.criteria} | {o.id: o.name for o in ds.options}
    _print_table(comparison, group, names)
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m explorer.cli.profile_cmd ARGS` = `policy-explorer profile ARGS`, standalone."""
    parser = argparse.ArgumentParser(prog="policy-explorer")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["profile", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
