from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# The tests are a gate (CI, and the README's command on a fresh machine): they must fail because
# the code changed, not because a run drew new examples. So by default every run draws the same
# examples; MDLINT_HYPOTHESIS_PROFILE=explore draws fresh ones each run, to look for new failures.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("MDLINT_HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
BUNDLED_SCHEMA = ROOT / "schemas" / "article.schema.json"
SITE_GENERATOR = SHARED / "bench" / "make_mainroad_corpus.py"
needs_site_generator = pytest.mark.skipif(
    not SITE_GENERATOR.is_file(), reason="../shared/bench is absent"
)


def generate_site(directory: Path, files: int, seed: int | None = None) -> list[Path]:
    """A Mainroad site of `files` generated articles (about 30% broken) in `directory`: its
    Markdown files, sorted."""
    import subprocess
    import sys

    seeded = [] if seed is None else ["--seed", str(seed)]
    command = [sys.executable, str(SITE_GENERATOR), str(directory), "--files", str(files)]
    subprocess.run([*command, *seeded], check=True, capture_output=True)
    return sorted(directory.rglob("*.md"))


VALID_HEADER = """\
---
title: "DeepSeek's rise: what it means — Barrons.com"
date: "2025-02-08 16:00:00"
summary: "Some summary..."
categories:
  - "Dow Jones Newswires"
lang:
  - "en"
translations:
  - "en"
tags:
  - "DeepSeek"
menu: ""
thumbnail: ""
lead: ""
comments: false
authorbox: false
pager: true
toc: false
mathjax: false
sidebar: "right"
widgets:
  - "search"
  - "recent"
  - "taglist"
---

Body text.
"""


@pytest.fixture(autouse=True)
def _hermetic_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A developer's MDLINT_OUTPUT_FORMAT must not change what tests see, and runs keep their
    cache out of the checkout (tests of the cache's own location undo this)."""
    monkeypatch.delenv("MDLINT_OUTPUT_FORMAT", raising=False)
    monkeypatch.setenv("MDLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "mdlint-cache"))


@pytest.fixture
def valid_article() -> str:
    return VALID_HEADER


# --- No network: any connection attempt (other than a Unix socket) fails the test that made it ----


class NetworkBlocked(RuntimeError):
    """Raised instead of connecting; not an OSError, so `except OSError` cannot swallow it."""


_network_attempts: list[str] = []


def _is_unix(sock: Any) -> bool:
    return getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX


@pytest.fixture(autouse=True, scope="session")
def _block_network() -> Iterator[None]:
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def refuse(what: str, address: object) -> NetworkBlocked:
        _network_attempts.append(f"{what}({address!r})")
        return NetworkBlocked(f"the tests must not use the network: {what}({address!r})")

    def connect(self: socket.socket, address: Any) -> None:
        if _is_unix(self):
            return real_connect(self, address)
        raise refuse("socket.connect", address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if _is_unix(self):
            return real_connect_ex(self, address)
        raise refuse("socket.connect_ex", address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        raise refuse("socket.create_connection", address)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", connect_ex)
        patch.setattr(socket, "create_connection", create_connection)
        yield


@pytest.fixture(autouse=True)
def _fail_on_network_attempt(_block_network: None) -> Iterator[None]:
    """Fails the test even when the code under test caught NetworkBlocked and went on."""
    del _network_attempts[:]
    yield
    attempts, _network_attempts[:] = list(_network_attempts), []
    if attempts:
        pytest.fail(f"the test tried to reach the network: {', '.join(attempts)}")
