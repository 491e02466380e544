from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
BUNDLED_SCHEMA = ROOT / "schemas" / "article.schema.json"

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


@pytest.fixture
def valid_article() -> str:
    return VALID_HEADER
