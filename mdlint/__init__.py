"""mdlint: check and fix the front matter of Markdown files against a JSON Schema.

The public API is small: `check_text` and `check_file`. Everything else may change.
"""

from __future__ import annotations

from ._version import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from .findings import Finding

__all__ = ["__version__", "check_file", "check_text"]


def check_text(text: str | bytes, schema: str | None = None) -> list[Finding]:
    """The findings for one Markdown file's contents, against `schema` (a path; default: bundled)."""
    from .checker import analyse
    from .schema import load_schema

    data = text.encode("utf-8") if isinstance(text, str) else text
    return analyse(data, load_schema(schema)).findings


def check_file(path: str, schema: str | None = None) -> list[Finding]:
    """The findings for the Markdown file at `path`."""
    with open(path, "rb") as handle:
        return check_text(handle.read(), schema)
