"""Inline `# mdlint:` directives: what each silences, and the findings about directives themselves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdlint.cli import main
from mdlint.directives import apply_directives, scan_directives
from mdlint.findings import Finding

# `draft` must be a boolean, `weight` an integer; any other key is unknown (SC006).
SCHEMA = {
    "type": "object",
    "properties": {"draft": {"type": "boolean"}, "weight": {"type": "integer"}, "title": {}},
    "additionalProperties": False,
}


@pytest.fixture
def check(tmp_path):
    """Check one header against SCHEMA; the findings as `LINE:COL CODE` strings."""
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(SCHEMA))

    def run(header: str, *extra: str, newline: str = "\n") -> list[str]:
        path = tmp_path / "a.md"
        text = "---\n" + header + "---\nbody\n"
        path.write_bytes(text.replace("\n", newline).encode())
        args = ["check", "--isolated", "-q", "--output-format", "concise", "--schema", str(schema)]
        result = CliRunner().invoke(main, [*args, *extra, str(path)], catch_exceptions=False)
        assert result.exit_code in (0, 1), result.output
        return [
            " ".join(re.match(r".*?:(\d+):(\d+): (\w+)", line).groups())  # type: ignore[union-attr]
            for line in result.output.splitlines()
        ]

    return run


def at(*places: str) -> list[str]:
    """Expected findings, each `LINE COL CODE`."""
    return list(places)


BROKEN = "draft: 'no'\nextra: 1\n"  # SC001 on line 2, SC006 on line 3


def test_without_directives_both_problems_are_reported(check):
    assert check(BROKEN) == at("2 8 SC001", "3 1 SC006")


def test_disable_at_the_end_of_a_line_silences_that_code_on_that_line(check):
    header = "draft: 'no'  # mdlint: disable=SC001\nextra: 1\n"
    assert check(header) == at("3 1 SC006")


def test_disable_takes_several_codes_and_prefixes_in_any_case(check):
    assert check(
        "draft: 'no'  # mdlint: disable=FM001, sc0\nextra: 1  # mdlint: disable=SC\n"
    ) == at("2 14 DR002")


def test_disable_without_codes_silences_every_code_on_its_line(check):
    assert check("draft: 'no'  # mdlint: disable\nextra: 1\n") == at("3 1 SC006")


def test_disable_does_not_reach_other_lines(check):
    header = "draft: 'no'\nextra: 1\nweight: 1  # mdlint: disable=SC001,SC006\n"
    assert check(header) == at("2 8 SC001", "3 1 SC006", "4 12 DR002")


def test_disable_next_line(check):
    header = "# mdlint: disable-next-line=SC001\ndraft: 'no'\nextra: 1\n"
    assert check(header) == at("4 1 SC006")


def test_disable_next_line_silences_only_the_next_line(check):
    header = "# mdlint: disable-next-line=SC006\n\nextra: 1\n"
    assert check(header) == at("2 1 DR002", "4 1 SC006")


def test_disable_file_silences_everything(check):
    assert check(BROKEN + "# mdlint: disable-file\n") == []


def test_disable_file_with_codes(check):
    assert check("# mdlint: disable-file=SC006\n" + BROKEN + "more: 2\n") == at("3 8 SC001")


def test_disable_file_silences_findings_at_the_fence(tmp_path):
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps({"type": "object", "required": ["title"]}))
    path = tmp_path / "a.md"
    path.write_text("---\n# mdlint: disable-file=SC005\nx: 1\n---\n")
    result = CliRunner().invoke(main, ["check", "--isolated", "--schema", str(schema), str(path)])
    assert result.exit_code == 0, result.output


def test_a_reason_may_follow_the_codes(check):
    assert check("draft: 'no'  # mdlint: disable=SC001 the theme reads text\n") == []


def test_a_directive_after_another_comment_on_the_line(check):
    assert check("draft: 'no'  # legacy  # mdlint: disable=SC001\n") == []


# --- Findings about directives -------------------------------------------------------------------


def test_unknown_code_is_dr001_and_the_known_ones_still_apply(check):
    header = "draft: 'no'  # mdlint: disable=SC001,SC999\nextra: 1  # mdlint: disable=XX\n"
    assert check(header) == at("2 14 DR001", "3 1 SC006", "3 11 DR001")


def test_unused_directive_is_dr002(check):
    assert check("weight: 1  # mdlint: disable=SC001\n") == at("2 12 DR002")


def test_partly_unused_directive_names_the_idle_code(tmp_path):
    header = "draft: 'no'  # mdlint: disable=SC001,SC006\n"
    result = apply_directives(header, [Finding("SC001", "m", 2, 8, 2, 12)])
    assert [f.code for f in result] == ["DR002"]
    assert "no SC006 finding on line 2" in result[0].message


def test_a_disable_on_a_line_of_its_own_gets_a_hint():
    result = apply_directives(
        "# mdlint: disable=SC001\ndraft: 'no'\n", [Finding("SC001", "m", 3, 8, 3, 12)]
    )
    assert [f.code for f in result] == ["SC001", "DR002"]
    assert "use disable-next-line" in result[1].message


def test_unused_disable_file(check):
    assert check("weight: 1\n# mdlint: disable-file=SC001\n") == at("3 1 DR002")


@pytest.mark.parametrize(
    "comment",
    [
        "# mdlint: disabel=SC001",
        "# mdlint: disable=",
        "# mdlint: disable=SC001,",
        "# mdlint: disable=SC001,,SC006",
        "# mdlint:",
        "# mdlint: disable-file-please",
        "# mdlint: enable=SC001",
        "# mdlint: disable=SC001;SC002",
    ],
)
def test_malformed_directives_are_dr003(check, comment):
    result = check(f"weight: 1  {comment}\n")
    assert result in (at("2 12 DR003"), at("2 12 DR001")), result
    if "," not in comment and ";" not in comment:
        assert result == at("2 12 DR003")


def test_directive_findings_obey_the_selection(check):
    assert check("weight: 1  # mdlint: disable=SC001\n", "--ignore", "DR") == []
    assert check("weight: 1  # mdlint: disable=SC001\n", "--select", "DR001") == []


def test_directives_act_before_the_selection(check):
    header = "draft: 'no'  # mdlint: disable=SC001\n"
    assert check(header, "--ignore", "SC001") == []  # used, so no DR002 either


def test_directive_findings_are_not_silenced_by_directives(check):
    assert check("weight: 1  # mdlint: disable=SC001\n# mdlint: disable-file=DR\n") == at(
        "2 12 DR002", "3 1 DR002"
    )


def test_the_message_quotes_the_directive():
    result = apply_directives("a: 1  # mdlint: disable=SC001   \n", [])
    assert result[0].message.startswith('the directive "# mdlint: disable=SC001" silences nothing')
    assert (result[0].line, result[0].col, result[0].end_col) == (
        2,
        7,
        7 + len("# mdlint: disable=SC001"),
    )


# --- What is a comment ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        'title: "a # mdlint: disable=SC001"\n',
        "title: 'a # mdlint: disable-file'\n",
        "title: |\n  # mdlint: disable-file\n",
        "title: >-\n  text\n  # mdlint: disable-file\n",
        "title: [a, '# mdlint: disable-file']\n",
        'title: "line one\n  # mdlint: disable-file"\n',
        "title: a#mdlint: disable-file\n",
    ],
)
def test_a_hash_inside_a_string_is_not_a_directive(header):
    assert scan_directives(header).directives == [] and scan_directives(header).problems == []


def test_a_quoted_hash_before_a_real_directive(check):
    assert check("draft: '#no'  # mdlint: disable=SC001\n") == []


def test_directives_in_a_header_that_is_not_valid_yaml(tmp_path):
    path = tmp_path / "a.md"
    path.write_text('---\n# mdlint: disable-file=FM004\ntitle: "x\n---\n')
    result = CliRunner().invoke(main, ["check", "--isolated", str(path)])
    assert result.exit_code == 0, result.output


def test_directives_in_a_crlf_header(check):
    header = "draft: 'no'  # mdlint: disable=SC001\n# mdlint: disable-next-line=SC006\nextra: 1\nmore: 2\n"
    assert check(header, newline="\r\n") == at("5 1 SC006")


def test_crlf_positions_of_directive_findings(check):
    header = "weight: 1\n# mdlint: disable-next-line=SC001\nweight2: 1  # mdlint: disable=XX9\n"
    assert check(header, newline="\r\n") == at("3 1 DR002", "4 1 SC006", "4 13 DR001")


def test_directive_lines_count_a_lone_cr_as_a_line_break():
    scan = scan_directives("a: 1\rb: 2  # mdlint: disable=SC001\r")
    assert [(d.line, d.col) for d in scan.directives] == [(3, 7)]


def test_nel_ls_and_ps_are_not_line_breaks():
    scan = scan_directives("a: x\u2028y\x85\nb: 2  # mdlint: disable=SC001\n")
    assert [(d.line, d.col) for d in scan.directives] == [(3, 7)]


def test_columns_count_characters_not_bytes():
    scan = scan_directives('titre: "été"  # mdlint: disable=SC001\n')
    assert [(d.line, d.col) for d in scan.directives] == [(2, 15)]


def test_no_directive_no_cost():
    kept = [Finding("SC001", "m", 2, 1, 2, 2)]
    assert apply_directives("a: 1  # an ordinary comment\n", kept) == kept


def test_body_comments_are_not_directives(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: x\n---\n# mdlint: disable-file\n")
    result = CliRunner().invoke(main, ["check", "--isolated", "--select", "SC005", str(path)])
    assert result.exit_code == 1 and "SC005" in result.output


def test_the_fix_can_find_an_unused_directive_to_remove():
    header = "a: 1  # mdlint: disable=SC001\n"
    (finding,) = apply_directives(header, [])
    directive = finding.detail
    assert header[directive.start : directive.end] == "# mdlint: disable=SC001"


def test_a_real_article(tmp_path: Path):
    path = tmp_path / "post.md"
    path.write_text(
        "---\n"
        'title: "Hello"\n'
        'date: "2025-02-08 16:00:00"\n'
        "pager: yes  # mdlint: disable=SC001 the theme reads yes\n"
        "# mdlint: disable-next-line=SC006\n"
        "legacy_id: 12\n"
        "---\n"
    )
    result = CliRunner().invoke(main, ["check", "--isolated", str(path)])
    assert result.exit_code == 0, result.output
