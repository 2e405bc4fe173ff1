"""What the authoring commands do (their parsers are in authoring_cmd, loaded on every start).

Every command opens the set, makes its one edit in memory and commits it through the round-trip
writer, which validates the result with the loader before replacing any file. A refused edit
prints why (in the loader's FILE:LINE: field: message form where the loader found it) and exits
1 with every file as it was.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from explorer import paths
from explorer.core.authoring import operations as op
from explorer.core.authoring.importers import ImportFailed, import_file
from explorer.core.authoring.new_set import copy_set, new_set
from explorer.core.authoring.quote_check import page_of, verbatim_quote
from explorer.core.authoring.set_editor import EditError, SetEditor
from explorer.core.authoring.source_store import add_imported, source_text
from explorer.core.loader import load_decision_set
from explorer.core.problems import LoadError, display_path


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _refused(exc: LoadError) -> int:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print(f"not changed: the edit would leave {len(exc.problems)} problem(s)", file=sys.stderr)
    return 1


def _edit(set_arg: str, change: Callable[[SetEditor], Any]) -> int:
    """Open, change, commit; every refusal is one clear message and the files stay as they
    were."""
    location = Path(set_arg)
    if paths.is_bundled(location):
        return _fail(
            f"{display_path(location)}: the bundled set is not edited in place; copy it first "
            "with `policy-explorer new DIR --from "
            f"{display_path(location)} --title T --question Q`"
        )
    try:
        editor = SetEditor.open(location, search_dirs=[paths.sources_dir()])
    except LoadError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return _fail(f"{display_path(location)}: fix these problems before editing the set")
    try:
        message = change(editor)
        result = editor.commit()
    except EditError as exc:
        return _fail(f"{display_path(location)}: {exc}")
    except LoadError as exc:
        return _refused(exc)
    except OSError as exc:
        return _fail(f"{exc.filename or display_path(location)}: {exc.strerror or exc}")
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    if message:
        print(message)
    return 0


# -- new --------------------------------------------------------------------------------


def new(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    try:
        if args.copy_from:
            origin = Path(args.copy_from)
            loaded = load_decision_set(
                origin, strict=paths.is_bundled(origin), search_dirs=[paths.sources_dir()]
            )
            result = copy_set(loaded, folder, title=args.title, set_id=args.id)
            if args.question:
                editor = SetEditor.open(folder)
                op.set_header(editor, "question", args.question)
                result = editor.commit()
            ds = result.decision_set
            print(
                f"copied {ds.id} ({len(ds.options)} options, {len(ds.sources)} sources) to {folder}"
            )
            return 0
        if not args.title or not args.question:
            return _fail("new: --title and --question are required (or --from SET to copy one)")
        editor = new_set(
            folder, args.title, args.question, args.id, args.description or "", args.template
        )
    except EditError as exc:
        return _fail(f"{display_path(folder)}: {exc}")
    except LoadError as exc:
        return _refused(exc)
    except OSError as exc:
        return _fail(f"{exc.filename or display_path(folder)}: {exc.strerror or exc}")
    if args.template:
        what, nxt = "from the template", "edit its example criteria and options, source add, cite"
    else:
        what, nxt = "empty", "criterion add, option add"
    print(f"created {editor.header['id']} in {folder} ({what}); next: {nxt}")
    return 0


# -- sources ----------------------------------------------------------------------------


def source_add(args: argparse.Namespace) -> int:
    file = Path(args.file)
    try:
        imported, raw = import_file(file)
    except ImportFailed as exc:
        return _fail(f"{display_path(file)}: {exc}")
    fields = {
        key: getattr(args, key)
        for key in ("title", "author", "publisher", "published", "url", "accessed")
    }
    if not (fields["title"] or imported.citation.title):
        return _fail(f"{display_path(file)}: the file names no title; give one with --title")

    def change(editor: SetEditor) -> str:
        stored = add_imported(
            editor,
            imported,
            raw,
            file.name,
            position=args.position,
            source_id=args.id,
            **fields,
        )
        return (
            f"added source {stored.source_id}: {stored.text_file} (original {stored.original_file})"
        )

    return _edit(args.set, change)


def source_remove(args: argparse.Namespace) -> int:
    def change(editor: SetEditor) -> str:
        dropped = op.remove_source(editor, args.id, drop_quotes=args.with_quotes)
        return f"removed source {args.id}" + (f" and {dropped} quote(s)" if dropped else "")

    return _edit(args.set, change)


# -- evidence and scores ----------------------------------------------------------------


def cite(args: argparse.Namespace) -> int:
    def change(editor: SetEditor) -> str:
        if args.source not in editor.source_ids():
            raise EditError(f"no source '{args.source}' in this set")
        text = source_text(editor, args.source)
        if text is None:
            raise EditError(f"source '{args.source}' has no readable text to quote from")
        found = verbatim_quote(text, args.quote)
        if found is None:
            raise EditError(
                f"the quote is not in the text of source '{args.source}' "
                "(only whitespace and typographic quotes or dashes may differ)"
            )
        index = op.add_evidence(
            editor,
            args.option,
            args.criterion,
            args.source,
            args.quote,
            args.stance,
            args.implied,
            source_text=text,
        )
        page = page_of(text, found[1])
        where = f" (page {page})" if page else ""
        return (
            f"cited {args.source}{where} as quote #{index + 1} in {args.option} × {args.criterion}"
        )

    return _edit(args.set, change)


def score(args: argparse.Namespace) -> int:
    def change(editor: SetEditor) -> str:
        changes: dict[str, Any] = {"score": args.score}
        if args.low is not None:
            changes["low"] = args.low
        if args.high is not None:
            changes["high"] = args.high
        if args.rationale is not None:
            changes["rationale"] = args.rationale
        op.set_cell(editor, args.option, args.criterion, **changes)
        return f"scored {args.option} × {args.criterion}: {args.score:g}"

    return _edit(args.set, change)


# -- options and criteria ---------------------------------------------------------------


def option_add(args: argparse.Namespace) -> int:
    def change(editor: SetEditor) -> str:
        oid = args.id or op.unique_id(
            op.slug(args.name), [o.data.get("id") for o in editor.options(touch=False)]
        )
        op.add_option(editor, oid, args.name, args.summary, actions=args.action or [])
        return f"added option {oid} (every criterion unassessed until scored)"

    return _edit(args.set, change)


def option_remove(args: argparse.Namespace) -> int:
    def change(editor: SetEditor) -> str:
        op.remove_option(editor, args.id)
        return f"removed option {args.id}"

    return _edit(args.set, change)


def criterion_add(args: argparse.Namespace) -> int:
    def change(editor: SetEditor) -> str:
        cid = args.id or op.unique_id(op.slug(args.name), editor.criterion_ids())
        op.add_criterion(
            editor,
            cid,
            args.name,
            args.definition,
            args.direction,
            scale_min=args.min,
            scale_max=args.max,
            min_label=args.min_label or "",
            max_label=args.max_label or "",
            group=args.group or "",
        )
        return f"added criterion {cid} (unassessed in every option until scored)"

    return _edit(args.set, change)


def criterion_remove(args: argparse.Namespace) -> int:
    def change(editor: SetEditor) -> str:
        op.remove_criterion(editor, args.id)
        return f"removed criterion {args.id} and its cells"

    return _edit(args.set, change)
