"""Check one file's bytes: structure first, then the header's data against the schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeGuard

from .document import Document, FrontMatterError, line_and_column, split
from .findings import Finding
from .options import CheckOptions
from .quick.header import read_header
from .schema import Schema

# The YAML parser (libyaml, through yaml_tree) and the finding builder are imported when a header
# needs them: a process whose headers are all plain never loads PyYAML, and one whose headers are
# also all valid never loads the finding builder.
if TYPE_CHECKING:
    from .fixes import FixContext, Plan
    from .style.settings import FormatSettings
    from .tree import Mapping, Node, Span
    from .yaml_tree import Composed


_FRONT_MATTER_CODES = {"encoding": "FM003", "unclosed": "FM002", "too-large": "FM009"}
_DATA_PROBLEM_CODES = {
    "duplicate-key": "FM005",
    "unsupported-tag": "FM007",
    "bad-tagged-value": "FM011",
    "complex-key": "FM012",
}


@dataclass
class Analysis:
    """All a check learnt about a file; the fixer starts from here."""

    document: Document | None
    composed: Composed | None = None
    plain_root: Mapping | None = None  # a plain header's nodes, made without libyaml
    data: Any = None
    findings: list[Finding] = field(default_factory=list)
    parse_later: bool = False  # the header was read without libyaml: compose it when asked
    # The fix planned for each finding, by the finding's id (`fixes.mark_fixable`), and the
    # context they were planned in: the fixer uses these rather than work them out again.
    plans: dict[int, Plan] = field(default_factory=dict)
    fix_context: FixContext | None = None

    @property
    def root(self) -> Node | None:
        """The header's nodes with their spans, made on first use."""
        if self.plain_root is not None:
            return self.plain_root
        if self.parse_later and self.document is not None:
            from .yaml_tree import compose_raw

            self.parse_later = False
            self.composed = compose_raw(self.document.header)
        return self.composed.tree if self.composed is not None else None

    @property
    def checked_against_schema(self) -> bool:
        return isinstance(self.data, dict)


def analyse(data: bytes, schema: Schema, options: CheckOptions | None = None) -> Analysis:
    options = options or CheckOptions()
    try:
        document = split(data, max_header_bytes=options.max_header_bytes)
    except FrontMatterError as error:
        return Analysis(
            None,
            findings=[
                _at_offset(data, _FRONT_MATTER_CODES[error.kind], error.message, error.offset)
            ],
        )
    analysis = Analysis(document)
    if not document.has_front_matter:
        if options.require_front_matter:
            analysis.findings.append(
                Finding(
                    "FM001", "the file has no front matter (a header between --- lines)", 1, 1, 1, 1
                )
            )
        return analysis
    if document.format != "yaml":
        analysis.findings.append(
            Finding(
                "FM010",
                "TOML front matter (+++) is not supported yet; the header was not checked",
                1,
                1,
                1,
                4,
            )
        )
        return analysis
    _check_yaml_header(analysis, document, schema, options)
    analysis.findings.sort(key=lambda finding: finding.sort_key)
    if analysis.findings and analysis.checked_against_schema and _is_mapping(analysis.root):
        from .fixes import FixContext, mark_fixable

        context = FixContext(
            document.header, document.newline, analysis.root, schema, options.style
        )
        analysis.findings, analysis.plans = mark_fixable(analysis.findings, context)
        analysis.fix_context = context
    if options.style is not None:
        _check_style(analysis, schema, options.style)
    return analysis


def _check_style(analysis: Analysis, schema: Schema, settings: FormatSettings) -> None:
    """Add the style rules' findings, each carrying its fix. They judge a header that parses into
    a mapping, so their edits can be verified like any fix (same data, no new finding)."""
    from .style import style_findings

    document, root = analysis.document, analysis.root
    if document is None or not _is_mapping(root) or not analysis.checked_against_schema:
        return
    found = style_findings(document, root, schema, settings)
    if found:
        analysis.findings = sorted([*analysis.findings, *found], key=lambda f: f.sort_key)


