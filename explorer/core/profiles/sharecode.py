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

from explorer.core.profiles.document import (
    MAX_PROFILE_BYTES,
    Profile,
    profile_from_doc,
    profile_to_data,
)
from explorer.core.yamlsafe import YamlDoc

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
        data = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ShareCodeError("the share code does not hold a profile") from None
    if not isinstance(data, dict):
        raise ShareCodeError("the share code does not hold a profile")
    return profile_from_doc(YamlDoc("share code", data, {(): 0}))
