"""Closing the window ends the background jobs before the workspace is closed: running
jobs are told to stop and the thread pool is waited for."""

from __future__ import annotations

import threading
import time

from desktop.workers import finish_background_work, run_job


def test_closing_cancels_running_jobs_and_waits_for_them(qapp) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    ended: list[str] = []

    def long_work(progress) -> str:  # type: ignore[no-untyped-def]
        started.set()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if not progress(1, 10):
                ended.append("cancelled")
                return "stopped"
            time.sleep(0.01)
        ended.append("ran out")
        return "done"

    job = run_job("Long work", long_work, show_progress=False)
    assert started.wait(5)
    assert not job.cancelled
    assert finish_background_work(wait_ms=10_000) is True
    assert job.cancelled
    assert ended == ["cancelled"]  # the job saw the cancel and ended before the wait returned


def test_a_job_that_ignores_cancel_is_waited_for_up_to_the_limit(qapp) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def stubborn(_progress) -> None:  # type: ignore[no-untyped-def]
        release.wait(5)

    run_job("Stubborn work", stubborn, show_progress=False)
    began = time.monotonic()
    assert finish_background_work(wait_ms=200) is False  # still running after the limit
    assert time.monotonic() - began < 4
    release.set()
    assert finish_background_work(wait_ms=10_000) is True
