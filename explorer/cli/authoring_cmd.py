"""Building a decision set from the command line: new, source add, cite, score, option, criterion.

Only the parsers live here: the editing machinery (ruamel.yaml, the importers) is imported when
one of these commands runs, not on every start of the app or its other commands.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def _run(name: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        from explorer.cli import authoring_edits

        return getattr(authoring_edits, name)(args)

    return handler


# -- the parsers ------------------------------------------------------------------------


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("new", help="start a decision set in a new folder")
    p.add_argument("dir", help="folder to create (must not exist, or be empty)")
    p.add_argument("--title", help="the set's title")
    p.add_argument("--question", help="the question the options answer")
    p.add_argument("--id", help="the set's id (default: from the title)")
    p.add_argument("--description", help="a paragraph on what the set covers")
    p.add_argument(
        "--template", action="store_true", help="start with two criteria and two options to edit"
    )
    p.add_argument("--from", dest="copy_from", help="copy this set (and its source texts)")
    p.set_defaults(func=_run("new"))

    p = sub.add_parser("source", help="add or remove a source document")
    source_sub = p.add_subparsers(dest="source_command", required=True)
    a = source_sub.add_parser(
        "add", help="import a document (txt, md, html, pdf, docx) as a source's text"
    )
    a.add_argument("set", help="decision-set folder or file")
    a.add_argument("file", help="the document to import")
    a.add_argument("--position", required=True, help="what the source argues, in one sentence")
    a.add_argument("--id", help="source id (default: from the title)")
    for key in ("title", "author", "publisher", "url"):
        a.add_argument(f"--{key}", help=f"{key} (default: the file's own, where it has one)")
    a.add_argument("--published", help="YYYY, YYYY-MM or YYYY-MM-DD (default: the file's)")
    a.add_argument("--accessed", help="when a web source was read: YYYY-MM-DD")
    a.set_defaults(func=_run("source_add"))
    r = source_sub.add_parser("remove", help="remove a source (its stored text stays on disk)")
    r.add_argument("set")
    r.add_argument("id")
    r.add_argument("--with-quotes", action="store_true", help="also remove the quotes citing it")
    r.set_defaults(func=_run("source_remove"))

    p = sub.add_parser("cite", help="add a verbatim quote from a source to a cell")
    p.add_argument("set")
    p.add_argument("--option", required=True)
    p.add_argument("--criterion", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--quote", required=True, help="text as the source has it")
    p.add_argument("--stance", required=True, choices=["supports", "contradicts"])
    p.add_argument("--implied", type=float, help="the score this quote alone suggests")
    p.set_defaults(func=_run("cite"))

    p = sub.add_parser("score", help="set a cell's score, range and rationale")
    p.add_argument("set")
    p.add_argument("--option", required=True)
    p.add_argument("--criterion", required=True)
    p.add_argument("--score", required=True, type=float)
    p.add_argument("--low", type=float, help="lowest score the sources support")
    p.add_argument("--high", type=float, help="highest score the sources support")
    p.add_argument("--rationale", help="one line: why this score")
    p.set_defaults(func=_run("score"))

    p = sub.add_parser("option", help="add or remove an option")
    option_sub = p.add_subparsers(dest="option_command", required=True)
    a = option_sub.add_parser("add", help="add an option (every cell unassessed)")
    a.add_argument("set")
    a.add_argument("--name", required=True)
    a.add_argument("--summary", required=True, help="what the option does, in a few sentences")
    a.add_argument("--id", help="option id (default: from the name)")
    a.add_argument("--action", action="append", help="one concrete step (repeat for more)")
    a.set_defaults(func=_run("option_add"))
    r = option_sub.add_parser("remove", help="remove an option and its cells")
    r.add_argument("set")
    r.add_argument("id")
    r.set_defaults(func=_run("option_remove"))

    p = sub.add_parser("criterion", help="add or remove a criterion")
    crit_sub = p.add_subparsers(dest="criterion_command", required=True)
    a = crit_sub.add_parser("add", help="add a criterion (unassessed in every option)")
    a.add_argument("set")
    a.add_argument("--name", required=True)
    a.add_argument("--definition", required=True, help="what is being judged, in one sentence")
    a.add_argument("--direction", required=True, choices=["higher_is_better", "lower_is_better"])
    a.add_argument("--id", help="criterion id (default: from the name)")
    a.add_argument("--min", type=float, default=0.0, help="scale minimum (default 0)")
    a.add_argument("--max", type=float, default=10.0, help="scale maximum (default 10)")
    a.add_argument("--min-label", help="what the scale's minimum means")
    a.add_argument("--max-label", help="what the scale's maximum means")
    a.add_argument("--group", help="group shown above related criteria")
    a.set_defaults(func=_run("criterion_add"))
    r = crit_sub.add_parser("remove", help="remove a criterion and its cells")
    r.add_argument("set")
    r.add_argument("id")
    r.set_defaults(func=_run("criterion_remove"))
