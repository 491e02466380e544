"""The `junit` format: JUnit XML, one test case per file checked, for GitLab, Jenkins and the like.

A file with findings is a failed test case whose failure lists them, one `concise` line each; a
file that cannot be read is a test case in error; a clean file is a passed test case.

    <testsuites name="mdlint" tests="3" failures="1" errors="0">
      <testsuite name="mdlint" tests="3" failures="1" errors="0" skipped="0">
        <testcase classname="mdlint" name="content/posts/a.md" file="content/posts/a.md">
          <failure type="mdlint" message="2 problems">content/posts/a.md:16:11: SC001 ...</failure>
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO
from xml.etree import ElementTree

from ..findings import FileResult
from . import ReportOptions
from .text import concise_line

# Characters XML 1.0 cannot hold, even escaped; a message may quote them from a file.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def report_junit(results: Iterable[FileResult], out: TextIO, options: ReportOptions) -> None:
    out.write(junit_xml(results) + "\n")


def junit_xml(results: Iterable[FileResult]) -> str:
    results = list(results)  # one test case per file: counted first, then written
    tests = len(results)
    failures = sum(1 for result in results if result.findings and not result.error)
    errors = sum(1 for result in results if result.error)
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors)}
    root = ElementTree.Element("testsuites", {"name": "mdlint", **counts})
    suite = ElementTree.SubElement(root, "testsuite", {"name": "mdlint", **counts, "skipped": "0"})
    for result in results:
        path = xml_text(result.path)
        case = ElementTree.SubElement(
            suite, "testcase", {"classname": "mdlint", "name": path, "file": path}
        )
        if result.error:
            error = ElementTree.SubElement(
                case, "error", {"type": "mdlint", "message": xml_text(result.error)}
            )
            error.text = xml_text(result.error)
        elif result.findings:
            count = len(result.findings)
            failure = ElementTree.SubElement(
                case,
                "failure",
                {"type": "mdlint", "message": f"{count} {'problem' if count == 1 else 'problems'}"},
            )
            failure.text = "\n".join(
                xml_text(concise_line(result.path, finding)) for finding in result.findings
            )
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body
