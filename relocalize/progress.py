"""Progress: a bar on a terminal (documents, shards, rate, ETA), plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class Progress:
    """Tracks input bytes (for the ETA), documents and shards."""

    def __init__(self, shards: int, total_bytes: int, mode: str = "auto", stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.shards, self.total_bytes = shards, max(total_bytes, 1)
        self.done_shards = self.docs = self.bytes = 0
        self.start = self._last_log = time.monotonic()
        self.log_every = 30.0
        if mode == "auto":
            mode = "bar" if self.stream.isatty() else "log"
        self.mode = mode
        self._bar: Any = None
        if mode == "bar":
            from tqdm import tqdm

            self._bar = tqdm(
                total=self.total_bytes, unit="B", unit_scale=True, file=self.stream, dynamic_ncols=True, leave=True
            )
            self._postfix()

    def _postfix(self) -> None:
        rate = self.docs / max(time.monotonic() - self.start, 1e-9)
        self._bar.set_postfix_str(f"{self.docs:,} docs ({rate:,.1f}/s), shards {self.done_shards}/{self.shards}")

    def log(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        elif self.mode != "none":
            print(f"[relocalize] {message}", file=self.stream, flush=True)

    def advance(self, docs: int, nbytes: int) -> None:
        self.docs += docs
        self.bytes += nbytes
        if self._bar is not None:
            self._bar.update(nbytes)
            self._postfix()
        elif self.mode == "log" and time.monotonic() - self._last_log >= self.log_every:
            self._last_log = time.monotonic()
            self.log(self.line())

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        share = min(self.bytes / self.total_bytes, 1.0)
        eta = elapsed * (1 - share) / share if share > 0 else float("nan")
        eta_text = _duration(eta) if eta == eta else "?"
        return (
            f"{self.done_shards}/{self.shards} shards, {self.docs:,} docs ({self.docs / elapsed:,.1f} docs/s), "
            f"{share:.0%} of input, ETA {eta_text}"
        )

    def shard_done(self, name: str, message: str, nbytes_left: int = 0) -> None:
        self.done_shards += 1
        self.advance(0, nbytes_left)
        self.log(f"shard {self.done_shards}/{self.shards} {name}: {message}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
