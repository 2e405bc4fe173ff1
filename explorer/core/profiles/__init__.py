"""Weighting profiles: the file format, the on-disk library, share codes, and comparisons.

- document: Profile, parse/load (older formats migrated), canonical dump
- store / atomic: crash-safe writes with a backup, never over an unreadable file
- library: the folder of profiles (list, save with conflict check, rename, trash/restore)
- sharecode: a whole profile as one checked line of text
- apply: a profile on a decision set, with missing and unknown criteria reported
- compare: rankings side by side, what drives each rank change, the group view
"""

from explorer.core.profiles.apply import (
    AppliedProfile,
    apply_profile,
    profile_from_weights,
    weights_for,
)
from explorer.core.profiles.compare import (
    Comparison,
    Driver,
    GroupView,
    Overtake,
    RankShift,
    combine,
    combine_profiles,
    compare,
    compare_profiles,
)
from explorer.core.profiles.document import (
    KNOWN_KEYS,
    MAX_PROFILE_BYTES,
    MIGRATIONS,
    PROFILE_SCHEMA_VERSION,
    Profile,
    as_written_now,
    dump_profile,
    load_profile,
    parse_profile,
    profile_to_data,
    utc_now,
)
from explorer.core.profiles.library import (
    ENV_VAR,
    ProfileInfo,
    ProfileLibrary,
    TrashEntry,
    filter_infos,
    library_dir,
    read_info,
    slug,
    starter_profiles,
)
from explorer.core.profiles.sharecode import ShareCodeError
from explorer.core.profiles.sharecode import decode as decode_share_code
from explorer.core.profiles.sharecode import encode as share_code
from explorer.core.profiles.store import (
    ProfileConflictError,
    ProfileError,
    ProfileExistsError,
    ProfileNotFoundError,
    write_profile,
)

__all__ = [
    "ENV_VAR",
    "KNOWN_KEYS",
    "MAX_PROFILE_BYTES",
    "MIGRATIONS",
    "PROFILE_SCHEMA_VERSION",
    "AppliedProfile",
    "Comparison",
    "Driver",
    "GroupView",
    "Overtake",
    "Profile",
    "ProfileConflictError",
    "ProfileError",
    "ProfileExistsError",
    "ProfileInfo",
    "ProfileLibrary",
    "ProfileNotFoundError",
    "RankShift",
    "ShareCodeError",
    "TrashEntry",
    "apply_profile",
    "as_written_now",
    "combine",
    "combine_profiles",
    "compare",
    "compare_profiles",
    "decode_share_code",
    "dump_profile",
    "filter_infos",
    "library_dir",
    "load_profile",
    "parse_profile",
    "profile_from_weights",
    "profile_to_data",
    "read_info",
    "share_code",
    "slug",
    "starter_profiles",
    "utc_now",
    "weights_for",
    "write_profile",
]
