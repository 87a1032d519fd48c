# SPDX-License-Identifier: MIT
"""The test runner behind `make check'.

Each selected test boots a fresh QEMU with its own memory, fresh
file-system and swap disks and a wall-clock limit, all taken from its
manifest line.  Console, log and command line are kept in
build/results/SUITE/NAME.{console,log,cmd}.  Runs go in parallel (--jobs);
the report is one PASS/FAIL line per run as it finishes, then the details
of every failure, then `N passed, M failed'.  The report and the failed
runs' files are also kept in build/reports/TIME/ (reports.py)."""

import dataclasses
import fnmatch
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import disk, faults, judge, machine, reports
from .common import BUILD, KERNEL_BIN, ROOT, PagodaError, rel
from .manifest import TESTS_DIR, discover

RESULTS = BUILD / "results"
TAIL_LINES = 15
# `make check TRACE_VM=1': boot every test with -trace=vm, keep the trace
# as build/results/SUITE/NAME.trace and check its counters against the
# kernel's (docs/tracing.md).  The console must not change.
TRACE_VM = False
# `make check SMP=N': CPUs of every test whose manifest line names none.
SMP = 1


def select(specs, globs):
    """The specs matching any of GLOBS (fnmatch on `suite/name'; a glob
    without a slash also matches bare names).  All when GLOBS is empty."""
    if not globs:
        return list(specs)
    picked = []
    for spec in specs:
        for g in globs:
            if fnmatch.fnmatchcase(spec.id, g) or (
                    "/" not in g and fnmatch.fnmatchcase(spec.name, g)):
                picked.append(spec)
                break
    return picked


def find_file(spec, name):
    """Host path of file NAME for SPEC's disk: build/tests/SUITE/NAME,
    build/bin/NAME, then tests/SUITE/NAME (data files); None if absent."""
    for base in (BUILD / "tests" / spec.suite, BUILD / "bin",
                 TESTS_DIR / spec.suite):
        if (base / name).is_file():
            return base / name
    return None


def disk_files(spec):
    """(host path, disk name) pairs to put on SPEC's file-system disk.
    Raises PagodaError for a file that cannot be found."""
    files, names = [], set()

    def add(host, name):
        if name not in names:
            names.add(name)
            files.append((host, name))

    if spec.kind == "user":
        if spec.program.is_file():
            add(spec.program, spec.name)
        elif spec.args.split()[:1] == [spec.name]:
            raise PagodaError(f"{rel(spec.program)} is not built")
        first = (spec.args.split() or [""])[0]
        host = find_file(spec, first) if first else None
        if host is not None and host.suffix != ".out":
            add(host, first)
    for name in spec.put:
        host = find_file(spec, name)
        if host is None:
            raise PagodaError(f"put={name}: not in build/tests/{spec.suite},"
                              f" build/bin or tests/{spec.suite}")
        add(host, Path(name).name)
    return files


def prepare(spec, workdir, console, log):
    """A Machine for SPEC with fresh disks in WORKDIR, console and log
    going where given.  Raises PagodaError if a disk cannot be built."""
    m = machine.Machine(kernel_args=spec.command_line(), mem=spec.mem,
                        console=console, log=log, icount=spec.icount,
                        smp=spec.smp or SMP)
    if spec.fs_image:
        # A prepared (possibly damaged) image: boot on a private copy.
        src = ROOT / spec.fs_image
        if not src.is_file():
            raise PagodaError(f"fs-image={spec.fs_image}: no such file"
                              " (the corrupt-image corpus is built by"
                              " `make unit')")
        m.fs_image = Path(workdir) / "fs.img"
        shutil.copyfile(src, m.fs_image)
    elif spec.fs > 0:
        m.fs_image = Path(workdir) / "fs.img"
        disk.build_image(m.fs_image, spec.fs, disk_files(spec))
    if spec.swap > 0:
        m.swap_image = Path(workdir) / "swap.img"
        disk.create_blank(m.swap_image, spec.swap)
    _add_faults(spec, m, workdir)
    return m


def _add_faults(spec, m, workdir):
    """blkdebug rules files for SPEC's fs-fault and swap-fault keys."""
    if spec.fs_fault:
        if m.fs_image is None:
            raise PagodaError("fs-fault needs a file-system disk")
        files = {} if spec.fs_image else \
            {name: host for host, name in disk_files(spec)}
        m.fs_faults = faults.write_config(
            faults.parse(spec.fs_fault, "fs-fault"),
            Path(workdir) / "fs-faults.conf", m.fs_image, files)
    if spec.swap_fault:
        if m.swap_image is None:
            raise PagodaError("swap-fault needs a swap disk")
        m.swap_faults = faults.write_config(
            faults.parse(spec.swap_fault, "swap-fault"),
            Path(workdir) / "swap-faults.conf", m.swap_image)


