# SPDX-License-Identifier: MIT
"""Run reports: what one `pagoda test' run (so one `make check') leaves
behind, so that a rare failure can be read after the fact.

Each run gets build/reports/YYYYmmdd-HHMMSS/ (its start time, UTC; -2, -3
... if two start in the same second):

    summary.txt          the runner's whole report as printed, after a
                         header: command, commit, start, duration
    status               `passed' or `failed', written at the end
    failed/SUITE/NAME.{console,log,cmd}   copies of each failed run's files
    failed/SUITE/NAME.diff                its expected-vs-actual diff
    failed/SUITE/NAME.report              its failure report

A report whose run failed (or never finished) is kept until someone
deletes it; of the passing ones only the newest KEEP_PASSED stay.
`make clean' keeps build/reports/."""

import datetime
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .common import BUILD, ROOT, rel

REPORTS = BUILD / "reports"
KEEP_PASSED = 5


def _commit():
    """`abc1234' or `abc1234 + local changes'; `?' outside a git clone."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"],
                              cwd=ROOT, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain",
                                "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True,
                               timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"
    return (head or "?") + (" + local changes" if dirty else "")


class RunReport:
    """The report folder of one run; also a stream that copies what the
    runner prints into summary.txt."""

    def __init__(self, stream, root=REPORTS):
        self.stream = stream
        self.start = time.monotonic()
        now = datetime.datetime.now(datetime.timezone.utc)
        stamp = now.strftime("%Y%m%d-%H%M%S")
        root.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            self.dir = root / (stamp if n == 1 else f"{stamp}-{n}")
            try:
                self.dir.mkdir()
                break
            except FileExistsError:
                continue
        self.summary = open(self.dir / "summary.txt", "w")
        self.summary.write(
            f"# pagoda test {' '.join(sys.argv[2:])}\n"
            f"# commit {_commit()}, started {now:%Y-%m-%d %H:%M:%S} UTC\n")

    def write(self, text):
        self.stream.write(text)
        self.summary.write(text)

    def flush(self):
        self.stream.flush()
        self.summary.flush()

    def add_failure(self, run, report_lines):
        """Keep the files of failed RUN (a runner.Run) and its report."""
        dest = self.dir / "failed" / run.spec.suite
        dest.mkdir(parents=True, exist_ok=True)
        name = Path(run.stem).name
        for ext in (".console", ".log", ".cmd"):
            src = Path(f"{run.stem}{ext}")
            if src.is_file():
                shutil.copyfile(src, dest / f"{name}{ext}")
        (dest / f"{name}.diff").write_text(
            "".join(ln + "\n" for ln in run.verdict.diff))
        (dest / f"{name}.report").write_text(
            "".join(ln + "\n" for ln in report_lines))

    def finish(self, passed):
        """Close the summary, write the status and prune old passing
        reports."""
        self.summary.write(f"# took {time.monotonic() - self.start:.1f} s\n")
        self.summary.close()
        (self.dir / "status").write_text("passed\n" if passed
                                         else "failed\n")
        prune(self.dir.parent)

    def where(self):
        return rel(self.dir) + "/"


def prune(root=REPORTS, keep=KEEP_PASSED):
    """Delete all but the newest KEEP passing reports under ROOT; failed
    and unfinished ones stay."""
    passed = []
    for d in sorted(p for p in Path(root).iterdir() if p.is_dir()):
        try:
            if (d / "status").read_text().strip() == "passed":
                passed.append(d)
        except FileNotFoundError:
            pass
    for d in passed[:-keep] if keep else passed:
        shutil.rmtree(d, ignore_errors=True)
