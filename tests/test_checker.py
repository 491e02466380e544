"""Positions, spans and semantics of the check path, beyond the fixture files."""

from __future__ import annotations

import json

import pytest

from mdlint import check_text
from mdlint.checker import CheckOptions, analyse
from mdlint.schema import load_schema


def codes(text: str | bytes, schema=None) -> list[str]:
    return [f"{f.line}:{f.col} {f.code}" for f in check_text(text, schema)]


def custom_schema(tmp_path, schema: dict) -> str:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema))
    return str(path)


def test_the_example_header_passes(valid_article):
    assert check_text(valid_article) == []


def test_unquoted_timestamp_is_validated_as_written(valid_article):
    text = valid_article.replace('date: "2025-02-08 16:00:00"', "date: 2025-02-08 16:00:00")
    assert check_text(text) == []
    text = valid_article.replace('date: "2025-02-08 16:00:00"', "date: 2025-02-08")
    finding = check_text(text)[0]
    assert (finding.code, finding.line, finding.col, finding.json_path) == ("SC003", 3, 7, "date")
    assert "2025-02-08" in finding.message and "2025-02-08 16:00:00" in finding.message


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "y"])
def test_yaml11_booleans_are_strings(valid_article, word):
    finding = check_text(valid_article.replace("pager: true", f"pager: {word}"))[0]
    assert finding.code == "SC001"
    assert "YAML 1.2" in finding.message or word in ("y",)
    assert (finding.line, finding.col) == (18, 8)


def test_crlf_and_bom_positions(valid_article):
    text = valid_article.replace('sidebar: "right"', 'sidebar: "Right"').replace("\n", "\r\n")
    findings = check_text(b"\xef\xbb\xbf" + text.encode())
    assert [(f.code, f.line, f.col, f.end_col) for f in findings] == [("SC002", 21, 10, 17)]


def test_cr_only_line_endings_are_read(valid_article):
    text = valid_article.replace('sidebar: "right"', 'sidebar: "Right"').replace("\n", "\r")
    assert [(f.code, f.line) for f in check_text(text)] == [("SC002", 21)]


def test_columns_count_characters_not_bytes():
    text = '---\ntitle: "ééé"\ndate: "2025-02-08 16:00:00"\nzz: 1  # é\n---\n'
    assert codes(text) == ["4:1 SC006"]
    text = '---\n"ééé": 1\ntitle: "t"\ndate: "2025-02-08 16:00:00"\nwidgets: ["é", "x"]\n---\n'
    assert [(f.code, f.line, f.col) for f in check_text(text)] == [
        ("SC006", 2, 1),
        ("SC002", 5, 11),
        ("SC002", 5, 16),
    ]


def test_header_size_limit(valid_article):
    data = valid_article.encode()
    findings = analyse(data, load_schema(), CheckOptions(max_header_bytes=100)).findings
    assert [(f.code, f.line, f.col) for f in findings] == [("FM009", 1, 1)]
    unclosed = b"---\n" + b"a: b\n" * 1000
    findings = analyse(unclosed, load_schema(), CheckOptions(max_header_bytes=100)).findings
    assert [f.code for f in findings] == ["FM009"]


def test_missing_front_matter_can_be_allowed():
    assert (
        analyse(b"# Title\n", load_schema(), CheckOptions(require_front_matter=False)).findings
        == []
    )


def test_findings_are_sorted_by_position(valid_article):
    text = valid_article.replace("toc: false", 'toc: "no"').replace('title: "', 'titel: "')
    findings = check_text(text)
    assert [f.line for f in findings] == sorted(f.line for f in findings)
    assert [f.code for f in findings] == ["SC005", "SC006", "SC001"]


def test_unknown_key_points_at_the_key_and_suggests(valid_article):
    finding = check_text(valid_article.replace("widgets:", "widget:"))[0]
    assert (finding.code, finding.line, finding.col, finding.end_col) == ("SC006", 22, 1, 7)
    assert finding.message == 'unknown key "widget"; did you mean "widgets"?'


def test_block_list_item_position(valid_article):
    finding = check_text(valid_article.replace('  - "recent"', '  - "Recent"'))[0]
    assert (finding.code, finding.line, finding.col, finding.json_path) == (
        "SC002",
        24,
        5,
        "widgets[1]",
    )


