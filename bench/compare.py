#!/usr/bin/env python3
"""mdlint's speed and memory against its peers and the floor, each as a ratio measured in one run.

    python bench/compare.py [--files 2000] [--seed 11] [--runs 5] [--work DIR] [--no-peers] [--no-remark]

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
- one file, as pre-commit calls it (the `mdlint` hook's entry in .pre-commit-hooks.yaml with
  FILE, in the site's directory), against `python -c "import mdlint"`; and, for information,
  the same call through the `mdlint` console script, as typed in a shell (pip's launcher imports
  re before mdlint's code runs: the hook does not start there).

The floor, mdlint's rows and check-jsonschema are measured in rounds, each command taking its
turn in every round, so that a slow spell of a shared machine weighs on all of them alike rather
than on one row (fix's copy of the site and its writes are flushed to disk outside the timed
runs), in an order shuffled each round, so that no row always follows a heavy one; remark, much
slower, is timed once, after.
On a shared machine the ratios still move by a tenth or two between runs: run it a few times.

mdlint runs in the generated site's directory, as in a user's checkout: a Git repository with a
Hugo .gitignore and no configuration file, so the bundled schema and the defaults apply.

Peak memory is the largest resident set of any one process of the command (getrusage of the
children), for mdlint with -j1 and with the default jobs. Set PYTHONDONTWRITEBYTECODE unset so
compiled modules are cached as they are for users (the script does this for its children).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HUGO_GITIGNORE = "# Hugo\npublic/\nresources/_gen/\n.hugo_build.lock\nnode_modules/\n"
IMPORT_ROW = "python -c 'import mdlint'"
HOOK_ROW = "mdlint check, one file (hook)"
# The console script pip writes imports re (and with it enum, functools, collections: ~6 ms here)
# to strip a Windows suffix from argv[0] before mdlint's own code runs: shown for information.
SCRIPT_ROW = "mdlint check, one file (script)"
ORDER_SEED = 7  # the order of the commands in each round (timed_together)
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


@dataclass
class Command:
    argv: list[str]
    cwd: Path | None = None
    setup: list[str] | None = None  # run before each timed run, untimed
    teardown: list[str] | None = None  # run after each timed run, untimed
    repeat: int = 1  # timed runs in each round (more for the quick ones)


def run_once(command: Command) -> float:
    if command.setup:
        subprocess.run(command.setup, cwd=command.cwd, env=ENV, check=True, capture_output=True)
    start = time.perf_counter()
    subprocess.run(
        command.argv,
        cwd=command.cwd,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if command.teardown:
        subprocess.run(command.teardown, cwd=command.cwd, env=ENV, check=True, capture_output=True)
    return elapsed


def peak_kb(command: Command) -> int:
    """The peak RSS (KB) of any one process of the command."""
    if command.setup:
        subprocess.run(command.setup, cwd=command.cwd, env=ENV, check=True, capture_output=True)
    measured = subprocess.run(
        [sys.executable, "-c", PEAK, *command.argv],
        cwd=command.cwd,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    return int(measured.stdout.strip() or 0)


def timed_together(commands: dict[str, Command], rounds: int) -> dict[str, tuple[float, int]]:
    """Each command's median wall time and peak RSS. The commands take turns within each round,
    so that a slow spell of a shared machine weighs on all of them alike, not on one row; in an
    order shuffled anew each round (seeded: the same for every run of the script), because a
    command run right after a heavy one is slower (on the machine these figures come from, a
    warm check took 0.066 s alone and 0.090 s right after a cold one), and a fixed order would
    always hand that to the same rows."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    order = random.Random(ORDER_SEED)
    for _ in range(rounds):
        names = list(commands)
        order.shuffle(names)
        for name in names:
            command = commands[name]
            times[name].extend(run_once(command) for _ in range(command.repeat))
    return {
        name: (statistics.median(times[name]), peak_kb(command))
        for name, command in commands.items()
    }


def timed(command: list[str], runs: int, cwd: Path | None = None) -> tuple[float, int]:
    """Median wall time of one command over `runs` runs, and its peak RSS (KB)."""
    return timed_together({"": Command(command, cwd)}, runs)[""]


