"""Share codes: a whole profile as one line of plain text that survives e-mail and chat.

    PX2-<base32 of: CRC32 (4 bytes, big-endian) + zlib(canonical JSON of the profile)>

Base32 (A-Z, 2-7) has no punctuation for a mail client to mangle and reads the same in any case;
whitespace and line breaks picked up while pasting are ignored. The CRC catches any changed,
dropped or added character, and the code must be exactly what this module would write for its
bytes, so a change hidden in the last character's unused bits is refused too. The JSON keeps the
profile's key order (unknown fields included) and is what the file is rebuilt from, so a file the
app wrote comes back byte for byte.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import replace
from typing import Any

from explorer.core.problems import LoadError, Problem
from explorer.core.profiles.document import (
    MAX_PROFILE_BYTES,
    Profile,
    dump_data,
    parse_profile_bytes,
    profile_to_data,
)
from explorer.core.yamlsafe import MAX_DEPTH

FILE = "share code"
_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"

PREFIX = "PX"
CODE_VERSION = 2
MAX_CODE_CHARS = 64 * 1024
_HEADER = re.compile(r"^PX(\d+)-")


class ShareCodeError(ValueError):
    """A pasted code that cannot be trusted; the message says what to do about it."""


def _body(payload: bytes) -> str:
    return base64.b32encode(payload).decode("ascii").rstrip("=")


def encode(profile: Profile) -> str:
    # which app wrote the sender's file is provenance, not content: the file rebuilt from the
    # code records the app that writes it, and the code stays as short as the profile allows
    data = {k: v for k, v in profile_to_data(profile).items() if k != "app_version"}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    packed = zlib.compress(text.encode("utf-8"), 9)
    return f"{PREFIX}{CODE_VERSION}-{_body(zlib.crc32(packed).to_bytes(4, 'big') + packed)}"


def _clean(code: str) -> str:
    return "".join(code.split()).upper()


def _payload(code: str) -> bytes:
    if not code:
        raise ShareCodeError("the share code is empty")
    if len(code) > MAX_CODE_CHARS:
        raise ShareCodeError(f"the share code is over {MAX_CODE_CHARS} characters")
    header = _HEADER.match(code)
    if header is None:
        raise ShareCodeError(f"not a profile share code (they start with {PREFIX}{CODE_VERSION}-)")
    version = int(header.group(1))
    if version > CODE_VERSION:
        raise ShareCodeError(
            f"the share code is format {version}, newer than this app reads "
            f"({CODE_VERSION}); update Policy Options Explorer"
        )
    if version != CODE_VERSION:
        raise ShareCodeError(f"'{PREFIX}{version}-' is not a share-code format this app knows")
    body = code[header.end() :]
    bad = sorted(set(body) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))
    if bad:
        shown = " ".join(repr(c) for c in bad[:5])
        raise ShareCodeError(f"the share code contains characters it cannot have: {shown}")
    try:
        payload = base64.b32decode(body + "=" * (-len(body) % 8))
    except (binascii.Error, ValueError):
        raise ShareCodeError("the share code is damaged or cut off (wrong length)") from None
    if _body(payload) != body:
        raise ShareCodeError("the share code is damaged or cut off")
    return payload


def _unpack(payload: bytes) -> bytes:
    if len(payload) < 5:
        raise ShareCodeError("the share code is cut off")
    checksum, packed = int.from_bytes(payload[:4], "big"), payload[4:]
    if zlib.crc32(packed) != checksum:
        raise ShareCodeError(
            "the share code's checksum does not match: a character was changed, lost or added "
            "on the way; ask for the code again or copy it exactly"
        )
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(packed, MAX_PROFILE_BYTES + 1)
    except zlib.error:
        raise ShareCodeError("the share code is damaged (cannot be unpacked)") from None
    if len(text) > MAX_PROFILE_BYTES or inflater.unconsumed_tail:
        raise ShareCodeError(f"the share code unpacks to over {MAX_PROFILE_BYTES} bytes")
    if not inflater.eof:
        raise ShareCodeError("the share code is cut off")
    return text


def decode(code: str) -> Profile:
    """The profile in a pasted code, validated exactly like a profile file.

    Raises ShareCodeError for a damaged code, LoadError for an intact code whose profile is
    invalid (made by hand, or by a buggy tool).
    """
    text = _unpack(_payload(_clean(code)))
    try:
        data = json.loads(text.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except RecursionError:
        raise LoadError(
            [Problem(FILE, 1, "", f"nested more than {MAX_DEPTH} levels deep")]
        ) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise ShareCodeError(f"the share code does not hold a profile ({exc})") from None
    if not isinstance(data, dict):
        raise ShareCodeError("the share code does not hold a profile")
    if _deeper_than(data, MAX_DEPTH):
        raise LoadError([Problem(FILE, 0, "", _TOO_DEEP)])
    try:  # JSON's \ud800 escapes can spell a lone surrogate, which no file can hold
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ShareCodeError("the share code holds text that is not valid Unicode") from None
    # Held to exactly the rules of a profile file by becoming one: the same text a save would
    # write, read back by the same reader (size cap, depth, expansion, keys).
    raw = dump_data(data).encode("utf-8")
    try:
        return parse_profile_bytes(raw, FILE)
    except LoadError as exc:  # lines of the rebuilt text mean nothing to whoever pasted a code
        raise LoadError([replace(p, line=0) for p in exc.problems + exc.warnings]) from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")  # YAML refuses them too
            seen.add(key)
    return out


def _deeper_than(data: Any, limit: int) -> bool:
    """Nesting depth checked without recursion (the payload may be nested thousands deep)."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return False
