"""Hostile input: each file gets findings (or a clear error), in bounded time and memory, never a
traceback, through `analyse` and through `mdlint check`.

Small cases are files in tests/fixtures/hostile/ (NAME.md, and NAME.expected with one
`LINE:COL: CODE` per finding); large ones are made here in tmp_path. Nothing here measures time
(machines are noisy): a quadratic or exponential path shows up as a run that never ends.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import tracemalloc
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdlint.checker import CheckOptions, analyse
from mdlint.cli import main
from mdlint.findings import Finding
from mdlint.schema import load_schema
from mdlint.yaml_tree import MAX_DEPTH

from .conftest import FIXTURES, ROOT
from .test_fuzz_check import assert_only_findings

HOSTILE = FIXTURES / "hostile"
CASES = sorted(HOSTILE.glob("*.md"))
SCHEMA = load_schema()
GOOD = 'title: "Hello"\ndate: "2025-02-08 16:00:00"\n'
MARKER = "mdlint-pwned-marker"


def expected(path: Path) -> list[str]:
    return path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


def places(findings: list[Finding]) -> list[str]:
    return [f"{finding.line}:{finding.col}: {finding.code}" for finding in findings]


def check(*args: str):
    """`mdlint check` in-process, one line per finding, no cache; an exception fails the test."""
    return CliRunner().invoke(
        main,
        ["check", "--isolated", "--no-cache", "--output-format", "concise", *args],
        catch_exceptions=False,
    )


def assert_cli_reports(path: Path, lines: list[str], *args: str) -> None:
    result = check(*args, str(path))
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "IN001" not in output, output
    assert result.exit_code == (1 if lines else 0), output
    reported = [line for line in result.stdout.splitlines() if line.startswith(f"{path}:")]
    assert [line[len(f"{path}:") :].split(" ", 2)[:2] for line in reported] == [
        line.split(" ")[:2] for line in lines
    ]


# --- The fixture files ---------------------------------------------------------------------------


def test_every_fixture_has_its_expectations():
    assert CASES and all(case.with_suffix(".expected").is_file() for case in CASES)


@pytest.mark.parametrize("path", CASES, ids=[case.stem for case in CASES])
def test_fixture_gives_exactly_its_findings(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where a `touch mdlint-pwned-marker` would land
    assert places(assert_only_findings(path.read_bytes())) == expected(path)
    assert not (tmp_path / MARKER).exists()


@pytest.mark.parametrize("path", CASES, ids=[case.stem for case in CASES])
def test_fixture_through_the_cli(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert_cli_reports(path, expected(path))
    assert not (tmp_path / MARKER).exists()


def message_of(name: str, code: str) -> str:
    findings = analyse((HOSTILE / name).read_bytes(), SCHEMA).findings
    return next(finding.message for finding in findings if finding.code == code)


@pytest.mark.parametrize(
    "name, code, words",
    [
        ("alias-bomb.md", "FM008", "more than 100,000 values"),
        ("tab-indent.md", "FM004", "a tab indents this line"),
        ("tab-indent-list.md", "FM004", "a tab indents this line"),
        ("utf16-le-bom.md", "FM003", "UTF-16"),
        ("utf16-le-no-bom.md", "FM003", "UTF-16"),
        ("utf16-be-no-bom.md", "FM003", "UTF-16"),
        ("binary.md", "FM003", "binary"),
        ("nul-in-header.md", "FM003", "NUL"),
        ("control-character.md", "FM004", "U+0001"),
        ("python-tags.md", "FM007", "!!python/object/apply:os.system"),
        ("yaml-directive-alone.md", "FM004", "directive"),
        ("document-end-with-comment.md", "FM004", "`...`"),
        ("strict-tagged-numbers.md", "FM011", '"1_000" is not a valid !!int'),
        ("key-with-line-break.md", "FM005", 'duplicate key "a\\nb"'),
        ("recursive-alias.md", "FM008", f"deeper than {MAX_DEPTH} levels"),
        ("tag-percent-escapes.md", "FM007", "!%1B[2J%1B[31mred%0Anext-line"),
    ],
)
def test_messages_say_what_is_wrong(name, code, words):
    assert words in message_of(name, code)


def test_unicode_line_breaks_are_text_in_yaml_1_2():
    """NEL, LS and PS end lines in YAML 1.1 (libyaml), not in 1.2: the title is one value, and
    the finding after it is on its real line."""
    analysis = analyse((HOSTILE / "unicode-line-breaks.md").read_bytes(), SCHEMA)
    assert analysis.data["title"] == "Hello\u2028world\u0085again\u2029end"
    assert places(analysis.findings) == ["4:8: SC001"]


# --- Code never runs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "title: !!python/object/apply:os.system [{command}]",
        "title: !!python/object/apply:subprocess.call [[sh, -c, {command}]]",
        "!!python/object/new:os.system [{command}]",
        "title: !!python/object/new:os.system {{args: [{command}]}}",
        "params: !!python/object:__main__.X {{a: !!python/object/apply:os.system [{command}]}}",
        "title: !!python/name:os.system\nweight: !!python/module:os",
    ],
)
def test_python_tags_construct_nothing(tmp_path, header):
    marker = tmp_path / "ran"
    command = f"'touch {marker}'"
    data = f"---\n{header.format(command=command)}\n{GOOD}---\n".encode()
    findings = assert_only_findings(data)
    assert {finding.code for finding in findings} & {"FM007", "FM004"}
    path = tmp_path / "tags.md"
    path.write_bytes(data)
    result = check(str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert not marker.exists()


# --- Large and deep inputs, made here ------------------------------------------------------------


def flow(depth: int) -> str:
    return "a: " + "[" * depth + "]" * depth + "\n"


LARGE = {
    # name: (header or whole file, expected codes, or None to accept any findings)
    "flow-nesting-10000": ("---\n" + flow(10_000) + "---\n", ["FM008"]),
    "flow-nesting-just-deep-enough": (
        "---\n"
        + GOOD
        + "params:\n  a: "
        + "[" * (MAX_DEPTH - 2)
        + "]" * (MAX_DEPTH - 2)
        + "\n---\n",
        [],
    ),
    "flow-nesting-one-too-deep": ("---\n" + flow(MAX_DEPTH) + "---\n", ["FM008"]),
    "flow-mappings-10000": ("---\na: " + "{a: " * 10_000 + "}" * 10_000 + "\n---\n", ["FM008"]),
    "flow-opened-only-500000": ("---\na: " + "[" * 500_000 + "\n---\n", ["FM008"]),
    "block-mappings-200": (
        "---\n" + "".join(" " * i + "k:\n" for i in range(200)) + "---\n",
        ["FM008"],
    ),
    "block-sequences-200": (
        "---\n" + "".join("  " * i + "-\n" for i in range(200)) + "---\n",
        ["FM008"],
    ),
    "compact-sequences-5000": ("---\na:\n  " + "- " * 5000 + "x\n---\n", ["FM008"]),
    "mixed-nesting-3000": ("---\na: " + "{b: [" * 3000 + "]}" * 3000 + "\n---\n", ["FM008"]),
    "alias-chain-deeper-than-the-text": (
        "---\n"
        + "".join(
            f"a{i}: &a{i} " + "[" * 60 + (f"*a{i - 1}" if i else "x") + "]" * 60 + "\n"
            for i in range(4)
        )
        + "---\n",
        ["FM008"],
    ),
    "header-over-the-size-limit": ("---\ntitle: " + "x" * 1_000_001 + "\n---\n", ["FM009"]),
    "unclosed-header-over-the-size-limit": ("---\n" + "k: v\n" * 250_000, ["FM009"]),
    "2mb-line-in-the-header": (
        "---\n" + GOOD + "summary: " + "y" * 2_000_000 + "\n---\n",
        ["FM009"],
    ),
    "2mb-line-in-the-body": ("---\n" + GOOD + "---\n" + "z" * 2_000_000 + "\n", []),
    "long-scalar-within-the-limit": (
        "---\n" + GOOD + "summary: '" + "w" * 900_000 + "'\n---\n",
        [],
    ),
    "50k-unknown-keys": (
        "---\n" + GOOD + "".join(f"k{i}: v\n" for i in range(50_000)) + "---\n",
        ["SC006"] * 50_000,
    ),
    "50k-duplicate-keys": (
        "---\n" + GOOD + "k: v\n" * 50_000 + "---\n",
        ["SC006"] + ["FM005"] * 49_999,
    ),
    "20k-mappings-in-a-unique-list": (
        "---\n" + GOOD + "tags:\n" + "".join(f"  - {{a: {i}}}\n" for i in range(20_000)) + "---\n",
        ["SC001"] * 20_000,
    ),
    "20k-mixed-items-in-a-unique-list": (
        "---\n" + GOOD + "tags: [" + ", ".join(f"{i}, t{i}" for i in range(10_000)) + "]\n---\n",
        ["SC001"] * 10_000,
    ),
    "20k-wrong-widgets": (
        "---\n" + GOOD + "widgets:\n" + "".join(f"  - w{i}\n" for i in range(20_000)) + "---\n",
        ["SC002"] * 20_000,
    ),
    "huge-hexadecimal-number": ("---\n" + GOOD + "weight: 0x" + "f" * 5_000 + "\n---\n", ["FM011"]),
    "huge-decimal-number": ("---\n" + GOOD + "sidebar: " + "9" * 5_000 + "\n---\n", ["FM011"]),
    "long-wrong-value": ("---\n" + GOOD + "sidebar: '" + "v" * 100_000 + "'\n---\n", ["SC002"]),
}


@pytest.fixture(scope="module")
def large_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("large")
    files = {}
    for name, (text, _) in LARGE.items():
        files[name] = folder / f"{name}.md"
        files[name].write_text(text, encoding="utf-8")
    return files


@pytest.mark.parametrize("name", list(LARGE))
def test_large_input_gives_findings(name):
    text, codes = LARGE[name]
    findings = assert_only_findings(text.encode())
    assert sorted(finding.code for finding in findings if finding.code != "SC005") == sorted(codes)
    assert all(len(finding.message) < 400 for finding in findings)


@pytest.mark.parametrize("name", list(LARGE))
def test_large_input_through_the_cli(name, large_files):
    path = large_files[name]
    result = check(str(path))
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "IN001" not in output, output[:2000]
    codes = {
        line.split(" ")[1] for line in result.stdout.splitlines() if line.startswith(str(path))
    }
    assert codes - {"SC005"} == set(LARGE[name][1])
    assert result.exit_code == (1 if codes else 0)


def test_too_deep_is_reported_where_it_gets_too_deep():
    text = "---\n" + GOOD + "params: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n---\n"
    (finding,) = assert_only_findings(text.encode())
    # the root mapping is level 1, so the MAX_DEPTH-th bracket is one level too many
    assert (finding.code, finding.line, finding.col) == ("FM008", 4, len("params: ") + MAX_DEPTH)
    assert finding.message == f"the header nests deeper than {MAX_DEPTH} levels"


def test_depth_is_checked_without_recursion_under_the_pure_python_parser(monkeypatch):
    """PyYAML's own composer recurses in Python, and libyaml limits nesting only since 0.2.5:
    the depth check before composing must hold with either parser."""
    import mdlint.yaml_tree as yaml_tree

    pure = yaml_tree._pure_python_parser()

    class PureLoader(pure, yaml_tree._Yaml12Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            pure.__init__(self, stream)
            yaml_tree._Yaml12Resolver.__init__(self)

    monkeypatch.setattr(yaml_tree, "_Loader", PureLoader)
    monkeypatch.setattr(yaml_tree, "_Parser", pure)
    for text in (flow(10_000), "a: " + "{a: " * 5_000 + "}" * 5_000):
        (finding,) = assert_only_findings(f"---\n{text}\n---\n".encode())
        assert finding.code == "FM008"
    # and a control character is placed by character, not by byte, with this parser too
    (finding,) = assert_only_findings("---\ntïtlé: ü\x01\n---\n".encode())
    assert (finding.code, finding.line, finding.col) == ("FM004", 2, 9)


def test_the_size_limit_is_configurable(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\n" + GOOD + "summary: " + "s" * 200 + "\n---\n")
    options = CheckOptions(max_header_bytes=100)
    assert places(assert_only_findings(path.read_bytes(), options)) == ["1:1: FM009"]
    assert_cli_reports(path, ["1:1: FM009"], "--max-header-bytes", "100")
    assert_cli_reports(path, [], "--max-header-bytes", "1000")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    """Opening a FIFO for reading waits for a writer: mdlint must not wait forever."""
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "good.md").write_text("---\n" + GOOD + "---\n")
    result = check(str(tmp_path / "pipe.md"), str(tmp_path / "good.md"))
    assert result.exit_code == 2
    assert (
        f"{tmp_path / 'pipe.md'}: cannot read: not a regular file (a named pipe)" in result.stderr
    )


# --- Bounded memory ------------------------------------------------------------------------------


def test_alias_bomb_stays_small_in_memory():
    data = (HOSTILE / "alias-bomb.md").read_bytes()
    assert len(data) < 1200
    tracemalloc.start()
    try:
        findings = analyse(data, SCHEMA).findings
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [finding.code for finding in findings] == ["FM008"]
    assert peak < 50 * 1024 * 1024, f"peak {peak:,} bytes"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS as Linux counts it")
def test_hostile_files_are_checked_under_a_1_gb_address_space_limit(tmp_path):
    """A bomb expanded for real needs tens of gigabytes; under the limit it would die."""
    (tmp_path / "bomb.md").write_bytes((HOSTILE / "alias-bomb.md").read_bytes())
    (tmp_path / "deep.md").write_text("---\n" + flow(100_000) + "---\n")
    (tmp_path / "keys.md").write_text(
        "---\n" + "".join(f"k{i}: v\n" for i in range(50_000)) + "---\n"
    )
    script = textwrap.dedent(
        """
        import resource, sys
        limit = 1024 ** 3
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        from mdlint.cli import main
        sys.argv = ["mdlint", *sys.argv[1:]]
        main()
        """
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            "check",
            "--isolated",
            "--no-cache",
            "-j",
            "1",
            "--output-format",
            "concise",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert f"{tmp_path / 'bomb.md'}:1:1: FM008" in result.stdout
    assert f"{tmp_path / 'deep.md'}:2:" in result.stdout
    assert result.stdout.count(f"{tmp_path / 'keys.md'}:") >= 50_000


# --- The test suite itself never reaches the network ---------------------------------------------


def test_connections_are_refused_in_tests():
    from .conftest import NetworkBlocked, _network_attempts

    try:
        with pytest.raises(NetworkBlocked):
            socket.create_connection(("192.0.2.1", 80), timeout=0.1)
        with socket.socket() as sock, pytest.raises(NetworkBlocked):
            sock.connect(("127.0.0.1", 9))
        with (
            socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock,
            pytest.raises(NetworkBlocked),
        ):
            sock.connect_ex(("::1", 9))
        with pytest.raises(NetworkBlocked):  # not an OSError, so urllib does not swallow it
            urllib.request.urlopen("http://192.0.2.1/schema.json", timeout=0.1)
        assert len(_network_attempts) == 4
    finally:
        _network_attempts.clear()  # these attempts were this test's point


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_unix_sockets_still_work(tmp_path):
    address = str(tmp_path / "s")
    with socket.socket(socket.AF_UNIX) as server, socket.socket(socket.AF_UNIX) as client:
        server.bind(address)
        server.listen(1)
        client.connect(address)
        connection, _ = server.accept()
        with connection:
            client.sendall(b"ok")
            assert connection.recv(2) == b"ok"
