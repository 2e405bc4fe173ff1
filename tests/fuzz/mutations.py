"""Hypothesis strategies that break real inputs: the bundled set, its profiles, share codes.

Three levels, because each reaches different code: structural edits of the parsed data (a value
swapped for a hostile one, a key dropped or added, a subtree copied or buried deep), textual
edits of the YAML (tags, anchors and aliases, control bytes, broken UTF-8, truncation), and
edits of the folder itself (links, FIFOs, folders where files belong, names too long).
"""

from __future__ import annotations

import base64
import copy
import json
import zlib
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "options" / "iraq-troop-posture"
COMMUTE = ROOT / "tests" / "fixtures" / "commute"
SET_FILES = {p.name: p.read_bytes() for p in sorted(BUNDLED.glob("*.yaml"))}
COMMUTE_FILES = {p.name: p.read_bytes() for p in sorted(COMMUTE.iterdir())}
PROFILES = [p.read_bytes() for p in sorted((BUNDLED / "profiles").glob("*.yaml"))]

hostile_numbers = st.one_of(
    st.sampled_from(
        [10**309, -(10**400), 1e308, -1e308, 1e16, 1e15, -1e15, 1e-320, 0, -0.0, 5e-324]
    ),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
)
hostile_text = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "us_cost\n",
            "a: b",
            "x\x00y",
            "\x07",
            "\u2028",
            "/etc/passwd",
            "../../etc/passwd",
            "n" * 256,
            "一" * 78,
            "\ud800",
            "yes",
            "~",
            "2025-13-31",
            "0x1F",
            "1e400",
        ]
    ),
    st.text(max_size=40),
)
leaf = st.one_of(hostile_numbers, hostile_text, st.booleans(), st.none())
hostile_values = st.recursive(
    leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(hostile_text, inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _paths(value, (*prefix, i))
    return out


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def mutated_data(draw: st.DrawFn, data: Any) -> Any:
    """A deep copy of `data` with 1-3 structural edits at random places."""
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "delete", "add", "deepen", "copy", "listify"]))
        if not path:
            if isinstance(data, dict):
                data[draw(hostile_text)] = draw(hostile_values)
            continue
        parent, key = _get(data, path[:-1]), path[-1]
        if op == "replace":
            parent[key] = draw(hostile_values)
        elif op == "delete":
            del parent[key]
        elif op == "add" and isinstance(parent[key], dict):
            parent[key][draw(hostile_text)] = draw(hostile_values)
        elif op == "deepen":
            value = parent[key]
            for _ in range(draw(st.integers(1, 80))):
                value = [value]
            parent[key] = value
        elif op == "copy" and isinstance(parent, list) and parent:
            parent.append(copy.deepcopy(parent[key]))
        elif op == "listify":
            parent[key] = [parent[key]]
    return data


SNIPPETS = [
    "x: !!bool maybe\n",
    "x: !!float ''\n",
    "x: !!int ''\n",
    "x: !!python/object:os.system 'true'\n",
    "x: !!binary aGVsbG8=\n",
    "x: !custom 1\n",
    "a: &a [1, 2]\nb: *a\n",
    "<<: {id: other}\n",
    "? [complex, key]\n: 1\n",
    "id: twice\n",
    "---\nsecond: document\n",
    "x: *undefined\n",
    "x: \x00\n",
    "x: \x1b[31m\n",
    "\tx: tab\n",
    "x: " + "9" * 400 + "\n",
    "x: 1.0e+308\n",
    "x: [" * 70 + "]" * 70 + "\n",
    "x: " + "{a: " * 70 + "1" + "}" * 70 + "\n",
    "x: '\\ud800'\n",
    'x: "\\ud800"\n',
    "x: 2025-13-31\n",
]