def rerun_command(spec):
    """A `tools/pagoda run' command line that repeats SPEC by hand."""
    words = ["tools/pagoda", "run", "-m", str(spec.mem),
             "--timeout", str(spec.timeout)]
    if spec.fs:
        words.append(f"--fs-disk={spec.fs}")
        try:
            words += [f"--put {rel(h)}:{n}" for h, n in disk_files(spec)]
        except PagodaError:
            pass
    if spec.swap:
        words.append(f"--swap-disk={spec.swap}")
    return " ".join(words + ["--", spec.command_line()])


@dataclass
class Run:
    """One finished run of one test."""
    spec: object
    index: int            # 1-based run number (--repeat)
    label: str            # suite/name, or suite/name#index
    verdict: judge.Verdict
    seconds: float
    console: str
    stem: Path            # build/results/SUITE/NAME (no extension)
    stderr: str = ""


def _result_stem(spec, index, repeat):
    name = spec.name if repeat == 1 else f"{spec.name}.{index}"
    return RESULTS / spec.suite / name


def _read(path):
    try:
        return Path(path).read_text(errors="replace")
    except FileNotFoundError:
        return ""


def _expected(spec):
    try:
        return judge.console_lines(spec.expected_path.read_text())
    except FileNotFoundError:
        raise PagodaError(f"missing tests/{spec.id}.out") from None


def _boot_before(spec, m):
    """The first boot of a two-boot test (key `before'): run its ARGS on
    the same disks; it must power off cleanly.  Raises PagodaError."""
    first = dataclasses.replace(m, kernel_args=f"-q run '{spec.before}'")
    res = machine.run_captured(first.argv(), spec.timeout)
    text = _read(m.console)
    if res.timed_out or res.status != 0 or "Powering off..." not in text \
            or "PANIC" in text:
        raise PagodaError(f"first boot (before={spec.before}) did not power"
                          f" off cleanly; its console ends: "
                          + " | ".join(text.splitlines()[-3:]))
    Path(m.console).unlink(missing_ok=True)
    Path(m.log).unlink(missing_ok=True)


def _check_trace(path, stem, log_text):
    """Keep the trace of a TRACE_VM run; reasons its counters are not the
    kernel's."""
    from . import tracefile
    if not Path(path).is_file():
        return ["no trace file"]
    shutil.copyfile(path, f"{stem}.trace")
    try:
        return tracefile.check_against_log(tracefile.read(path), log_text)
    except PagodaError as e:
        return [f"trace: {e}"]


def run_test(spec, index, repeat):
    """Run SPEC once and judge it.  Never raises: set-up problems become
    failure reasons."""
    stem = _result_stem(spec, index, repeat)
    label = spec.id if repeat == 1 else f"{spec.id}#{index}"
    stem.parent.mkdir(parents=True, exist_ok=True)
    for ext in (".console", ".log", ".cmd"):
        Path(str(stem) + ext).unlink(missing_ok=True)
    start = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="pagoda-test-")
    try:
        if spec.error:
            raise PagodaError(spec.error)
        expected = _expected(spec)
        # QEMU writes into the private work directory; the results are
        # copied out afterwards, so two runners sharing build/ cannot
        # judge each other's output.
        console, log = Path(workdir) / "console", Path(workdir) / "log"
        m = prepare(spec, workdir, console, log)
        if TRACE_VM:
            m.trace = Path(workdir) / "trace"
            m.kernel_args = "-trace=vm " + m.kernel_args
        argv = m.argv()
        Path(f"{stem}.cmd").write_text(
            "# rerun: " + rerun_command(spec) + "\n"
            "# QEMU as run (its disks and serial files were temporary):\n"
            + machine.format_argv(argv) + "\n")
        if spec.before:
            _boot_before(spec, m)
        res = machine.run_captured(argv, spec.timeout)
        text, log_text = _read(console), _read(log)
        Path(f"{stem}.console").write_text(text)
        Path(f"{stem}.log").write_text(log_text)
        v = judge.judge(spec, expected, text, log_text, res.status,
                        res.timed_out)
        if TRACE_VM:
            v.reasons += _check_trace(m.trace, stem, log_text)
        return Run(spec, index, label, v, time.monotonic() - start, text,
                   stem, res.stderr)
    except PagodaError as e:
        return Run(spec, index, label, judge.Verdict([str(e)]),
                   time.monotonic() - start, "", stem)
    except Exception as e:    # a runner bug must not hide other results
        return Run(spec, index, label,
                   judge.Verdict([f"runner error: {type(e).__name__}: {e}"]),
                   time.monotonic() - start, "", stem)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _indent(lines, prefix="    "):
    return [prefix + ln for ln in lines]


