"""Each output format on its own: what it prints for given results, exactly."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint.findings import FileResult, Finding
from mdlint.reporters import (
    DEFAULT_FORMAT,
    FORMATS,
    REPORTER_NAMES,
    ReportOptions,
    get_reporter,
)
from mdlint.reporters.full import SourceLines, render
from mdlint.reporters.github import escape_data, escape_property
from mdlint.reporters.statistics import write_statistics
from mdlint.rules import BY_CODE, RULES

from .conftest import ROOT, VALID_HEADER, generate_site, needs_site_generator

SAFE = Finding("SC001", '"false" is a string; expected a boolean', 3, 11, 3, 18, "comments", "safe")
UNSAFE = Finding("SC006", 'unknown key "catgories"', 4, 1, 4, 10, "catgories", "unsafe")
PLAIN = Finding("SC005", 'missing required key "title"', 1, 1, 1, 4, "title")
ARTICLE = '---\ntitle: "Hi"\ncomments: "false"\ncatgories: [a]\n---\nBody\n'


def write(name: str, results: list[FileResult], **options: object) -> str:
    out = io.StringIO()
    get_reporter(name)(results, out, ReportOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


# --- The registry ----------------------------------------------------------------------------------


def test_every_format_is_registered_and_importable():
    assert REPORTER_NAMES == ("full", "concise", "json", "github", "sarif", "junit")
    assert DEFAULT_FORMAT == "full"
    for name in REPORTER_NAMES:
        assert callable(get_reporter(name))
    assert [name for name in FORMATS if FORMATS[name].machine] == [
        "json",
        "github",
        "sarif",
        "junit",
    ]
    with pytest.raises(KeyError):
        get_reporter("xml")


def test_reporters_are_imported_only_when_used():
    code = (
        "import sys, mdlint.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('mdlint.reporters.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "['mdlint.reporters.output']"


# --- concise -------------------------------------------------------------------------------------


def test_concise_is_one_line_per_finding_with_the_fix_marker():
    results = [FileResult("a.md", (PLAIN, SAFE, UNSAFE)), FileResult("b.md")]
    assert write("concise", results) == (
        'a.md:1:1: SC005 missing required key "title"\n'
        'a.md:3:11: SC001 [*] "false" is a string; expected a boolean\n'
        'a.md:4:1: SC006 unknown key "catgories"\n'
    )


def test_concise_shows_notes_after_the_message():
    out = write("concise", [FileResult("a.md", (PLAIN,))], notes={"a.md": {0: "not fixed: why"}})
    assert out == 'a.md:1:1: SC005 missing required key "title" (not fixed: why)\n'


# --- full ----------------------------------------------------------------------------------------


def test_full_shows_the_source_line_and_underlines_the_span(article):
    out = write("full", [FileResult(article, (PLAIN, SAFE, UNSAFE))])
    assert out == (
        f'{article}:1:1: SC005 missing required key "title"\n'
        "  |\n"
        "1 | ---\n"
        "  | ^^^ SC005\n"
        "  |\n"
        "\n"
        f'{article}:3:11: SC001 [*] "false" is a string; expected a boolean\n'
        "  |\n"
        '3 | comments: "false"\n'
        "  |           ^^^^^^^ SC001\n"
        "  |\n"
        "  = help: `mdlint fix` fixes this\n"
        "\n"
        f'{article}:4:1: SC006 unknown key "catgories"\n'
        "  |\n"
        "4 | catgories: [a]\n"
        "  | ^^^^^^^^^ SC006\n"
        "  |\n"
        "  = help: `mdlint fix --unsafe-fixes` fixes this with a guess; review the change\n"
        "\n"
    )


def test_full_first_line_is_the_concise_line(article):
    out = write("full", [FileResult(article, (SAFE,))])
    assert out.splitlines()[0] == write("concise", [FileResult(article, (SAFE,))]).rstrip("\n")


def test_full_gutter_widens_with_the_line_number():
    lines = "".join(f"k{n}: v\n" for n in range(1, 12))
    source = SourceLines("x.md", lambda path: ("---\n" + lines + "---\n").encode())
    finding = Finding("SC006", "unknown key", 11, 1, 11, 4, "k10")
    assert render("x.md", finding, source).splitlines()[1:4] == [
        "   |",
        "11 | k10: v",
        "   | ^^^ SC006",
    ]


def test_full_span_over_several_lines_underlines_each():
    data = b"---\ncategories:\n  a: 1\n  b: 2\ntitle: x\n---\n"
    finding = Finding("SC001", "a mapping; expected a list", 3, 3, 5, 1, "categories")
    text = render("x.md", finding, SourceLines("x.md", lambda path: data))
    assert text.splitlines()[1:7] == [
        "  |",
        "3 |   a: 1",
        "  |   ^^^^ SC001",
        "4 |   b: 2",
        "  |   ^^^^",
        "  |",
    ]


def test_full_long_span_is_cut_after_a_few_lines():
    data = ("---\nitems:\n" + "".join(f"  - {n}\n" for n in range(20)) + "---\n").encode()
    finding = Finding("SC008", "too many items", 3, 3, 23, 1, "items")
    text = render("x.md", finding, SourceLines("x.md", lambda path: data))
    assert "8 |   - 5\n  |   ^^^\n  | ...\n  |\n" in text and "- 6" not in text


def test_full_carets_stay_under_the_span_after_tabs_and_wide_characters():
    data = '---\ntitle: "漢字"\t"x"\n---\n'.encode()
    # `"x"` is at column 13 (characters): 7 for `title: `, 4 for `"漢字"`, 1 for the tab.
    finding = Finding("SC001", "m", 2, 13, 2, 16, "title")
    lines = render("x.md", finding, SourceLines("x.md", lambda path: data)).splitlines()
    # 漢 and 字 take two columns each, so the tab starts at display column 13 and reaches 16.
    assert lines[2:4] == ['2 | title: "漢字"   "x"', "  | " + " " * 16 + "^^^ SC001"]


def test_full_never_prints_control_characters_from_the_file():
    data = b"---\ntitle: \x1b[31mred\x1b[0m\n---\n"
    finding = Finding("SC003", "m", 2, 8, 2, 20, "title")
    text = render("x.md", finding, SourceLines("x.md", lambda path: data))
    assert "\x1b" not in text and "\ufffd[31mred" in text


def test_full_hides_the_bom_and_keeps_the_carets_in_place():
    data = b"\xef\xbb\xbf---\ntitle: x\n---\n"
    finding = Finding("FM006", "m", 1, 2, 1, 5)  # the BOM is column 1
    lines = render("x.md", finding, SourceLines("x.md", lambda path: data)).splitlines()
    assert lines[2:4] == ["1 | ---", "  | ^^^ FM006"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_full_reads_lines_whatever_their_breaks(tmp_path, newline):
    path = tmp_path / "a.md"
    path.write_bytes(ARTICLE.replace("\n", newline).encode())
    out = write("full", [FileResult(str(path), (SAFE,))])
    assert '3 | comments: "false"\n' in out and "\r" not in out


def test_full_without_the_file_prints_the_finding_alone(tmp_path):
    out = write("full", [FileResult(str(tmp_path / "gone.md"), (SAFE,))])
    assert out == (
        f'{tmp_path / "gone.md"}:3:11: SC001 [*] "false" is a string; expected a boolean\n'
        "  = help: `mdlint fix` fixes this\n\n"
    )


def test_full_note_replaces_the_help(article):
    out = write("full", [FileResult(article, (SAFE,))], notes={article: {0: "not fixed: no"}})
    assert "  = note: not fixed: no\n" in out and "help" not in out


def test_full_reads_only_the_head_of_a_big_file(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(ARTICLE.encode() + b"body line\n" * 2_000_000)
    source = SourceLines(str(path))
    assert source.line(3) == 'comments: "false"'
    assert source._lines is not None and len(source._lines) < 100_000


def test_full_cuts_a_long_line_around_the_span():
    data = ("---\nsummary: '" + "x" * 5000 + "'\nsidebar: '" + "v" * 100_000 + "'\n---\n").encode()
    source = SourceLines("x.md", lambda path: data)
    finding = Finding("SC002", "m", 3, 10, 3, 100_012, "sidebar")
    lines = render("x.md", finding, source).splitlines()
    assert lines[2] == "3 | sidebar: '" + "v" * 190 + "..."
    assert lines[3] == "  |          " + "^" * 191 + " SC002"
    far = Finding("SC003", "m", 2, 4000, 2, 4003, "summary")
    lines = render("x.md", far, source).splitlines()
    assert lines[2] == "2 | ..." + "x" * 200 + "..."
    assert lines[3] == "  |    " + " " * 50 + "^^^ SC003"


def test_full_reads_a_file_once_for_all_its_findings(tmp_path, monkeypatch):
    import builtins

    path = tmp_path / "many.md"
    path.write_text("---\n" + "".join(f"k{n}: v\n" for n in range(5000)) + "---\n")
    findings = tuple(Finding("SC006", "unknown", n, 1, n, 3, f"k{n}") for n in range(2, 5002))
    opened = []
    real_open = builtins.open

    def counting_open(file, *args, **kwargs):
        opened.append(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    out = write("full", [FileResult(str(path), findings)])
    assert opened.count(str(path)) == 1
    assert "5001 | k4999: v" in out


# --- json ----------------------------------------------------------------------------------------


def test_json_is_a_list_of_documented_objects():
    results = [FileResult("a.md", (SAFE, PLAIN)), FileResult("b.md")]
    data = json.loads(write("json", results))
    assert data == [
        {
            "path": "a.md",
            "code": "SC001",
            "name": "wrong-type",
            "message": '"false" is a string; expected a boolean',
            "severity": "error",
            "line": 3,
            "column": 11,
            "end_line": 3,
            "end_column": 18,
            "json_path": "comments",
            "fixable": True,
            "fix_applicability": "safe",
        },
        {
            "path": "a.md",
            "code": "SC005",
            "name": "missing-key",
            "message": 'missing required key "title"',
            "severity": "error",
            "line": 1,
            "column": 1,
            "end_line": 1,
            "end_column": 4,
            "json_path": "title",
            "fixable": False,
            "fix_applicability": None,
        },
    ]


def test_json_without_findings_is_an_empty_list():
    assert write("json", [FileResult("a.md")]) == "[]\n"


def test_readme_documents_every_json_field():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### The `json` format") :]
    for field in json.loads(write("json", [FileResult("a.md", (SAFE,))]))[0]:
        assert f"| `{field}` |" in section, field


# --- github --------------------------------------------------------------------------------------


def test_github_is_one_workflow_command_per_finding():
    assert write("github", [FileResult("content/a.md", (SAFE,))]) == (
        "::error file=content/a.md,line=3,col=11,endLine=3,endColumn=18,title=SC001::"
        '"false" is a string; expected a boolean\n'
    )


def test_github_escapes_data_and_properties():
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    finding = Finding("SC003", 'not "%Y-%m"\nsee: docs', 2, 1, 2, 5)
    out = write("github", [FileResult("we, them: 100%.md", (finding,))])
    assert out == (
        "::error file=we%2C them%3A 100%25.md,line=2,col=1,endLine=2,endColumn=5,title=SC003::"
        'not "%25Y-%25m"%0Asee: docs\n'
    )


def test_github_span_ending_at_a_line_start_ends_on_the_line_before():
    finding = Finding("SC001", "m", 3, 3, 5, 1, "categories")
    out = write("github", [FileResult("a.md", (finding,))])
    assert out == "::error file=a.md,line=3,col=3,endLine=4,title=SC001::m\n"


def test_github_annotates_a_file_that_cannot_be_read():
    out = write("github", [FileResult("a.md", error="a.md: cannot read: Permission denied")])
    assert out == "::error file=a.md,title=mdlint::a.md: cannot read: Permission denied\n"


# --- junit ---------------------------------------------------------------------------------------


def test_junit_has_one_test_case_per_file_and_the_right_counts():
    results = [
        FileResult("a.md", (SAFE, PLAIN)),
        FileResult("b.md"),
        FileResult("c & d <e>.md", (UNSAFE,)),
        FileResult("gone.md", error="gone.md: cannot read: No such file"),
    ]
    root = ElementTree.fromstring(write("junit", results))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "2", "1")
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == ["a.md", "b.md", "c & d <e>.md", "gone.md"]
    assert [case.get("file") for case in cases] == ["a.md", "b.md", "c & d <e>.md", "gone.md"]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("message") == "2 problems"
    assert failure.text == (
        'a.md:3:11: SC001 [*] "false" is a string; expected a boolean\n'
        'a.md:1:1: SC005 missing required key "title"'
    )
    assert list(cases[1]) == []
    assert cases[2].find("failure").get("message") == "1 problem"  # type: ignore[union-attr]
    error = cases[3].find("error")
    assert error is not None and error.get("message") == "gone.md: cannot read: No such file"


def test_junit_stays_well_formed_with_characters_xml_cannot_hold():
    finding = Finding("FM003", "bad byte \x00 and \x1b here", 1, 1, 1, 2)
    out = write("junit", [FileResult("a\udcff.md", (finding,))])
    root = ElementTree.fromstring(out)
    assert "\ufffd" in root[0][0].get("name")  # type: ignore[operator]
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')


def test_junit_for_no_files():
    root = ElementTree.fromstring(write("junit", []))
    assert root.get("tests") == "0" and root.get("failures") == "0"


# --- sarif (validated against the official schema in test_output_sarif.py) ------------------------


def test_sarif_rules_come_from_the_catalogue():
    log = json.loads(write("sarif", [FileResult("a.md", (SAFE,))]))
    driver = log["runs"][0]["tool"]["driver"]
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in RULES]
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    assert by_id["SC001"]["name"] == "wrong-type"
    assert by_id["SC001"]["shortDescription"]["text"] == BY_CODE["SC001"].summary
    assert "Why:" in by_id["SC001"]["help"]["text"]
    (result,) = log["runs"][0]["results"]
    assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == "SC001"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 11,
        "endLine": 3,
        "endColumn": 18,
    }
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


# --- --statistics --------------------------------------------------------------------------------


def test_statistics_counts_codes_most_frequent_first():
    results = [FileResult("a.md", (SAFE, PLAIN, SAFE)), FileResult("b.md", (UNSAFE, PLAIN, PLAIN))]
    out = io.StringIO()
    write_statistics(results, out, as_json=False)
    assert out.getvalue() == (
        "3  SC005      missing-key\n2  SC001  [*] wrong-type\n1  SC006      unknown-key\n"
    )
    out = io.StringIO()
    write_statistics(results, out, as_json=True)
    assert json.loads(out.getvalue())[2] == {
        "code": "SC006",
        "name": "unknown-key",
        "count": 1,
        "safe_fixes": 0,
        "unsafe_fixes": 1,
    }


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30))
def test_ascii_lines_are_shown_as_the_general_rule_shows_them(text):
    from mdlint.reporters import full

    shown = full._display(text)
    general = full._display(text + "\u00e9")  # not ASCII: the character-by-character rule
    assert shown == (general[0][:-1], general[1][:-1])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"a", b"\r", b"\n", b"\r\n", b"\x0b", b"\x0c", b"\x1c", b"\x85"])))
def test_source_lines_are_cut_at_crlf_cr_and_lf_only(pieces):
    import re

    from mdlint.reporters.full import split_lines

    data = b"".join(pieces)
    assert split_lines(data) == re.split(rb"\r\n|\r|\n", data)


def full_report(results) -> str:
    from mdlint.reporters.full import report_full
    from mdlint.reporters.output import ReportOptions

    out = io.StringIO()
    report_full(results, out, ReportOptions())
    return out.getvalue()


LINE_TRAPS = {
    "bom.md": "\ufeff" + VALID_HEADER.replace("toc: false", "toc: 1"),
    "crlf.md": VALID_HEADER.replace("toc: false", "toc: 1").replace("\n", "\r\n"),
    "cr.md": VALID_HEADER.replace("toc: false", "toc: 1").replace("\n", "\r"),
    "long-span.md": VALID_HEADER.replace("widgets:\n", "widgetz:\n"),
    "bad-utf8.md": VALID_HEADER.replace("toc: false", "toc: 1").replace("Body", "B\udcffody"),
    "no-final-break.md": "---\ntitle: x\ndate: 1\n---",
    "tabs.md": VALID_HEADER.replace('lead: ""', 'lead: "\ta"  \t# x').replace(
        "toc: false", "toc: 1"
    ),
}


@pytest.mark.parametrize("name", sorted(LINE_TRAPS))
def test_lines_kept_by_the_check_show_as_the_file_read_would(tmp_path, name):
    from mdlint.runner import Project

    path = tmp_path / name
    path.write_bytes(LINE_TRAPS[name].encode("utf-8", errors="surrogateescape"))
    (result,) = Project.load(isolated=True).check_files([str(path)])
    assert result.findings and result.lines
    assert full_report([result]) == full_report([result._replace(lines=())])


@needs_site_generator
def test_lines_kept_by_the_check_show_as_the_files_would_on_a_generated_site(tmp_path):
    from mdlint.runner import Project

    paths = [str(path) for path in generate_site(tmp_path, 300, seed=3)]
    results = [r for r in Project.load(isolated=True).check_files(paths) if r.findings]
    assert len(results) > 50
    assert full_report(results) == full_report([r._replace(lines=()) for r in results])


def test_source_lines_keep_the_shown_lines_and_leave_out_a_line_maybe_cut_short():
    from mdlint.reporters import MAX_SHOWN_LINES, source_lines

    data = b"".join(b"line %d\r\n" % number for number in range(1, 20)) + b"cut sh"
    one = Finding("SC001", "m", 2, 1, 2, 3)
    long = Finding(
        "SC001", "m", 5, 1, 18, 1
    )  # ends at the start of line 18: shows to 17, at most 6
    last = Finding("SC001", "m", 20, 1, 20, 4)  # on the piece after the last break
    lines = dict(source_lines(data, (one, long, last)))
    assert sorted(lines) == [2, *range(5, 5 + MAX_SHOWN_LINES)]
    assert lines[2] == "line 2" and lines[10] == "line 10"
    assert source_lines(b"\xef\xbb\xbfa: \xff\n", (Finding("X", "m", 1, 1, 1, 2),)) == (
        (1, "\ufeffa: \ufffd"),
    )
