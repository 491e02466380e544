"""Fix over built, mutated and random files: it never raises, never touches the body, is
idempotent, and what it changes still parses to the same data outside the values it fixed."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdlint.checker import analyse
from mdlint.document import FrontMatterError, split
from mdlint.fixer import fix_bytes

from .test_fuzz_check import SCHEMA, headers, mutated

FIX = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def top_level_paths(findings: list[Any]) -> set[str]:
    return {f.json_path.split("[")[0].split(".")[0] for f in findings}


def assert_fix_is_safe(data: bytes, unsafe: bool) -> None:
    result = fix_bytes(data, SCHEMA, unsafe=unsafe)
    fixed = result.fixed
    assert fix_bytes(fixed, SCHEMA, unsafe=unsafe).fixed == fixed  # idempotent
    if not result.changed:
        return
    before, after = split(data), split(fixed)
    assert after.body == before.body and after.has_bom == before.has_bom
    old = analyse(data, SCHEMA)
    new = analyse(fixed, SCHEMA)
    assert isinstance(new.data, dict)
    touched = top_level_paths(result.applied)
    for key, value in old.data.items():
        if key not in touched and not any(t.startswith(key) or key.startswith(t) for t in touched):
            assert new.data.get(key, "<gone>") == value, key


@FIX
@given(headers(), st.booleans())
def test_fix_on_built_headers(data: bytes, unsafe: bool) -> None:
    assert_fix_is_safe(data, unsafe)


@FIX
@given(mutated(), st.booleans())
def test_fix_on_mutated_files(data: bytes, unsafe: bool) -> None:
    try:
        split(data)
    except FrontMatterError:
        assert fix_bytes(data, SCHEMA, unsafe=unsafe).fixed == data
        return
    assert_fix_is_safe(data, unsafe)


@FIX
@given(st.binary(max_size=400))
def test_fix_on_random_bytes_changes_nothing_it_cannot_read(data: bytes) -> None:
    result = fix_bytes(b"---\n" + data + b"\n---\nbody", SCHEMA, unsafe=True)
    assert result.fixed.endswith(b"\n---\nbody")
