"""The formatter: opt-in style rules for the front matter, reported by `check`, applied by `fix`.

One module per rule (yamllint's model): an ID, the settings that turn it on, and a `check()`
that yields findings carrying their fix (`base.StyleFix`). `style_findings` runs the rules a
file's settings turn on; the checker calls it only when `[format]` is configured, so a project
without one pays nothing. The fix engine (`mdlint.fixer`) applies style fixes after the schema
fixes and keeps them only if the header's data is exactly what it was.

Importing this package is cheap (the configuration loader reads `style.settings` on every run);
the rules are imported when a file is checked with a format configured.

| code  | rule                     | setting                               |
|-------|--------------------------|---------------------------------------|
| ST001 | key-order                | `key-order = "schema"` or a key list  |
| ST002 | quote-style              | `quote-style = "double"`, ...         |
| ST003 | list-style               | `list-style = "block"` or `"flow"`    |
| ST004 | list-indent              | `list-indent = 0`, `2` or `4`         |
| ST005 | space-after-colon        | `space-after-colon = true`            |
| ST006 | trim-trailing-whitespace | `trim-trailing-whitespace = true`     |
| ST007 | max-blank-lines          | `max-blank-lines = N`                 |
| ST008 | blank-lines-after-header | `blank-lines-after-header = N`        |
| ST009 | closing-fence            | `closing-fence = "---"`               |
"""

from __future__ import annotations

from .settings import FormatSettings

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from ..document import Document
    from ..findings import Finding
    from ..schema import Schema
    from ..tree import Mapping

__all__ = ["FormatSettings", "style_findings"]


def style_findings(
    document: Document, root: Mapping, schema: Schema, settings: FormatSettings
) -> list[Finding]:
    """The findings of the style rules that `settings` (resolved: preset applied) turn on."""
    from .base import StyleContext
    from .registry import STYLE_RULES

    rules = [rule for rule in STYLE_RULES if rule.enabled(settings)]
    if not rules:
        return []
    context = StyleContext(document, root, schema, settings)
    return [finding for rule in rules for finding in rule.check(context)]