def fix_copy(content: Path, copy: Path) -> Path:
    """The copy of the site that fix rows fix, made once: each run restores it in place (`cp`
    writes into the files already there) rather than deleting and copying it again. On ext4
    without a journal (the machine the README's figures come from), creating a file skips every
    inode freed in the last minute or more (`recently_deleted()` in fs/ext4/ialloc.c): a fresh
    copy made right after deleting the last one charged each file fix writes for the 20,000
    deletions, which a user's run never pays. Alternating the two set-ups at 20,000 articles:
    fix took 6.0, 8.1, 9.3, 9.0 s after a delete and copy (kernel time 1.9 s growing to 4.5 s),
    5.4, 5.8, 5.5, 6.4 s after a copy in place (1.8-2.0 s)."""

    def files(root: Path) -> set[Path]:
        return {path.relative_to(root) for path in root.rglob("*") if path.is_file()}

    if not copy.is_dir() or files(copy) != files(content):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(content, copy)
    return copy


def peer_commands(work: Path, site: Path) -> dict[str, Command]:
    """check-jsonschema on the site's headers, when it can be installed: timed in the same rounds
    as mdlint, since on a shared machine the same command's time drifts by half within minutes
    (timed after the rounds, check-jsonschema took 2.65 s in one run of this script and 1.71 s
    in the next, two minutes later; the floor took 0.21 s, and 0.32 s half an hour later).
    remark, minutes long at 20,000 articles, is timed once, after."""
    headers = write_headers(site)
    exe = check_jsonschema(work)
    if exe is None:
        return {}
    files = sorted(str(path) for path in headers.iterdir())
    return {"check-jsonschema (C parser)": Command([str(exe), "--schemafile", str(SCHEMA), *files])}


def hook_command(hook_id: str) -> list[str]:
    """The hook's entry, as pre-commit runs it in the hook's environment (whose `python` is
    this one)."""
    import shlex

    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    command = shlex.split(next(hook["entry"] for hook in hooks if hook["id"] == hook_id))
    return [sys.executable if command[0] == "python" else command[0], *command[1:]]


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
    # A site is a Git repository with a .gitignore: walks and --force-exclude consult it.
    (site / ".git").mkdir(exist_ok=True)
    (site / ".gitignore").write_text(HUGO_GITIGNORE, encoding="utf-8")
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
    parser.add_argument("--no-remark", action="store_true", help="skip remark (minutes at 20,000)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    site = make_site(args.work, args.files, args.seed)
    content = site / "content"
    mdlint = mdlint_command()
    cache = args.work / f"cache-{args.files}-{args.seed}"
    print(
        f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; {args.files} articles, median of {args.runs}"
    )

    subprocess.run(
        [sys.executable, "-c", "import yaml, mdlint.cli, mdlint.runner, mdlint.quick.run"],
        env=ENV,
        check=True,
    )  # compile once
    warm = [*mdlint, "check", "-q", "--output-format", "concise", "--cache-dir", str(cache)]
    subprocess.run([*warm, str(content)], cwd=site, env=ENV, capture_output=True, check=False)
    copy = fix_copy(content, args.work / f"fix-copy-{args.files}-{args.seed}")
    one = sorted(content.rglob("*.md"))[0]
    check = [*mdlint, "check", "-q", "--output-format", "concise", "--no-cache"]
    peers = {} if args.no_peers else peer_commands(args.work, site)
    rows = timed_together(
        {
            "floor (read + libyaml compose)": Command([sys.executable, "-c", FLOOR, str(content)]),
            "mdlint check cold": Command([*check, str(content)], site),
            "mdlint check cold -j1": Command([*check, "-j1", str(content)], site),
            "mdlint check warm": Command([*warm, str(content)], site),
            HOOK_ROW: Command(
                [*hook_command("mdlint"), str(one.relative_to(site))], site, repeat=4
            ),
            SCRIPT_ROW: Command(
                [*mdlint, "check", "--force-exclude", str(one.relative_to(site))], site, repeat=4
            ),
            IMPORT_ROW: Command([sys.executable, "-c", "import mdlint"], site, repeat=4),
            # The copy restored (in place: see fix_copy) before each fix, and its writes flushed
            # to disk before the next command runs, so that no row pays for another's disk
            # traffic.
            "mdlint fix (30% broken)": Command(
                [*mdlint, "fix", "-q", "--output-format", "concise", "--no-cache", str(copy)],
                site,
                setup=["sh", "-c", f"cp -r {content}/. {copy}/ && sync"],
                teardown=["sync"],
            ),
            **peers,
        },
        args.runs,
    )
    if not args.no_peers:
        exe = None if args.no_remark else remark(args.work)
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
    print(f"  one file / import mdlint       {get(HOOK_ROW) / get(IMPORT_ROW):6.2f}   [<= 1.3]")
    print(
        f"  one file, script / import      {get(SCRIPT_ROW) / get(IMPORT_ROW):6.2f}"
        "   (information: `mdlint check FILE` typed in a shell)"
    )


if __name__ == "__main__":
    main()
