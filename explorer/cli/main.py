"""`policy-explorer`: the window by default, headless subcommands for scripts and pipelines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from explorer.cli import (
    audit_cmd,
    authoring_cmd,
    brief_cmd,
    commands,
    desktop_cmd,
    elicit_cmd,
    methods_cmd,
    profile_cmd,
    robustness_cmd,
)
from explorer.core.engine import Method


class _VersionAction(argparse.Action):
    """Like argparse's "version", but reads the bundled data's version only when asked."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="print the app, Python and bundled data versions and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from explorer.versions import version_line

        print(version_line())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-explorer",
        description="Compare policy options against weighted criteria. "
        "With no subcommand, opens the window.",
    )
    parser.add_argument("--set", dest="gui_set", help="decision set to open in the window")
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("validate", help="check a decision set; exit 1 listing every problem")
    p.add_argument("path", nargs="?", help="decision-set file or folder (default: bundled set)")
    p.add_argument("--set", dest="set_path", help="same as PATH")
    p.add_argument(
        "--strict", action="store_true", help="quotes must be found (always on for bundled sets)"
    )
    p.set_defaults(func=commands.validate)

    p = sub.add_parser("rank", help="rank the options under a weighting")
    p.add_argument("--set", dest="set_path", help="decision-set file or folder")
    p.add_argument("--profile", help="weighting profile (YAML); default: equal weights")
    p.add_argument(
        "--method", choices=[m.value for m in Method], help="default: the profile's, else wsm"
    )
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=commands.rank)

    p = sub.add_parser("matrix", help="the score matrix with uncertainty ranges")
    p.add_argument("--set", dest="set_path")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.set_defaults(func=commands.matrix)

    p = sub.add_parser("evidence", help="every quote behind every score")
    p.add_argument("--set", dest="set_path")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.set_defaults(func=commands.evidence)

    robustness_cmd.add_parser(sub)
    methods_cmd.add_parser(sub)
    elicit_cmd.add_parser(sub)
    audit_cmd.add_parser(sub)
    profile_cmd.add_parser(sub)
    brief_cmd.add_parser(sub)
    desktop_cmd.add_parser(sub)
    authoring_cmd.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from explorer.ui.app import run  # Qt only when a window is wanted

        return run(args.gui_set)
    try:
        return args.func(args)
    except BrokenPipeError:  # `policy-explorer rank | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
