#!/usr/bin/env python3
"""mdlint's speed and memory against its peers and the floor, each as a ratio measured in one run.

    python bench/compare.py [--files 2000] [--seed 11] [--runs 5] [--work DIR] [--no-peers]

Run it by hand on a quiet machine, from the project's virtual environment (mdlint installed).
It writes a Hugo/Mainroad site with ../shared/bench/make_mainroad_corpus.py and times, as whole
commands (interpreter start-up included), the median of --runs runs of:

- floor: a bare Python loop that reads each header and composes it with libyaml (PyYAML's
  CSafeLoader), nothing else: no schema, no output;
- mdlint check, cold (--no-cache) and warm (nothing changed since the last run), and with -j1;
- check-jsonschema (with ruamel.yaml's C parser) on the same headers written as YAML files;
  installed into WORK/check-jsonschema-venv with pip on first use;
- remark-lint-frontmatter-schema when Node.js and npm are present; installed into WORK/node
  with `npm install remark-cli remark-frontmatter remark-lint-frontmatter-schema` on first use;
- mdlint fix over a copy of the site (30% of its files carry mistakes), against cold check;
- one file, as pre-commit calls it, against `python -c "import mdlint"`.

mdlint runs in the generated site's directory, as in a user's checkout: no configuration file
is found above it, so the bundled schema and the defaults apply.

Peak memory is the largest resident set of any one process of the command (getrusage of the
children), for mdlint with -j1 and with the default jobs. Set PYTHONDONTWRITEBYTECODE unset so
compiled modules are cached as they are for users (the script does this for its children).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMPORT_ROW = "python -c 'import mdlint'"
GENERATOR = ROOT.parent / "shared" / "bench" / "make_mainroad_corpus.py"
SCHEMA = ROOT / "schemas" / "article.schema.json"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
FLOOR = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    text = path.read_bytes().decode("utf-8-sig")
    if text.startswith("---"):
        end = text.find("\\n---", 3)
        yaml.compose(text[3:end], Loader=yaml.CSafeLoader)
"""


# Runs a command and prints the largest resident set of it or any process it waited for (KB).
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(
    command: list[str], runs: int, cwd: Path | None = None, setup: list[str] | None = None
) -> tuple[float, int]:
    """Median wall time of `command` over `runs` runs, and the peak RSS (KB) of any one process."""
    times = []
    peak = 0
    for _ in range(runs):
        if setup:
            subprocess.run(setup, cwd=cwd, env=ENV, check=True, capture_output=True)
        start = time.perf_counter()
        subprocess.run(
            command,
            cwd=cwd,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        times.append(time.perf_counter() - start)
    measured = subprocess.run(
        [sys.executable, "-c", PEAK, *command],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    if setup:
        subprocess.run(setup, cwd=cwd, env=ENV, check=True, capture_output=True)
    peak = int(measured.stdout.strip() or 0)
    return statistics.median(times), peak


def mdlint_command() -> list[str]:
    found = shutil.which("mdlint", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "mdlint"]


def make_site(work: Path, files: int, seed: int) -> Path:
    site = work / f"site-{files}-{seed}"
    if not (site / "manifest.jsonl").exists():
        subprocess.run(
            [sys.executable, str(GENERATOR), str(site), "--files", str(files), "--seed", str(seed)],
            check=True,
        )
    return site


def write_headers(site: Path) -> Path:
    """The same headers as YAML files, for check-jsonschema."""
    out = site.parent / (site.name + "-headers")
    if out.exists():
        return out
    out.mkdir()
    for index, path in enumerate(sorted((site / "content").rglob("*.md"))):
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        end = text.find("\n---", 3)
        (out / f"{index:06d}.yaml").write_text(text[4 : end + 1], encoding="utf-8")
    return out


def check_jsonschema(work: Path) -> Path | None:
    venv = work / "check-jsonschema-venv"
    exe = venv / "bin" / "check-jsonschema"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "check-jsonschema", "ruamel.yaml.clib"],
            check=False,
        )
        if done.returncode != 0:
            return None
    return exe


