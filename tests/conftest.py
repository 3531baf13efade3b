"""Shared test helpers: where ../shared is, our own fixtures, a fresh database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(os.environ.get("VAARTA_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a reason when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (real data lives in ../shared beside the repository)")
    return p


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")
