"""The long-standing import path for weighting profiles; the code lives in explorer.core.profiles.

Kept so `from explorer.core.profile import load_profile, weights_for, Profile, parse_profile`
(the CLI, the robustness command, tests) keeps working.
"""

from explorer.core.profiles.apply import weights_for
from explorer.core.profiles.document import (
    KNOWN_KEYS,
    MAX_PROFILE_BYTES,
    PROFILE_SCHEMA_VERSION,
    Profile,
    load_profile,
    parse_profile,
)

__all__ = [
    "KNOWN_KEYS",
    "MAX_PROFILE_BYTES",
    "PROFILE_SCHEMA_VERSION",
    "Profile",
    "load_profile",
    "parse_profile",
    "weights_for",
]