def _check_yaml_header(
    analysis: Analysis, document: Document, schema: Schema, options: CheckOptions
) -> None:
    first_line = 2  # the opening fence is line 1
    # A plain header's data, read without libyaml: what plain_data() would give (tests prove it).
    data = read_header(document.header)
    valid = data is not None and schema.is_valid(data)
    if valid and options.style is None:  # nothing to locate, and no style rule needs the nodes
        analysis.data, analysis.parse_later = data, True
        return
    from .schema_findings import Locator, schema_findings

    if data is not None:  # plain: its nodes are made without libyaml (tests prove them libyaml's)
        from .quick.nodes import read_nodes

        analysis.plain_root = read_nodes(document.header)
        if analysis.plain_root is not None:
            analysis.data = data
            if not valid:
                locator = Locator(document.header, analysis.plain_root, first_line)
                analysis.findings.extend(schema_findings(data, schema, locator))
            return
    from .tree import Mapping
    from .yaml_tree import Builder, HeaderTooDeep, TooComplex, YamlSyntaxError, compose_raw

    try:
        composed = compose_raw(document.header)
    except YamlSyntaxError as error:
        line = first_line + error.line
        too_deep = isinstance(error, HeaderTooDeep)
        analysis.findings.append(
            Finding(
                "FM008" if too_deep else "FM004",
                error.message if too_deep else f"YAML syntax error: {error.message}",
                line,
                error.column + 1,
                line,
                error.column + 2,
            )
        )
        return
    analysis.composed = composed
    if composed is None or not composed.is_mapping:
        analysis.findings.append(_not_a_mapping(analysis.root, first_line))
        return
    if data is None:  # not plain: libyaml's nodes give the data, unless there is more to say
        data = composed.plain_data(options.value_budget)
        valid = data is not None and schema.is_valid(data)
    if valid:
        analysis.data = data
        return
    root = composed.tree
    assert isinstance(root, Mapping)
    locator = Locator(document.header, root, first_line)
    if data is not None:  # plain data means no tag, duplicate or complex key to report
        analysis.data = data
        analysis.findings.extend(schema_findings(data, schema, locator))
        return
    builder = Builder(budget=options.value_budget, first_line=first_line)
    try:
        built = builder.build(root)
    except TooComplex as error:
        analysis.findings.append(Finding("FM008", str(error), *locator.fence_position()))
        return
    except RecursionError:
        analysis.findings.append(
            Finding("FM008", "the header nests too deeply", *locator.fence_position())
        )
        return
    for problem in builder.problems:
        analysis.findings.append(
            Finding(
                _DATA_PROBLEM_CODES[problem.kind],
                problem.message,
                *locator.position(problem.node.span),
            )
        )
    analysis.data = built
    data = built
    # A value whose tag was refused is reported once, not again by the schema.
    refused = [
        p.node.span for p in builder.problems if p.kind in ("unsupported-tag", "bad-tagged-value")
    ]
    analysis.findings.extend(
        finding
        for finding in schema_findings(data, schema, locator)
        if not _inside_any(finding, refused)
    )


def _inside_any(finding: Finding, spans: list[Span]) -> bool:
    node = getattr(finding.detail, "value_node", None)
    if node is None or not spans:
        return False
    return any(span.start <= node.span.start and node.span.end <= span.end for span in spans)


def _is_mapping(node: Node | None) -> TypeGuard[Mapping]:
    from .tree import Mapping

    return isinstance(node, Mapping)


def _not_a_mapping(root: Node | None, first_line: int) -> Finding:
    from .tree import Sequence

    if root is None:
        return Finding(
            "FM006", "the header is empty; expected a mapping of keys to values", 1, 1, 1, 4
        )
    what = "a list" if isinstance(root, Sequence) else "a single value"
    line, col = first_line + root.span.start_line, root.span.start_col + 1
    return Finding(
        "FM006",
        f"the header is {what}; expected a mapping of keys to values",
        line,
        col,
        line,
        col + 1,
    )


def _at_offset(data: bytes, code: str, message: str, offset: int) -> Finding:
    line, column = line_and_column(data, offset)
    return Finding(code, message, line, column, line, column + 1)
