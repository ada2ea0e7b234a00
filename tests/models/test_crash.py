"""Crash safety: SIGKILL an editing process at random moments; the file stays sound and no acknowledged edit is lost."""

from __future__ import annotations

import sys
import time

import pytest

from tests.models.crash_harness import run_trials

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")


def test_sigkill_loses_no_acknowledged_edit(db_path):
    start = time.monotonic()
    stats = run_trials(db_path, trials=60, seed=20261126, max_delay=0.08)
    print(f"crash: {stats.trials} kills, {stats.acknowledged} edits acknowledged, {stats.lost} lost, "
          f"{stats.in_flight_kept} in-flight kept, {time.monotonic() - start:.1f} s")
    assert stats.trials >= 50
    assert stats.integrity_failures == []
    assert stats.lost == 0, stats.mismatches
    assert stats.acknowledged >= 50  # the kills landed among real edits, not only at start-up