def remark(work: Path) -> Path | None:
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    node = work / "node"
    exe = node / "node_modules" / ".bin" / "remark"
    if not exe.exists():
        node.mkdir(exist_ok=True)
        (node / "package.json").write_text('{"private": true, "type": "module"}')
        done = subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "remark-cli",
                "remark-frontmatter",
                "remark-lint-frontmatter-schema",
            ],
            cwd=node,
            check=False,
        )
        if done.returncode != 0:
            return None
    (node / ".remarkrc.json").write_text(
        json.dumps(
            {
                "plugins": [
                    "remark-frontmatter",
                    ["remark-lint-frontmatter-schema", {"schemas": {str(SCHEMA): ["**/*.md"]}}],
                ]
            }
        )
    )
    return exe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/mdlint-bench"))
    parser.add_argument("--no-peers", action="store_true", help="skip check-jsonschema and remark")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    site = make_site(args.work, args.files, args.seed)
    content = site / "content"
    mdlint = mdlint_command()
    cache = args.work / f"cache-{args.files}-{args.seed}"
    print(
        f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; {args.files} articles, median of {args.runs}"
    )

    rows: dict[str, tuple[float, int]] = {}
    subprocess.run(
        [sys.executable, "-c", "import yaml, mdlint.cli, mdlint.runner, mdlint.quick.run"],
        env=ENV,
        check=True,
    )  # compile once
    rows["floor (read + libyaml compose)"] = timed(
        [sys.executable, "-c", FLOOR, str(content)], args.runs
    )
    rows["mdlint check cold"] = timed(
        [*mdlint, "check", "-q", "--output-format", "concise", "--no-cache", str(content)],
        args.runs,
        cwd=site,
    )
    rows["mdlint check cold -j1"] = timed(
        [*mdlint, "check", "-q", "--output-format", "concise", "--no-cache", "-j1", str(content)],
        args.runs,
        cwd=site,
    )
    warm = [*mdlint, "check", "-q", "--output-format", "concise", "--cache-dir", str(cache)]
    subprocess.run([*warm, str(content)], cwd=site, env=ENV, capture_output=True, check=False)
    rows["mdlint check warm"] = timed([*warm, str(content)], args.runs, cwd=site)
    copy = args.work / "fix-copy"
    setup = ["sh", "-c", f"rm -rf {copy} && cp -r {content} {copy}"]
    rows["mdlint fix (30% broken)"] = timed(
        [*mdlint, "fix", "-q", "--output-format", "concise", "--no-cache", str(copy)],
        args.runs,
        setup=setup,
        cwd=site,
    )
    one = sorted(content.rglob("*.md"))[0]
    rows["mdlint check, one file"] = timed(
        [*mdlint, "check", "-q", "--output-format", "concise", "--no-cache", str(one)],
        args.runs * 4,
        cwd=site,
    )
    rows[IMPORT_ROW] = timed([sys.executable, "-c", "import mdlint"], args.runs * 4, cwd=site)
    if not args.no_peers:
        headers = write_headers(site)
        exe = check_jsonschema(args.work)
        if exe is not None:
            files = sorted(str(p) for p in headers.iterdir())
            rows["check-jsonschema (C parser)"] = timed(
                [str(exe), "--schemafile", str(SCHEMA), *files], max(1, args.runs // 2)
            )
        exe = remark(args.work)
        if exe is not None:
            rows["remark-lint-frontmatter-schema"] = timed(
                [
                    str(exe),
                    "--quiet",
                    "--frail",
                    "--rc-path",
                    str(args.work / "node" / ".remarkrc.json"),
                    str(content),
                ],
                1,
                cwd=args.work / "node",
            )

    for name, (seconds, peak) in rows.items():
        print(f"{name:36} {seconds:8.3f} s   peak {peak / 1024:6.1f} MB")
    get = lambda name: rows[name][0] if name in rows else None  # noqa: E731
    cold, floor, warm = (
        get("mdlint check cold"),
        get("floor (read + libyaml compose)"),
        get("mdlint check warm"),
    )
    print("\nratios (targets in brackets):")
    print(f"  cold / floor                   {cold / floor:6.2f}   [<= 2.5]")
    if get("check-jsonschema (C parser)"):
        print(
            f"  cold / check-jsonschema        {cold / get('check-jsonschema (C parser)'):6.2f}   [<= 0.33]"
        )
    if get("remark-lint-frontmatter-schema"):
        print(
            f"  cold / remark-lint             {cold / get('remark-lint-frontmatter-schema'):6.3f}"
        )
    print(f"  warm / cold                    {warm / cold:6.2f}   [<= 0.20]")
    print(f"  fix / cold check               {get('mdlint fix (30% broken)') / cold:6.2f}   [<= 3]")
    print(
        f"  one file / import mdlint       {get('mdlint check, one file') / get(IMPORT_ROW):6.2f}   [<= 1.3]"
    )


if __name__ == "__main__":
    main()
