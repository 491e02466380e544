"""The catalogue of rule codes: what each checks, why, an example, and how its fix behaves.

Codes are stable. `FM` codes are about the front matter's structure (it cannot be read as data);
`SC` codes are schema violations found in readable data; `ST` codes are the formatter's style
rules (off until `[format]` turns them on); `DR` codes are about inline `# mdlint:` directives;
`IN` is mdlint's own failure.
`mdlint rule CODE` and the README's table are made from this one list.
"""

from __future__ import annotations

from .records import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import Literal

    FixKind = Literal["safe", "unsafe", "safe or unsafe", "none"]


class Rule(NamedTuple):
    code: str
    name: str
    summary: str
    why: str
    example: str
    fix: FixKind = "none"


RULES: tuple[Rule, ...] = (
    Rule(
        "FM001",
        "no-front-matter",
        "The file has no front matter.",
        "Every article needs a header for the site generator to know its title and date.",
        "# Hello\n\nA post without a header.",
    ),
    Rule(
        "FM002",
        "unclosed-front-matter",
        "The opening `---` fence is never closed.",
        "Without a closing fence the whole file is read as the header, or the header is ignored.",
        "---\ntitle: Hello\n\n# Hello",
    ),
    Rule(
        "FM003",
        "not-utf8",
        "The header is not UTF-8 text (a bad byte, UTF-16, NUL bytes).",
        "Site generators read UTF-8; a stray byte shows up as garbage or breaks the build.",
        "---\ntitle: Caf\\xe9\n---",
    ),
    Rule(
        "FM004",
        "yaml-syntax-error",
        "The header is not valid YAML.",
        "The generator cannot read any of the header's values.",
        '---\ntitle: "unclosed\n---',
    ),
    Rule(
        "FM005",
        "duplicate-key",
        "A key appears twice in the same mapping.",
        "YAML forbids it and generators disagree on which value wins.",
        "---\ntitle: One\ntitle: Two\n---",
    ),
    Rule(
        "FM006",
        "header-not-mapping",
        "The header is empty, or a list or a scalar, not a mapping.",
        "Front matter is a set of named fields; anything else carries no usable data.",
        "---\n- title\n---",
    ),
    Rule(
        "FM007",
        "unsupported-tag",
        "A YAML tag that mdlint does not construct (`!!python/...`, `!custom`).",
        "Tags can make a loader build objects or run code; mdlint never does, and generators may not either.",
        "---\ntitle: !!python/object:os.system x\n---",
    ),
    Rule(
        "FM008",
        "header-too-complex",
        "The header expands to too many values or nests too deeply.",
        "An alias bomb (a few lines that expand to millions of items) would exhaust memory.",
        "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\n---",
    ),
    Rule(
        "FM009",
        "header-too-large",
        "The header is larger than the size limit (1 MB by default).",
        "A header that large is almost always a missing closing fence or a pasted file.",
        "---\n(a million lines)\n---",
    ),
    Rule(
        "FM010",
        "unsupported-front-matter-format",
        "The front matter is TOML (`+++`), which mdlint does not read yet.",
        "Only YAML headers are checked; this file was not checked against the schema.",
        "+++\ntitle = 'Hello'\n+++",
    ),
    Rule(
        "FM011",
        "bad-tagged-value",
        "A value does not fit the tag written before it (`!!int abc`).",
        "The loader would fail or guess.",
        "---\nweight: !!int ten\n---",
    ),
    Rule(
        "FM012",
        "complex-key",
        "A list or mapping is used as a key.",
        "Such keys have no JSON equivalent, so the header cannot be checked against a JSON Schema.",
        "---\n? [a, b]\n: value\n---",
    ),
    Rule(
        "SC001",
        "wrong-type",
        "A value has the wrong type (text where a boolean, number or list belongs).",
        'Generators treat `"false"` (text) as true, and a scalar where a list belongs as one odd item.',
        '---\ncomments: "false"\ncategories: Markets\n---',
        "safe or unsafe",
    ),
    Rule(
        "SC002",
        "value-not-allowed",
        "A value is not one of the values the schema allows.",
        "The theme only understands its own values; `Right` is not `right`.",
        '---\nsidebar: "Right"\n---',
        "safe or unsafe",
    ),
    Rule(
        "SC003",
        "pattern-mismatch",
        "A text value does not match the required pattern (dates, language tags).",
        "A date in another format is read wrongly or not at all; `EN` is not a language tag.",
        '---\ndate: "2025/02/08"\nlang:\n  - "EN"\n---',
        "safe or unsafe",
    ),
    Rule(
        "SC004",
        "bad-format",
        "A value does not have the format the schema names (`email`, `uri`, `date-time`).",
        "Malformed links and dates break pages silently.",
        '---\nurl: "not a uri"\n---',
    ),
    Rule(
        "SC005",
        "missing-key",
        "A required key is missing.",
        "Pages without a title or date sort and display wrongly.",
        '---\ndate: "2025-02-08 16:00:00"\n---',
        "unsafe",
    ),
    Rule(
        "SC006",
        "unknown-key",
        "A key the schema does not define (often a typo).",
        "A misspelt key is silently ignored by the generator: `catgories` never sets the categories.",
        '---\ncatgories:\n  - "Markets"\n---',
        "unsafe",
    ),
    Rule(
        "SC007",
        "duplicate-item",
        "A list that must hold unique items repeats one.",
        "Repeated widgets render twice; repeated tags count twice.",
        '---\nwidgets:\n  - "search"\n  - "search"\n---',
        "safe",
    ),
    Rule(
        "SC008",
        "out-of-range",
        "A value is too short, too long, too small or too large (or a list has too few or too many items).",
        "An empty title renders as a blank link.",
        '---\ntitle: ""\n---',
    ),
    Rule(
        "SC009",
        "schema-violation",
        "Another schema rule is violated (`not`, `oneOf` matching twice, `contains`, ...).",
        "The schema's author asked for it; the message quotes the schema's own words.",
        "",
    ),
    Rule(
        "ST001",
        "key-order",
        "A top-level key is out of the configured order (`key-order`: the schema's or a list).",
        "Headers in one order are quicker to read and review; a key moves with its value and the comments above it.",
        '---\ndate: "2025-02-08 16:00:00"\ntitle: "Hello"\n---',
        "safe",
    ),
    Rule(
        "ST002",
        "quote-style",
        "A string value is not in the configured quotes (`quote-style`: double, single or plain).",
        "Mixed quoting hides real differences; plain text is used only where every YAML reader reads the same string.",
        "---\ntitle: 'Hello'\nsummary: Plain text\n---",
        "safe",
    ),
    Rule(
        "ST003",
        "list-style",
        "A list is not in the configured style (`list-style`: block `- item` lines or flow `[a, b]`).",
        "One list layout across a site keeps diffs small and headers alike.",
        '---\ntags: ["markets", "oil"]\n---',
        "safe",
    ),
    Rule(
        "ST004",
        "list-indent",
        "A block list's `-` is not `list-indent` columns (0, 2 or 4) right of its key.",
        "Mixed indentation makes headers hard to edit by hand and to diff.",
        '---\ntags:\n    - "markets"\n---',
        "safe",
    ),
    Rule(
        "ST005",
        "space-after-colon",
        "Not exactly one space after `key:` (or blanks before the colon).",
        "`key:   value` and `key :value` read as noise; one space is the YAML norm.",
        '---\ntitle:    "Hello"\n---',
        "safe",
    ),
    Rule(
        "ST006",
        "trim-trailing-whitespace",
        "A front-matter line ends with spaces or tabs.",
        "Invisible trailing blanks make noisy diffs; inside block scalars they are text and are left alone.",
        '---\ntitle: "Hello"   \n---',
        "safe",
    ),
    Rule(
        "ST007",
        "max-blank-lines",
        "More blank lines in a row inside the header than `max-blank-lines` allows.",
        "Blank lines split a header into parts that are not there; blank lines inside a multi-line value are kept.",
        '---\ntitle: "Hello"\n\ndate: "2025-02-08 16:00:00"\n---',
        "safe",
    ),
    Rule(
        "ST008",
        "blank-lines-after-header",
        "Not exactly `blank-lines-after-header` blank lines between the closing fence and the body.",
        "A fixed gap under the header keeps every article's source alike; only those blank lines change.",
        '---\ntitle: "Hello"\n---\n# Hello',
        "safe",
    ),
    Rule(
        "ST009",
        "closing-fence",
        "The header is closed with `...` instead of `---`.",
        "Generators accept both, but one spelling is easier to grep and to edit.",
        '---\ntitle: "Hello"\n...',
        "safe",
    ),
    Rule(
        "DR001",
        "unknown-code-in-directive",
        "An inline `# mdlint:` directive names a rule code or prefix that does not exist.",
        "A misspelt code silences nothing, so the finding it was meant for is still reported, or the directive hides a mistake.",
        "---\ncatgories: [a]  # mdlint: disable=SC06\n---",
    ),
    Rule(
        "DR002",
        "unused-directive",
        "An inline `# mdlint:` directive silences nothing.",
        "A stale directive would silently hide the next real problem on its line; remove it.",
        '---\ntitle: "Hello"  # mdlint: disable=SC001\n---',
    ),
    Rule(
        "DR003",
        "malformed-directive",
        "A comment starting with `# mdlint:` is not a directive mdlint can read.",
        "A directive with a typo (`disabel=`) silences nothing, while it looks like it does.",
        "---\ntitle: x  # mdlint: disabel=SC001\n---",
    ),
    Rule(
        "IN001",
        "internal-error",
        "mdlint failed on this file; please report it with the file.",
        "A bug in mdlint must never pass a file silently.",
        "",
    ),
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def markdown_table() -> str:
    """The README's rule table (a test keeps the README in step with this list)."""
    lines = ["| code | name | what it reports | fix |", "|---|---|---|---|"]
    for rule in RULES:
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| `{rule.code}` | {rule.name} | {summary} | {rule.fix} |")
    return "\n".join(lines)
