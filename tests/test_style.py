"""The formatter end to end: configuration, the command line, selection and directives, the fix
engine's extra check for style fixes, and fixes that write in the configured style."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mdlint.checker import CheckOptions, analyse
from mdlint.cli import main
from mdlint.config import ConfigError, load_config
from mdlint.document import split
from mdlint.edits import Edit
from mdlint.fixer import fix_bytes
from mdlint.rules import BY_CODE
from mdlint.schema import load_schema
from mdlint.style.base import StyleFix, same_data
from mdlint.style.settings import (
    PRESETS,
    FormatSettingError,
    FormatSettings,
    parse_format_settings,
    parse_option,
)

SCHEMA = load_schema()
MESSY = "---\ntags: [a]\ntitle:   'Hello'  \n\ndate: \"2025-02-08 16:00:00\"\n...\nBody.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(data: bytes | str, settings: FormatSettings | None) -> list[str]:
    raw = data.encode() if isinstance(data, str) else data
    style = settings.resolved() if settings is not None else None
    findings = analyse(raw, SCHEMA, CheckOptions(style=style)).findings
    return [f.code for f in findings if f.code.startswith("ST")]


# --- Settings ----------------------------------------------------------------------------------


def test_every_rule_is_off_until_configured():
    assert codes(MESSY, None) == []
    assert codes(MESSY, FormatSettings()) == []
    assert not FormatSettings().enabled
    assert not FormatSettings(quote_style="preserve", space_after_colon=False).enabled


def test_the_mainroad_preset_turns_on_every_rule():
    from mdlint.style.registry import STYLE_RULES

    preset = PRESETS["mainroad"]
    assert all(rule.enabled(preset) for rule in STYLE_RULES)
    found = codes(MESSY, FormatSettings(style="mainroad"))
    assert set(found) == {"ST001", "ST002", "ST003", "ST005", "ST006", "ST007", "ST008", "ST009"}


@pytest.mark.parametrize(
    "key",
    [
        "key-order",
        "quote-style",
        "list-style",
        "list-indent",
        "space-after-colon",
        "trim-trailing-whitespace",
        "max-blank-lines",
        "blank-lines-after-header",
        "closing-fence",
    ],
)
def test_any_one_key_alone_turns_the_formatter_on(key):
    """Each key set on its own, at its smallest value (0 for counts), is enough."""
    values = {"key-order": "schema", "quote-style": "double", "list-style": "block"}
    values |= {"closing-fence": "---", "space-after-colon": True}
    values |= {"trim-trailing-whitespace": True}
    settings = parse_format_settings({key: values.get(key, 0)})
    assert settings.enabled, key


def test_explicit_keys_override_the_preset():
    settings = parse_format_settings(
        {"style": "mainroad", "quote-style": "single", "max-blank-lines": "preserve"}
    ).resolved()
    assert settings.quote_style == "single"
    assert settings.max_blank_lines == "preserve"
    assert settings.list_indent == 2
    found = codes(MESSY, settings)
    assert "ST007" not in found and "ST001" in found


def test_command_line_keys_override_the_configuration():
    configured = FormatSettings(style="mainroad", quote_style="single")
    merged = configured.merged(FormatSettings(quote_style="plain", list_indent=4)).resolved()
    assert (merged.quote_style, merged.list_indent, merged.key_order) == ("plain", 4, "schema")


@pytest.mark.parametrize(
    "text, key, value",
    [
        ("quote-style=double", "quote-style", "double"),
        ("list-indent=4", "list-indent", 4),
        ("space-after-colon=true", "space-after-colon", True),
        ('key-order=["title", "date"]', "key-order", ["title", "date"]),
        ("style = mainroad", "style", "mainroad"),
    ],
)
def test_format_options_are_read_as_toml_or_as_text(text, key, value):
    assert parse_option(text) == (key, value)


def test_a_format_option_without_equals_is_refused():
    with pytest.raises(FormatSettingError, match="expected KEY=VALUE"):
        parse_option("quote-style")


# --- Configuration errors: exit 2 naming the file, the key and what was expected ----------------


@pytest.mark.parametrize(
    "body, words",
    [
        (
            "quote_style = 'double'",
            ['format.quote_style: unknown key; did you mean "quote-style"?'],
        ),
        ("colour = 1", ["format.colour: unknown key; known keys: style, key-order,"]),
        ("style = 'hugo'", ['format.style: expected "mainroad", found the string "hugo"']),
        ("quote-style = 'smart'", ['format.quote-style: expected "double", "single", "plain"']),
        ("quote-style = true", ["format.quote-style: expected", "found the boolean true"]),
        ("list-style = 'inline'", ['format.list-style: expected "block", "flow" or "preserve"']),
        ("list-indent = 3", ['format.list-indent: expected 0, 2, 4 or "preserve"']),
        ("list-indent = 2.0", ["format.list-indent: expected 0, 2, 4", "the number 2.0"]),
        ("list-indent = '2'", ["format.list-indent: expected", 'the string "2"']),
        (
            "key-order = 'alphabetical'",
            ['format.key-order: expected "schema", "preserve" or a list'],
        ),
        ("key-order = []", ["format.key-order: expected"]),
        ("key-order = ['title', 1]", ["format.key-order[1]: expected a key (a string)"]),
        ("key-order = ['a', 'a']", ['format.key-order: the key "a" is listed twice']),
        ("space-after-colon = 1", ["format.space-after-colon: expected true or false"]),
        ("trim-trailing-whitespace = 'yes'", ["format.trim-trailing-whitespace: expected true"]),
        ("max-blank-lines = -1", ["format.max-blank-lines: expected a whole number, 0 or more"]),
        ("max-blank-lines = true", ["format.max-blank-lines: expected a whole number"]),
        ("blank-lines-after-header = 1.5", ["format.blank-lines-after-header: expected a whole"]),
        ("closing-fence = '...'", ['format.closing-fence: expected "---" or "preserve"']),
    ],
)
def test_bad_format_keys_exit_2_naming_file_key_and_expectation(tmp_path, body, words):
    path = write(tmp_path / "pyproject.toml", f"[tool.mdlint.format]\n{body}\n")
    write(tmp_path / "a.md", "---\ntitle: x\n---\n")
    result = run("check", "--config", str(path), str(tmp_path / "a.md"))
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"mdlint: error: {path.resolve()}: tool.mdlint.format.")
    for word in words:
        assert word in result.output


def test_the_format_table_of_a_dot_mdlint_toml(tmp_path):
    config = load_config(write(tmp_path / ".mdlint.toml", '[format]\nstyle = "mainroad"\n'))
    assert config.format == FormatSettings(style="mainroad")
    with pytest.raises(ConfigError, match=r"\.mdlint\.toml: format\.list-indent: expected"):
        load_config(write(tmp_path / ".mdlint.toml", "[format]\nlist-indent = 8\n"))


def test_a_bad_format_option_on_the_command_line_exits_2(tmp_path):
    write(tmp_path / "a.md", "---\ntitle: x\n---\n")
    result = run("check", "--isolated", "--format-option", "quote-styl=plain", str(tmp_path))
    assert result.exit_code == 2
    assert (
        'mdlint: error: --format-option quote-styl: unknown key; did you mean "quote-style"?'
        in (result.output)
    )
    result = run("check", "--isolated", "--format-option", "list-indent=3", str(tmp_path))
    assert (
        result.exit_code == 2 and "--format-option list-indent: expected 0, 2, 4" in result.output
    )


# --- The command line ----------------------------------------------------------------------------


def test_check_reports_style_findings_as_safely_fixable(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.mdlint.format]\nstyle = "mainroad"\n')
    path = write(tmp_path / "a.md", MESSY)
    result = run(
        "check",
        "--config",
        str(tmp_path / "pyproject.toml"),
        "--output-format",
        "concise",
        str(path),
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f'{path}:3:6: ST005 [*] "title" has 3 spaces after it; write `key: value`' in lines
    assert (
        f"{path}:6:1: ST009 [*] the header is closed with `...`; closing-fence writes `---`"
        in lines
    )
    assert (
        f"{path}:7:1: ST008 [*] 0 blank lines between the header and the body; "
        "blank-lines-after-header is 1" in lines
    )


def test_fix_formats_and_a_second_check_is_clean(tmp_path):
    path = write(tmp_path / "a.md", MESSY)
    result = run("fix", "--isolated", "--format-option", "style=mainroad", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == (
        '---\ntitle: "Hello"\ndate: "2025-02-08 16:00:00"\ntags:\n  - "a"\n---\n\nBody.\n'
    )
    assert run("check", "--isolated", "--format-option", "style=mainroad", str(path)).exit_code == 0
    # Without the formatter, the same file is simply valid.
    assert run("check", "--isolated", str(path)).exit_code == 0


def test_fix_diff_shows_the_formatting(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle:   'Hello'\n---\n\nBody.\n")
    result = run(
        "fix", "--isolated", "--diff", "--format-option", "space-after-colon=true", str(path)
    )
    assert result.exit_code == 1
    assert "-title:   'Hello'\n+title: 'Hello'\n" in result.output
    assert path.read_text(encoding="utf-8") == "---\ntitle:   'Hello'\n---\n\nBody.\n"


def test_show_settings_prints_the_format_in_force(tmp_path):
    write(tmp_path / "mdlint.toml", '[format]\nstyle = "mainroad"\nlist-indent = 4\n')
    result = run("check", "--config", str(tmp_path / "mdlint.toml"), "--show-settings")
    assert 'format: style = "mainroad", key-order = "schema", quote-style = "double"' in (
        result.output
    )
    assert "list-indent = 4" in result.output
    assert "format: (off)" in run("check", "--isolated", "--show-settings").output


def test_rule_explains_a_style_code():
    result = run("rule", "ST004")
    assert result.exit_code == 0
    assert "list-indent" in result.output and "safe" in result.output
    assert BY_CODE["ST008"].fix == "safe"


def test_selection_and_directives_apply_to_style_codes(tmp_path):
    write(tmp_path / "mdlint.toml", '[format]\nstyle = "mainroad"\n')
    path = write(
        tmp_path / "a.md",
        '---\ntitle: "Hello"  # mdlint: disable=ST006\ndate: "2025-02-08 16:00:00"\n---\n\nB\n',
    )
    path.write_text(path.read_text().replace("ST006\n", "ST006   \n"))
    config = str(tmp_path / "mdlint.toml")
    assert run("check", "--config", config, str(path)).exit_code == 0
    # Without the formatter the directive silences nothing, which is reported.
    result = run("check", "--isolated", "--output-format", "concise", str(path))
    assert result.exit_code == 1 and "DR002" in result.output
    # `--ignore` turns style codes off like any other.
    write(tmp_path / "b.md", MESSY)
    result = run("check", "--config", config, "--ignore", "ST", str(tmp_path / "b.md"))
    assert result.exit_code == 0
    # `fix` leaves what is silenced alone.
    assert run("fix", "--config", config, str(path)).exit_code == 0
    assert "ST006   \n" in path.read_text()


# --- The engine ----------------------------------------------------------------------------------


def test_check_costs_nothing_without_a_format(monkeypatch):
    import mdlint.style as style

    def refuse(*args, **kwargs):
        raise AssertionError("the style rules ran without a [format]")

    monkeypatch.setattr(style, "style_findings", refuse)
    analyse(MESSY.encode(), SCHEMA, CheckOptions())
    fix_bytes(MESSY.encode(), SCHEMA, CheckOptions())


def test_a_style_fix_that_would_change_the_data_is_refused(monkeypatch):
    """Even a style rule with a bug cannot change what the header says."""
    from mdlint.style import registry
    from mdlint.style.base import StyleRule

    def bad_check(context):
        node = context.root.pairs[0][1]
        fix = StyleFix((Edit(node.span.start, node.span.end, '"Goodbye"'),), "a bad idea")
        yield context.finding("ST002", "quote", node.span.start, node.span.end, fix)

    rule = StyleRule("ST002", "quote-style", lambda settings: True, bad_check)
    monkeypatch.setattr(registry, "STYLE_RULES", (rule,))
    data = b'---\ntitle: "Hello"\n---\n'
    options = CheckOptions(style=FormatSettings(quote_style="double"))
    result = fix_bytes(data, SCHEMA, options)
    assert result.fixed == data
    refused = [i for i, f in enumerate(result.remaining) if f.code == "ST002"]
    assert len(refused) == 1 and "re-check" in result.refused[refused[0]]


def test_same_data_tells_types_apart():
    assert same_data({"a": [1, "x"]}, {"a": [1, "x"]})
    assert same_data({"a": 1, "b": 2}, {"b": 2, "a": 1})  # key order is not data
    assert not same_data(1, 1.0) and not same_data(1, True) and not same_data("1", 1)
    assert same_data(float("nan"), float("nan"))
    assert not same_data([1], [1, 1]) and not same_data({"a": 1}, {"a": 1, "b": 1})


def test_schema_fixes_write_in_the_configured_style():
    options = CheckOptions(
        style=FormatSettings(quote_style="double", list_style="block", list_indent=4)
    )
    data = b"---\ntitle: Hi\ndate: 2025/02/08\nsidebar: Right\ntags: AI\n---\n"
    fixed = fix_bytes(
        data,
        SCHEMA,
        options,
        visible=lambda a: [f for f in a.findings if not f.code.startswith("ST")],
    ).fixed
    assert fixed == (
        b'---\ntitle: Hi\ndate: "2025-02-08 00:00:00"\nsidebar: "right"\ntags:\n    - "AI"\n---\n'
    )


def test_the_fixer_does_style_and_schema_in_one_run_and_counts_both():
    options = CheckOptions(style=FormatSettings(style="mainroad").resolved())
    data = b"---\npager: yes\ntitle:  Hello\ndate: '2025-02-08 16:00:00'\n---\n\nBody\n"
    result = fix_bytes(data, SCHEMA, options)
    assert result.fixed == (
        b'---\ntitle: "Hello"\ndate: "2025-02-08 16:00:00"\npager: true\n---\n\nBody\n'
    )
    assert result.remaining == [] and result.fixed_count == result.original_count == 6


def test_key_order_is_refused_when_a_kept_block_scalar_would_swallow_blank_lines():
    data = b"---\ntitle: x\n\ndate: |+\n  text\nsummary: s\n---\n"
    options = CheckOptions(style=FormatSettings(key_order=("date", "title", "summary")))
    findings = [f for f in analyse(data, SCHEMA, options).findings if f.code == "ST001"]
    assert findings and all(f.fix is None for f in findings)
    assert "|+" in findings[0].detail.reason


# --- Document: the editable front matter -----------------------------------------------------------


def test_edits_reach_both_fences_and_the_blank_lines_under_the_header():
    data = b"\xef\xbb\xbf--- \r\ntitle: x\r\n...\r\n\r\n\r\nBody \xff bytes\r\n"
    document = split(data)
    assert document.tail == "...\r\n\r\n\r\n"
    lead = -len("--- \r\n")
    edits = [
        Edit(lead + 3, lead + 4, ""),  # the opening fence's trailing blank
        Edit(len(document.header), len(document.header) + 3, "---"),
        Edit(len(document.header) + 5, len(document.header) + 7, ""),
    ]
    assert document.with_edits(edits) == (
        b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n\r\nBody \xff bytes\r\n"
    )
    assert document.with_edits([]) == data


def test_reading_the_head_takes_in_the_blank_lines_under_the_header(tmp_path):
    from mdlint.document import read_head

    path = tmp_path / "a.md"
    header = b"---\ntitle: x\n---\n"
    path.write_bytes(header + b"\n" * (70_000 - len(header)) + b"Body\n")
    data = read_head(str(path), max_header_bytes=1_000_000)
    assert data.endswith(b"Body\n")
    options = CheckOptions(style=FormatSettings(blank_lines_after_header=1))
    finding = next(f for f in analyse(data, SCHEMA, options).findings if f.code == "ST008")
    assert finding.message.startswith(f"{70_000 - len(header)} blank lines")


def test_a_renamed_key_is_put_in_its_place_in_the_same_run():
    options = CheckOptions(style=FormatSettings(key_order="schema"))
    data = b'---\ntitle: "x"\ndate: "2025-02-08 16:00:00"\ntags: ["a"]\ncatgories: ["b"]\n---\n'
    result = fix_bytes(data, SCHEMA, options, unsafe=True)
    assert result.fixed == (
        b'---\ntitle: "x"\ndate: "2025-02-08 16:00:00"\ncategories: ["b"]\ntags: ["a"]\n---\n'
    )


def test_fix_says_why_a_style_finding_is_left_alone(tmp_path):
    path = write(tmp_path / "a.md", '---\ntitle: "x"\ntags: [a,  # first\n  b]\n---\n\nBody\n')
    result = run(
        "fix",
        "--isolated",
        "--output-format",
        "concise",
        "--format-option",
        "list-style=block",
        str(path),
    )
    assert result.exit_code == 1
    assert 'ST003 the list "tags" is written in flow style' in result.output
    assert "(not fixed: a comment sits inside the list)" in result.output
