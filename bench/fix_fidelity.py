#!/usr/bin/env python3
"""How faithfully `mdlint fix` repairs a generated Hugo/Mainroad site, and what it leaves alone.

    python bench/fix_fidelity.py [--files 2000] [--seed 11] [--unsafe]

Writes a corpus with ../shared/bench/make_mainroad_corpus.py (a manifest lists each file's
mistakes), fixes every file in memory, and reports: safe-fixable mistakes repaired, files without
mistakes left byte-identical, header lines changed outside a mistaken key (must be 0), and files
a second run would change (must be 0).
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from mdlint.checker import analyse
from mdlint.fixer import fix_bytes
from mdlint.schema import load_schema
from mdlint.tree import Mapping, Scalar

GENERATOR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_mainroad_corpus.py"
SAFE_KINDS = {
    "bool-as-string",
    "bool-yes-no",
    "date-slashes",
    "date-words",
    "scalar-not-list",
    "enum-case",
    "widget-case",
    "duplicate-item",
    "lang-upper",
}
UNSAFE_KINDS = {"date-iso-t", "unknown-key-typo"}  # a dropped UTC zone, a renamed key
NOT_FIXABLE = {"missing-title", "sidebar-bad"}  # nothing to insert; "center" is no near miss
# Kinds that write the key's whole value: of two on one key, the generator keeps the last.
WRITES_VALUE = SAFE_KINDS - {"widget-case", "duplicate-item", "lang-upper"} | {
    "date-iso-t",
    "sidebar-bad",
    "missing-title",
}


@dataclass
class Report:
    files: int = 0
    clean_files: int = 0
    clean_untouched: int = 0
    mistakes: Counter[str] = field(default_factory=Counter)
    repaired: Counter[str] = field(default_factory=Counter)
    masked: Counter[str] = field(default_factory=Counter)
    lines_changed_outside: list[str] = field(default_factory=list)
    not_idempotent: list[str] = field(default_factory=list)

    def expected_kinds(self, unsafe: bool) -> set[str]:
        return SAFE_KINDS | (UNSAFE_KINDS if unsafe else set())

    def summary(self, unsafe: bool) -> str:
        lines = [
            f"files: {self.files}; without mistakes: {self.clean_files}, left byte-identical: {self.clean_untouched}"
        ]
        for kind in sorted(self.mistakes):
            tag = (
                "safe"
                if kind in SAFE_KINDS
                else "unsafe"
                if kind in UNSAFE_KINDS
                else "not fixable"
            )
            extra = (
                f" (+{self.masked[kind]} hidden by another mistake)" if self.masked[kind] else ""
            )
            lines.append(
                f"  {kind:18} {tag:12} repaired {self.repaired[kind]}/{self.mistakes[kind]}{extra}"
            )
        expected = self.expected_kinds(unsafe)
        due = sum(n - self.masked[k] for k, n in self.mistakes.items() if k in expected)
        done = sum(n for k, n in self.repaired.items() if k in expected)
        lines.append(f"fixable mistakes repaired: {done}/{due}")
        lines.append(
            f"header lines changed outside a mistaken key: {len(self.lines_changed_outside)}"
        )
        lines.append(f"files a second run would change: {len(self.not_idempotent)}")
        return "\n".join(lines)


def make_corpus(out: Path, files: int, seed: int) -> None:
    subprocess.run(
        [sys.executable, str(GENERATOR), str(out), "--files", str(files), "--seed", str(seed)],
        check=True,
    )


def key_lines(data: bytes) -> list[str]:
    """For each header line, the top-level key it belongs to ("" for comments and blanks)."""
    analysis = analyse(data, load_schema())
    assert analysis.document is not None and isinstance(analysis.root, Mapping)
    header = analysis.document.header.replace("\r\n", "\n")
    owners = [""] * len(header.splitlines())
    for key, value in analysis.root.pairs:
        if isinstance(key, Scalar):
            last = value.span.end_line - (1 if value.span.end_col == 0 else 0)
            for line in range(key.span.start_line, max(last, key.span.start_line) + 1):
                owners[line] = key.value
    return owners


def header_lines(data: bytes) -> list[str]:
    analysis = analyse(data, load_schema())
    assert analysis.document is not None
    return analysis.document.header.replace("\r\n", "\n").splitlines()


def evaluate(corpus: Path, unsafe: bool = False) -> Report:
    schema = load_schema()
    report = Report()
    for entry in (corpus / "manifest.jsonl").read_text().splitlines():
        item = json.loads(entry)
        path, mistakes = corpus / item["file"], item["mistakes"]
        original = path.read_bytes()
        result = fix_bytes(original, schema, unsafe=unsafe)
        report.files += 1
        if not mistakes:
            report.clean_files += 1
            report.clean_untouched += result.fixed == original
            continue
        keys = {m["key"] for m in mistakes} | (
            {"catgories"} if any(m["kind"] == "unknown-key-typo" for m in mistakes) else set()
        )
        remaining_roots = {f.json_path.split("[")[0].split(".")[0] for f in result.remaining}
        typo = any(m["kind"] == "unknown-key-typo" for m in mistakes)
        for mistake in mistakes:
            kind, key = mistake["kind"], mistake["key"]
            report.mistakes[kind] += 1
            if typo and key == "categories" and kind != "unknown-key-typo" and not unsafe:
                report.masked[kind] += 1  # the key is misspelt, so the schema never sees its value
                continue
            if kind in WRITES_VALUE and any(
                later["key"] == key and later["kind"] in WRITES_VALUE
                for later in mistakes[mistakes.index(mistake) + 1 :]
            ):
                report.masked[kind] += 1  # a later mistake on the same key replaced this one
                continue
            looked_at = "catgories" if kind == "unknown-key-typo" else key
            if looked_at not in remaining_roots and (
                kind != "missing-title" or "" not in remaining_roots
            ):
                report.repaired[kind] += 1
        owners = key_lines(original)
        before, after = header_lines(original), header_lines(result.fixed)
        for tag, i1, i2, _, _ in difflib.SequenceMatcher(
            a=before, b=after, autojunk=False
        ).get_opcodes():
            if tag in ("replace", "delete"):
                outside = [before[i] for i in range(i1, i2) if owners[i] not in keys]
                report.lines_changed_outside.extend(f"{item['file']}: {line}" for line in outside)
        if fix_bytes(result.fixed, schema, unsafe=unsafe).fixed != result.fixed:
            report.not_idempotent.append(item["file"])
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--unsafe", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), args.files, args.seed)
        print(evaluate(Path(tmp), args.unsafe).summary(args.unsafe))


if __name__ == "__main__":
    main()
