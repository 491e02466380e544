"""The one hash mdlint keys its cache with: BLAKE2b, hex-encoded.

Taken from `_blake2`, CPython's own module behind `hashlib.blake2b`, because importing hashlib
loads OpenSSL (about 3 ms, a tenth of a warm run's start-up) for hashes mdlint never uses.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # another Python implementation
    from hashlib import blake2b


def hex_digest(data: bytes, size: int = 32) -> str:
    """The BLAKE2b digest of `data`, `size` bytes long, in hexadecimal."""
    return blake2b(data, digest_size=size).hexdigest()