@st.composite
def mutated_text(draw: st.DrawFn, raw: bytes) -> bytes:
    """`raw` with a hostile snippet spliced in, or cut short, or a byte changed."""
    op = draw(st.sampled_from(["splice", "splice", "truncate", "byte", "alias-bomb"]))
    if op == "truncate":
        return raw[: draw(st.integers(0, max(len(raw) - 1, 0)))]
    if op == "byte":
        at = draw(st.integers(0, max(len(raw) - 1, 0)))
        return raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1 :]
    lines = raw.split(b"\n")
    at = draw(st.integers(0, len(lines)))
    if op == "alias-bomb":
        size, copies = draw(st.sampled_from([(10**5, 100), (10**6, 20), (1000, 5000)]))
        snippet = f"pad: &p '{'x' * size}'\nrefs: [{', '.join(['*p'] * copies)}]\n"
        at = 0  # top level, so it is parsed (and expanded) rather than a syntax error
    else:
        snippet = draw(st.sampled_from(SNIPPETS))
        indent = draw(st.sampled_from(["", "  ", "    "]))
        snippet = "".join(indent + line + "\n" for line in snippet.splitlines())
    return b"\n".join([*lines[:at], snippet.encode("utf-8", "surrogatepass"), *lines[at:]])


def dump(data: Any) -> bytes:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096).encode(
        "utf-8", "surrogatepass"
    )


@st.composite
def decision_sets(draw: st.DrawFn) -> dict[str, Any]:
    """A payload for targets.decision_set: the bundled set (or the small commute set) broken."""
    files = dict(draw(st.sampled_from([SET_FILES, COMMUTE_FILES])))
    yaml_names = sorted(n for n in files if n.endswith(".yaml"))
    name = draw(st.sampled_from(yaml_names))
    payload: dict[str, Any] = {"files": files}
    level = draw(st.sampled_from(["data", "data", "text", "folder"]))
    if level == "data":
        files[name] = dump(draw(mutated_data(yaml.safe_load(files[name]))))
    elif level == "text":
        files[name] = draw(mutated_text(files[name]))
    else:
        kind = draw(st.sampled_from(["dangling", "loop", "outside", "fifo", "dir", "long"]))
        target = draw(st.sampled_from([name, "extra.yaml"]))
        if kind == "dangling":
            payload["links"] = {target: "nowhere.yaml"}
        elif kind == "loop":
            payload["links"] = {target: target}
        elif kind == "outside":
            payload["links"] = {target: "/etc/hostname"}
        elif kind == "fifo":
            payload["fifos"] = [target]
        elif kind == "dir":
            payload["dirs"] = [target]
        else:
            files["n" * 250 + ".yaml"] = files[name]
    return payload


@st.composite
def profiles(draw: st.DrawFn) -> bytes:
    raw = draw(st.sampled_from(PROFILES))
    if draw(st.booleans()):
        return dump(draw(mutated_data(yaml.safe_load(raw))))
    return draw(mutated_text(raw))


def pack(text: bytes) -> str:
    """A well-formed share code around any payload (what a buggy or hostile tool could send)."""
    packed = zlib.compress(text, 9)
    body = zlib.crc32(packed).to_bytes(4, "big") + packed
    return "PX2-" + base64.b32encode(body).decode("ascii").rstrip("=")


JSON_SNIPPETS = [
    '"x":' + "[" * 5000 + "]" * 5000,
    '"x":' + "[" * 65 + "]" * 65,
    '"name":"twice"',
    '"name":"\\ud800"',
    '"x":NaN',
    '"x":1e999',
    '"x":' + "9" * 400,
    '"weights":{"a":1e308,"b":1e308}',
    '"x":"' + "y" * 300_000 + '"',
]


@st.composite
def share_codes(draw: st.DrawFn) -> str:
    data = yaml.safe_load(draw(st.sampled_from(PROFILES)))
    level = draw(st.sampled_from(["data", "json", "chars"]))
    if level == "data":
        text = json.dumps(draw(mutated_data(data)), ensure_ascii=False).encode(
            "utf-8", "surrogatepass"
        )
        return pack(text)
    text = json.dumps(data, ensure_ascii=False)
    if level == "json":
        snippet = draw(st.sampled_from(JSON_SNIPPETS))
        return pack((text[:-1] + "," + snippet + "}").encode("utf-8"))
    code = pack(text.encode("utf-8"))
    at = draw(st.integers(0, len(code) - 1))
    edit = draw(st.sampled_from(["drop", "change", "insert"]))
    char = draw(st.sampled_from("A7Z2=-x \n"))
    if edit == "drop":
        return code[:at] + code[at + 1 :]
    if edit == "change":
        return code[:at] + char + code[at + 1 :]
    return code[:at] + char + code[at:]