def details(run):
    """The failure report of RUN: reasons, diff, console tail, stack."""
    out = [f"==== {run.label}: FAIL"]
    out += _indent(run.verdict.reasons, "  - ")
    if run.verdict.diff:
        out.append("  expected vs actual output:")
        out += _indent(run.verdict.diff)
    tail = judge.console_lines(run.console)[-TAIL_LINES:]
    if tail:
        out.append(f"  last console lines ({rel(run.stem)}.console):")
        out += _indent(tail)
    if run.verdict.stack:
        out.append("  call stack:")
        out += _indent(run.verdict.stack)
    err = [ln for ln in run.stderr.splitlines() if ln.strip()]
    if err:
        out.append("  QEMU said:")
        out += _indent(err[-5:])
    out.append(f"  results: {rel(run.stem)}.{{console,log,cmd}}")
    out.append(f"  rerun:   make check TESTS={run.spec.id}")
    return out


class Reporter:
    """Prints each run's line as it finishes (thread-safe) and keeps the
    failures for the end."""

    def __init__(self, stream):
        self.stream = stream
        self.lock = threading.Lock()
        self.passed = 0
        self.failed = []

    def emit(self, lines):
        with self.lock:
            self.stream.write("".join(ln + "\n" for ln in lines))
            self.stream.flush()

    def add(self, run):
        v = run.verdict
        head = (f"{'PASS' if v.passed else 'FAIL'} {run.label}"
                f" ({run.seconds:.1f} s)")
        lines = [head if v.passed else f"{head}: {v.reasons[0]}"]
        if run.spec.expect == "panic" and v.passed and v.stack:
            lines += _indent(v.stack)
        with self.lock:
            if v.passed:
                self.passed += 1
            else:
                self.failed.append(run)
        self.emit(lines)

    def finish(self, report=None):
        """Print the failures and the totals; keep them in REPORT (a
        reports.RunReport) if given.  Returns the exit status."""
        for run in self.failed:
            lines = details(run)
            self.emit(lines)
            if report:
                report.add_failure(run, lines)
        if self.failed:
            self.emit(["failed: " + " ".join(r.label for r in self.failed)])
        status = 0 if self.passed and not self.failed else 1
        if report:
            self.emit([f"report: {report.where()}"])
        self.emit([f"{self.passed} passed, {len(self.failed)} failed"])
        if report:
            report.finish(status == 0)
        return status


def run_tests(specs, jobs=2, repeat=1, stream=None):
    """Run every spec REPEAT times, JOBS at a time; print the report and
    return the exit status (non-zero if a run failed or none ran)."""
    stream = stream or sys.stdout
    if not KERNEL_BIN.is_file():
        raise PagodaError(f"{rel(KERNEL_BIN)} is missing (run `make')")
    report = reports.RunReport(stream)
    reporter = Reporter(report)
    work = [(s, i) for s in specs for i in range(1, repeat + 1)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run_test, s, i, repeat) for s, i in work]
        try:
            for f in futures:
                reporter.add(f.result())
        except KeyboardInterrupt:
            for f in futures:
                f.cancel()
            machine.kill_all()
            raise
    return reporter.finish(report)


def list_tests(specs, stream=None):
    """Print one line per spec with its effective settings."""
    stream = stream or sys.stdout
    for s in specs:
        extra = [f"kind={s.kind}", f"mem={s.mem}", f"fs={s.fs}",
                 f"swap={s.swap}", f"timeout={s.timeout}"]
        if s.expect != "output":
            extra.append(f"expect={s.expect}")
        if s.error:
            extra.append(f"ERROR: {s.error}")
        stream.write(f"{s.id:40} {' '.join(extra)}\n")
    return 0


def with_policy(specs, policy):
    """SPECS booting with `-vm-policy=POLICY' (unchanged when None)."""
    if not policy:
        return specs
    return [dataclasses.replace(
        s, kargs=" ".join(w for w in (f"-vm-policy={policy}", s.kargs) if w))
        for s in specs]


def main(globs, jobs=2, repeat=1, list_only=False, vm_policy=None):
    """`pagoda test': select, then list or run (every test booted with
    -vm-policy=VM_POLICY when given)."""
    specs = with_policy(select(discover(), globs), vm_policy)
    if list_only:
        return list_tests(specs)
    if not specs:
        print("no test matches " + " ".join(globs) if globs else
              "no tests found", file=sys.stderr)
        print("0 passed, 0 failed")
        return 1
    return run_tests(specs, jobs, repeat)