def test_anyof_best_match_is_reported_not_dumped(valid_article):
    text = valid_article.replace(
        'thumbnail: ""', 'thumbnail:\n  src: "a.png"\n  visibility: ["home"]'
    )
    findings = check_text(text)
    assert len(findings) == 1
    assert findings[0].code == "SC002" and findings[0].json_path == "thumbnail.visibility[0]"
    assert findings[0].message == '"home" is not one of "list", "post"'


def test_format_checking_is_on(tmp_path):
    schema = custom_schema(
        tmp_path, {"properties": {"mail": {"format": "email"}, "when": {"format": "date"}}}
    )
    assert codes("---\nmail: nobody\nwhen: 2025-13-45\n---\n", schema) == ["2:7 SC004", "3:7 SC004"]
    assert codes("---\nmail: a@b.example\nwhen: 2025-02-08\n---\n", schema) == []


def test_other_keywords_give_sc009(tmp_path):
    schema = custom_schema(tmp_path, {"properties": {"a": {"not": {"type": "string"}}}})
    findings = check_text("---\na: text\n---\n", schema)
    assert [(f.code, f.line, f.col) for f in findings] == [("SC009", 2, 4)]


def test_nothing_is_ever_constructed_from_tags(tmp_path):
    text = (
        "---\ntitle: !!python/object/apply:os.system ['touch "
        + str(tmp_path / "pwned")
        + "']\n---\n"
    )
    findings = check_text(text)
    assert "FM007" in [f.code for f in findings]
    assert not (tmp_path / "pwned").exists()


def test_explicit_str_tag_keeps_text(tmp_path):
    schema = custom_schema(tmp_path, {"properties": {"n": {"type": "string"}}})
    assert codes("---\nn: !!str 123\n---\n", schema) == []
    assert codes("---\nn: 123\n---\n", schema) == ["2:4 SC001"]


@pytest.mark.parametrize(
    "value, kind",
    [
        ("true", bool),
        ("False", bool),
        ("~", type(None)),
        ("", type(None)),
        ("0x1F", int),
        ("0o17", int),
        ("1.5e3", float),
        (".inf", float),
        ("-.INF", float),
        ("1_000", str),
        ("2025-02-08", str),
        ("yes", str),
        ("NO", str),
    ],
)
def test_yaml_12_core_resolution(value, kind):
    analysis = analyse(f"---\nx: {value}\n---\n".encode(), load_schema())
    assert type(analysis.data["x"]) is kind


@pytest.mark.parametrize(
    ("items", "repeat"),
    [("[1, 1.0]", "1.0"), ("[{a: 1}, {a: 1.0}]", "{a: 1.0}"), ("[0, -0.0]", "-0.0")],
)
def test_items_equal_as_json_schema_counts_them_are_reported_as_repeats(tmp_path, items, repeat):
    """What makes uniqueItems fail is what SC007 points at: never a failure with no finding."""
    schema = custom_schema(
        tmp_path, {"properties": {"tags": {"type": "array", "uniqueItems": True}}}
    )
    findings = check_text(f"---\ntags: {items}\n---\n", schema)
    assert [finding.code for finding in findings] == ["SC007"]
    line = f"tags: {items}"
    assert line[findings[0].col - 1 :].startswith(repeat)


def test_an_error_no_handler_can_place_is_still_reported(tmp_path, monkeypatch):
    """The safety net under every handler: jsonschema's own message, at the value."""
    from mdlint import schema_findings

    monkeypatch.setitem(schema_findings._HANDLERS, "uniqueItems", lambda *args: iter(()))
    schema = custom_schema(
        tmp_path, {"properties": {"tags": {"type": "array", "uniqueItems": True}}}
    )
    findings = check_text("---\ntags: [a, a]\n---\n", schema)
    assert [(f.code, f.line) for f in findings] == [("SC007", 2)]
    assert "non-unique" in findings[0].message


def test_the_date_message_shows_the_example_the_fix_would_write(tmp_path):
    """With a zone in the format, the example carries one (UTC), as the date fixes write it."""
    date = {"type": "string", "pattern": "^x$", "x-mdlint-date-format": "%Y-%m-%dT%H:%M:%S%z"}
    schema = custom_schema(tmp_path, {"properties": {"date": date}})
    [finding] = check_text('---\ndate: "08/02/2025"\n---\n', schema)
    assert finding.code == "SC003"
    assert finding.message.endswith('(like "2025-02-08T16:00:00+0000")')
