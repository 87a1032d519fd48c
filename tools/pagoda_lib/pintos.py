# SPDX-License-Identifier: MIT
"""`pagoda pintos TREE [GLOB...]': run a Pintos tree's own tests, unmodified,
on Pagoda.

The tree (KAIST x86-64 layout) is read, never copied, and everything
built from it goes to build/pintos/NAME-HASH/:

    tree -> TREE           include/tests -> TREE/tests (kernel includes)
    pintos.mk              the generated makefile (below)
    work/                  user library and programs (make runs here)
    results/               per test tests/DIR/NAME.{output,result,log,cmd}
                           (results/repeat-K/... with --repeat)
    kernel.elf, .bin       Pagoda's kernel with TREE's tests/threads linked in

GNU make itself evaluates the tree's Make.tests files: pintos.mk sets
SRCDIR and VPATH as a Pintos build does, includes PROJECT/Make.vars's
TEST_SUBDIRS' Make.tests (plus tests/threads/mlfqs), and adds rules of its
own that build the user programs from their _SRC lists with the tree's
user library (Makefile.userprog's lib_SRC, lib/user_SRC), lib/user/entry
and lib/user/user.lds, and a `%.output' rule that prints each test's
TIMEOUT, MEMORY, SWAP_DISK, FSDISK, PUTFILES, KERNELFLAGS, PINTOSOPTS and
_ARGS as the tree's target-specific settings make them.  Each test then
boots a fresh QEMU (-pintos-banner, -threads-tests for tests/threads),
its console goes to NAME.output, and the tree's NAME.ck judges it with
`perl -I TREE'.  Grades come from PROJECT's GRADING_FILE and its rubrics."""

import argparse
import fnmatch
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import debug, disk, machine
from .common import (BUILD, KERNEL_BIN, ROOT, PagodaError, free_gdb_port,
                     rel)

PINTOS_BUILD = BUILD / "pintos"
PROJECTS = ("vm", "userprog", "threads", "filesys")
MARK = "PAGODA-PINTOS"
TAIL_LINES = 15

# The user programs' flags: the ones pintos-abi.md 4.5 gives, -O0 as
# Pintos builds them, and -fcommon for the tentative definitions that
# modern gcc (10 and later) would otherwise reject as duplicates.
USER_CFLAGS = ("-std=gnu11 -O0 -g -nostdinc -msoft-float -mno-sse "
               "-mno-red-zone -mcmodel=large -fno-pic -fno-pie -fno-plt "
               "-fno-stack-protector -fno-omit-frame-pointer -fcommon "
               "-fno-asynchronous-unwind-tables -fcf-protection=none "
               "-Wno-builtin-declaration-mismatch")
USER_LDFLAGS = ("-nostdlib -static -z max-page-size=0x1000 -z noexecstack "
                "--no-warn-rwx-segments")


@dataclass
class PintosTest:
    """One test as the tree's makefiles describe it."""
    name: str                 # tests/DIR/NAME
    kernel: bool              # an in-kernel test (tests/threads...)
    timeout: int = 60
    memory: int = 20
    swap: int = 0
    fsdisk: int = 0
    putfiles: list = field(default_factory=list)   # host paths
    kernelflags: str = ""
    args: str = ""
    error: str = ""

    @property
    def short(self):
        return self.name.rsplit("/", 1)[-1]

    def command_line(self):
        """Kernel command line: like Pintos' `-q KERNELFLAGS run ...', without
        -f (the disk is formatted on the host) and with Pintos' banner."""
        flags = self.kernelflags.split()
        if self.kernel and "-threads-tests" not in flags:
            flags.append("-threads-tests")
        task = f"{self.short} {self.args}" if self.args else self.short
        return " ".join(["-q", "-pintos-banner"] + flags
                        + ["run", "'" + task + "'"])


class Tree:
    """A Pintos tree, one of its projects, and our build directory for it."""

    def __init__(self, path, project):
        self.root = Path(path).resolve()
        if not (self.root / "tests").is_dir():
            raise PagodaError(f"{path}: no tests/ folder; not a Pintos tree")
        self.project = project or next(
            (p for p in PROJECTS if (self.root / p / "Make.vars").is_file()),
            None)
        if self.project is None or not (self.root / self.project
                                        / "Make.vars").is_file():
            raise PagodaError(f"{path}: no {project or 'vm'}/Make.vars")
        digest = hashlib.sha1(str(self.root).encode()).hexdigest()[:8]
        slug = re.sub(r"[^A-Za-z0-9_.-]", "_", self.root.name) or "tree"
        self.dir = PINTOS_BUILD / f"{slug}-{digest}"
        self.work = self.dir / "work"
        self.results = self.dir / "results"
        self.lds = self.root / "lib" / "user" / "user.lds"

    def link(self):
        """Create build/pintos/NAME/{tree, include/tests} links."""
        self.work.mkdir(parents=True, exist_ok=True)
        (self.dir / "include").mkdir(exist_ok=True)
        for link, target in ((self.dir / "tree", self.root),
                             (self.dir / "include" / "tests",
                              self.root / "tests")):
            if link.is_symlink() and Path(os.readlink(link)) == target:
                continue
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(target)


def _clean_env():
    """The environment for make runs of our own: no MAKEFLAGS of an outer
    `make check' (its TESTS=... would override the tree's TESTS)."""
    env = dict(os.environ)
    for key in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "TESTS"):
        env.pop(key, None)
    return env


def _make(args, cwd, log=None):
    """Run make with ARGS in CWD; returns (status, output)."""
    proc = subprocess.run(["make"] + args, cwd=cwd, env=_clean_env(),
                          stdin=subprocess.DEVNULL, capture_output=True,
                          text=True)
    out = proc.stdout + proc.stderr
    if log is not None:
        with open(log, "a") as f:
            f.write(f"$ make {' '.join(shlex.quote(a) for a in args)}\n{out}")
    return proc.returncode, out


def _project_vars(tree):
    """TEST_SUBDIRS, KERNEL_SUBDIRS and GRADING_FILE of the tree's project,
    as make reads its Make.vars."""
    text = (f"SRCDIR := {tree.root}\n"
            f"include {tree.root}/{tree.project}/Make.vars\n"
            "show:\n"
            f"\t@echo 'TEST_SUBDIRS $(TEST_SUBDIRS)'\n"
            f"\t@echo 'KERNEL_SUBDIRS $(KERNEL_SUBDIRS)'\n"
            f"\t@echo 'GRADING_FILE $(GRADING_FILE)'\n")
    status, out = _run_makefile(tree, "vars.mk", text, ["show"])
    if status != 0:
        raise PagodaError(f"reading {tree.project}/Make.vars failed:\n{out}")
    found = {}
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        found[key] = value.split()
    return found


def _run_makefile(tree, name, text, goals, extra=()):
    path = tree.dir / name
    path.write_text(text)
    return _make(["-r", "-R", "-s", "-f", str(path)] + list(extra) + goals,
                 tree.work)


def _user_lib_sources(tree):
    """The user library's sources: lib_SRC and lib/user_SRC of the tree's
    Makefile.userprog, or every lib/*.c and lib/user/*.c but entry.c."""
    found = []
    mk = tree.root / "Makefile.userprog"
    if mk.is_file():
        for line in mk.read_text().splitlines():
            m = re.match(r"\s*lib(?:/user)?_SRC\s*\+?=\s*(.*)", line)
            if m:
                found += m.group(1).split("#")[0].split()
    if not found:
        found = sorted(str(p.relative_to(tree.root))
                       for d in ("lib", "lib/user")
                       for p in (tree.root / d).glob("*.c")
                       if p.name != "entry.c")
    return found


def _include_dirs(tree):
    """-I options for user programs: KAIST's include/ folders (in the order
    its Make.config gives them, but lib/user before lib/kernel, so that
    lib/stdio.h's #include_next finds the user half), else the Stanford
    lib/ ones."""
    r = tree.root
    dirs = [r]
    if (r / "include").is_dir():
        dirs += [r / "include" / "lib", r / "include",
                 r / "include" / "lib" / "user",
                 r / "include" / "lib" / "kernel"]
    else:
        dirs += [r / "lib", r / "lib" / "user"]
    return " ".join(f"-I{d}" for d in dirs if d.is_dir()) + " -I."


def _entry_object(tree):
    for ext in (".c", ".S"):
        if (tree.root / "lib" / "user" / f"entry{ext}").is_file():
            return "lib/user/entry.o"
    raise PagodaError(f"{tree.root}: no lib/user/entry.c")


def generate_makefile(tree, subdirs):
    """The text of pintos.mk (see the module comment)."""
    q = "$(subst ','\\'',$(1))"     # quote for '...' in the shell
    fields = ["$(TEST)", "$(TIMEOUT)", "$(MEMORY)", "$(SWAP_DISK)",
              "$(FSDISK)", "$(strip $(PUTFILES))", "$(strip $(KERNELFLAGS))",
              "$(strip $(PINTOSOPTS))", "$($(TEST)_ARGS)"]
    printf = "\\t".join(["%s"] * len(fields))
    quoted = " ".join(f"'$(call q,{f})'" for f in fields)
    return f"""\
# Generated by tools/pagoda pintos from {tree.root}; rewritten every run.
SHELL := /bin/sh
CC := gcc
LD := ld
AR := ar
SRCDIR := {tree.root}
VPATH := $(SRCDIR)
TEST_SUBDIRS := {' '.join(subdirs)}

include $(patsubst %,$(SRCDIR)/%/Make.tests,$(TEST_SUBDIRS))

# Defaults the tree's tests/Make.tests gives; Make.tests override them
# per test.
TIMEOUT = 60
MEMORY = 20
SWAP_DISK = 4

PROGS := $(foreach d,$(TEST_SUBDIRS),$($(d)_PROGS))
TESTS := $(foreach d,$(TEST_SUBDIRS),$($(d)_TESTS))
KDIRS := $(filter tests/threads%,$(TEST_SUBDIRS))
KSRCS := $(foreach d,$(KDIRS),$($(d)_SRC))
KTESTS := $(foreach d,$(KDIRS),$($(d)_TESTS))

$(foreach prog,$(PROGS),$(eval $(prog).output: $(prog)))
$(foreach test,$(TESTS),$(eval $(test).output: $($(test)_PUTFILES)))
$(foreach test,$(TESTS),$(eval $(test).output: TEST = $(test)))

q = {q}

pagoda-list:
\t@echo '{MARK} TESTS $(TESTS)'
\t@echo '{MARK} KSRCS $(KSRCS)'
\t@echo '{MARK} KTESTS $(KTESTS)'

%.output:
\t@printf '{MARK} TEST {printf}\\n' {quoted}

# The user library and programs, from the tree's sources into this folder.
U_CFLAGS := {USER_CFLAGS} {_include_dirs(tree)}
LIB_SRC := {' '.join(_user_lib_sources(tree))}
LIB_OBJ := $(patsubst %.c,%.o,$(patsubst %.S,%.o,$(LIB_SRC)))
ENTRY := {_entry_object(tree)}
LDSCRIPT := {tree.lds}

%.o: %.c
\t@mkdir -p $(@D)
\t$(CC) $(U_CFLAGS) -MMD -MP -MF $(@:.o=.pd) -c $< -o $@

%.o: %.S
\t@mkdir -p $(@D)
\t$(CC) $(U_CFLAGS) -MMD -MP -MF $(@:.o=.pd) -c $< -o $@

libc.a: $(LIB_OBJ)
\trm -f $@
\t$(AR) rcs $@ $^

define PAGODA_PROGRAM
$(1)_OBJ := $$(patsubst %.c,%.o,$$(patsubst %.S,%.o,$$($(1)_SRC)))
$(1): $$($(1)_OBJ) $$(ENTRY) libc.a $$(LDSCRIPT)
\t@mkdir -p $$(@D)
\t$$(LD) {USER_LDFLAGS} -T $$(LDSCRIPT) -o $$@ $$(ENTRY) $$($(1)_OBJ) libc.a
endef
$(foreach prog,$(PROGS),$(eval $(call PAGODA_PROGRAM,$(prog))))

-include $(shell find . -name '*.pd' 2>/dev/null)
"""


def _marked(out, key):
    for line in out.splitlines():
        if line.startswith(f"{MARK} {key} "):
            yield line[len(MARK) + len(key) + 2:]


def _one_marked(out, key):
    return next(iter(_marked(out, key)), "").split()


def select(names, globs):
    """NAMES matching any glob: on the whole name (tests/vm/x), without
    `tests/' (vm/x), or a bare name (x).  All when GLOBS is empty."""
    if not globs:
        return list(names)
    picked = []
    for name in names:
        short = name[len("tests/"):] if name.startswith("tests/") else name
        if any(fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(short, g)
               or ("/" not in g
                   and fnmatch.fnmatchcase(name.rsplit("/", 1)[-1], g))
               for g in globs):
            picked.append(name)
    return picked


def _int(value, default):
    try:
        return int(value)
    except ValueError:
        return default


def _apply_pintosopts(t, opts):
    """The `pintos' options a Make.tests may put in PINTOSOPTS that matter
    here: memory, disks and the time limit."""
    words = opts.split()
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in ("-m", "--mem"):
            t.memory = _int(nxt, t.memory)
        elif w.startswith("--mem="):
            t.memory = _int(w[6:], t.memory)
        elif w in ("-T", "--timeout"):
            t.timeout = _int(nxt, t.timeout)
        elif w.startswith("--swap-disk="):
            t.swap = _int(w[12:], t.swap)
        elif w.startswith("--fs-disk="):
            t.fsdisk = _int(w[10:], t.fsdisk)


def parse_test(line, tree, ktests, with_swap):
    """A PintosTest from one `%.output' line of pintos.mk."""
    parts = line.split("\t")
    parts += [""] * (9 - len(parts))
    name, timeout, memory, swap, fsdisk, puts, kflags, popts, args = parts[:9]
    t = PintosTest(name, name in ktests, timeout=_int(timeout, 60),
                   memory=_int(memory, 20), swap=_int(swap, 0)
                   if with_swap else 0, fsdisk=_int(fsdisk, 0),
                   kernelflags=kflags, args=args)
    _apply_pintosopts(t, popts)
    for p in puts.split():
        path = Path(p) if Path(p).is_absolute() else tree.work / p
        t.putfiles.append(path)
    if not t.kernel:
        prog = tree.work / name
        if not prog.is_file():
            t.error = f"{name} was not built (see {rel(tree.dir)}/build.log)"
        elif prog not in t.putfiles:
            t.putfiles.insert(0, prog)
        if not t.fsdisk:
            t.fsdisk = 10
    missing = [str(p) for p in t.putfiles if not p.is_file()]
    if missing and not t.error:
        t.error = "put file missing: " + ", ".join(missing)
    return t


@dataclass
class Outcome:
    """One finished run."""
    test: PintosTest
    label: str
    passed: bool
    reasons: list
    seconds: float
    stem: Path          # work/[repeat-K/]tests/DIR/NAME (no extension)
    console: str = ""


def prepare(t, tree, kernel, workdir, console, log):
    """The Machine for test T, with fresh disks in WORKDIR."""
    m = machine.Machine(kernel_args=t.command_line(), mem=t.memory,
                        kernel=kernel, console=console, log=log)
    if t.fsdisk:
        m.fs_image = Path(workdir) / "fs.img"
        disk.build_image(m.fs_image, t.fsdisk,
                         [(p, p.name) for p in t.putfiles])
    if t.swap:
        m.swap_image = Path(workdir) / "swap.img"
        disk.create_blank(m.swap_image, t.swap)
    return m


def _judge(t, tree, base):
    """Run the tree's checker on BASE/TEST.output: (passed, reasons)."""
    ck = tree.root / f"{t.name}.ck"
    if not ck.is_file():
        return False, [f"no checker {t.name}.ck in the tree"]
    result = base / f"{t.name}.result"
    result.unlink(missing_ok=True)
    try:
        proc = subprocess.run(["perl", "-I", str(tree.root), str(ck), t.name,
                               f"{t.name}.result"], cwd=base,
                              stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return False, [f"{t.name}.ck ran for more than 120 s"]
    lines = result.read_text(errors="replace").splitlines() \
        if result.is_file() else []
    if not lines:
        err = (proc.stderr or proc.stdout).strip().splitlines()
        return False, [f"{t.name}.ck wrote no result (status "
                       f"{proc.returncode})"] + err[-5:]
    why = [ln for ln in lines[1:] if ln.strip()]
    if lines[0] == "PASS":
        return True, why
    return False, why or ["the checker says FAIL"]


def run_one(t, tree, kernels, index, repeat):
    """Boot, judge and keep the files of one run of T.  Never raises."""
    base = tree.results if repeat == 1 else tree.results / f"repeat-{index}"
    label = t.name if repeat == 1 else f"{t.name}#{index}"
    stem = base / t.name
    stem.parent.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="pagoda-pintos-")
    try:
        if t.error:
            raise PagodaError(t.error)
        console, log = Path(workdir) / "console", Path(workdir) / "log"
        m = prepare(t, tree, kernels[t.kernel], workdir, console, log)
        argv = m.argv()
        Path(f"{stem}.cmd").write_text(machine.format_argv(argv) + "\n")
        res = machine.run_captured(argv, t.timeout)
        text = console.read_text(errors="replace") if console.is_file() \
            else ""
        if res.timed_out:
            # As Pintos' launcher does, so the checker sees it.
            text += f"\nTIMEOUT after {t.timeout} seconds of wall-clock time\n"
        Path(f"{stem}.output").write_text(text)
        if log.is_file():
            shutil.copyfile(log, f"{stem}.log")
        passed, why = _judge(t, tree, base)
        return Outcome(t, label, passed, why, time.monotonic() - start, stem,
                       text)
    except PagodaError as e:
        return Outcome(t, label, False, [str(e)], time.monotonic() - start,
                       stem)
    except Exception as e:     # a runner bug must not hide other results
        return Outcome(t, label, False,
                       [f"runner error: {type(e).__name__}: {e}"],
                       time.monotonic() - start, stem)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def read_grading(tree, grading_file):
    """[(percent, rubric path, title, [(points, test name)])] of a Grading
    file: `PCT%<TAB>RUBRIC' lines; a rubric's first line is its title, then
    `POINTS<TAB>NAME' lines (NAME relative to the rubric's folder) among
    `-' headings and blank lines."""
    sets = []
    for line in Path(grading_file).read_text().splitlines():
        line = line.split("#")[0].strip()
        m = re.match(r"(\d+(?:\.\d+)?)%\s+(\S+)", line)
        if not m:
            continue
        rubric = m.group(2)
        lines = (tree.root / rubric).read_text().splitlines()
        folder = rubric.rsplit("/", 1)[0]
        items = []
        for ln in lines[1:]:
            im = re.match(r"(\d+)\t(\S+)", ln)
            if im:
                items.append((int(im.group(1)), f"{folder}/{im.group(2)}"))
        sets.append((float(m.group(1)), rubric, lines[0].rstrip(":"), items))
    return sets


def grade_lines(tree, grading_file, verdicts):
    """The grade report: one line per rubric and the total.  VERDICTS maps a
    test name to True (every run passed) or False; tests not run count as
    failed."""
    out = [f"grade ({rel(grading_file)}):"]
    total = possible = 0.0
    not_run = 0
    for pct, rubric, title, items in read_grading(tree, grading_file):
        got = sum(p for p, n in items if verdicts.get(n))
        most = sum(p for p, _ in items)
        not_run += sum(1 for _, n in items if n not in verdicts)
        share = pct * got / most if most else 0.0
        total += share
        possible += pct
        out.append(f"  {rubric:45} {got:3}/{most:3} {share:5.1f}%/{pct:5.1f}%")
    out.append(f"  {'total':45} {'':7} {total:5.1f}%/{possible:5.1f}%")
    if not_run:
        out.append(f"  ({not_run} graded tests were not run and count as"
                   " failed)")
    return out


def _details(o, tree):
    out = [f"==== {o.label}: FAIL"]
    out += [f"  {ln}" for ln in o.reasons]
    tail = o.console.splitlines()[-TAIL_LINES:]
    if tail:
        out.append(f"  last console lines ({rel(o.stem)}.output):")
        out += [f"    {ln}" for ln in tail]
    out.append(f"  files:   {rel(o.stem)}.{{output,result,log,cmd}}")
    out.append(f"  rerun:   tools/pagoda pintos {tree.root} {o.test.name}")
    return out


class Report:
    """Prints a line per finished run, then the failures and totals."""

    def __init__(self, stream):
        self.stream, self.lock, self.outcomes = stream, threading.Lock(), []

    def emit(self, lines):
        with self.lock:
            self.stream.write("".join(ln + "\n" for ln in lines))
            self.stream.flush()

    def add(self, o):
        verdict = "PASS" if o.passed else "FAIL"
        head = f"{verdict} {o.label} ({o.seconds:.1f} s)"
        if not o.passed and o.reasons:
            head += ": " + o.reasons[0]
        with self.lock:
            self.outcomes.append(o)
        self.emit([head])


def build(tree, subdirs, globs, jobs, with_swap, list_only=False):
    """Generate pintos.mk, build what the selected tests need and return
    (tests, kernels) with kernels = {False: user kernel, True: kernel with
    the tree's in-kernel tests}."""
    tree.link()
    log = tree.dir / "build.log"
    log.write_text("")
    text = generate_makefile(tree, subdirs)
    status, out = _run_makefile(tree, "pintos.mk", text, ["pagoda-list"])
    if status != 0:
        raise PagodaError(f"the tree's Make.tests do not read:\n{out}")
    names = _one_marked(out, "TESTS")
    ksrcs, ktests = _one_marked(out, "KSRCS"), set(_one_marked(out, "KTESTS"))
    picked = select(names, globs)
    if not picked:
        raise PagodaError("no test matches " + " ".join(globs) if globs
                          else "the tree lists no tests")
    # Programs and per-test settings in one make run (-k: one program that
    # does not build fails only its own tests).
    goals = [f"{n}.output" for n in picked]
    status, out = _run_makefile(tree, "pintos.mk", text, goals,
                                ["-k", f"-j{max(1, jobs)}"])
    with open(log, "a") as f:
        f.write(out)
    tests = {t.name: t for t in (parse_test(ln, tree, ktests, with_swap)
                                 for ln in _marked(out, "TEST"))}
    for n in picked:
        if n not in tests:
            tests[n] = PintosTest(n, n in ktests, error="its settings or "
                                  "files could not be made; see "
                                  f"{rel(log)}")
    tests = [tests[n] for n in picked]
    if list_only:
        return tests, {}
    kernels = {False: KERNEL_BIN, True: tree.dir / "kernel.bin"}
    goals = ["kernel", rel(disk.tool_path())]
    need_kernel = any(t.kernel for t in tests)
    if need_kernel:
        ks = tree.dir / "ksrcs.txt"
        listing = "\n".join(ksrcs) + "\n"
        if not ks.is_file() or ks.read_text() != listing:
            ks.write_text(listing)
        goals += ["pintos-kernel", f"PINTOS_DIR={rel(tree.dir)}",
                  f"PINTOS_KSRCS={' '.join(ksrcs)}"]
    status, out = _make(["--no-print-directory", f"-j{max(1, jobs)}"] + goals,
                        ROOT, log)
    if status != 0:
        sys.stderr.write(out[-4000:])
        raise PagodaError(f"building the kernel failed (see {rel(log)})")
    return tests, kernels


def run_all(tree, tests, kernels, jobs, repeat, grading, stream=None):
    """Run every test REPEAT times, JOBS at a time; print the report and
    return the exit status."""
    stream = stream or sys.stdout
    report = Report(stream)
    start = time.monotonic()
    work = [(t, i) for t in tests for i in range(1, repeat + 1)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run_one, t, tree, kernels, i, repeat)
                   for t, i in work]
        try:
            for f in futures:
                report.add(f.result())
        except KeyboardInterrupt:
            for f in futures:
                f.cancel()
            machine.kill_all()
            raise
    failed = [o for o in report.outcomes if not o.passed]
    for o in failed:
        report.emit(_details(o, tree))
    if failed:
        report.emit(["failed: " + " ".join(o.label for o in failed)])
    passed = len(report.outcomes) - len(failed)
    report.emit([f"{passed} passed, {len(failed)} failed"
                 f" ({time.monotonic() - start:.1f} s)"])
    if grading and Path(grading).is_file():
        verdicts = {}
        for o in report.outcomes:
            name = o.test.name
            verdicts[name] = verdicts.get(name, True) and o.passed
        report.emit(grade_lines(tree, grading, verdicts))
    return 0 if passed and not failed else 1


def debug_one(tree, t, kernels, serve=False):
    """Boot test T paused under gdb, as `pagoda debug' does (SERVE: as
    `pagoda debug --serve' does, for an editor's gdb)."""
    debug.DEBUG_DIR.mkdir(parents=True, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="pagoda-pintos-debug-")
    try:
        m = prepare(t, tree, kernels[t.kernel], workdir,
                    debug.DEBUG_DIR / "console.txt",
                    debug.DEBUG_DIR / "log.txt")
        m.gdb_port = free_gdb_port()
        print(f"test {t.name}: kernel {rel(m.kernel)}, {t.command_line()}")
        elf = Path(m.kernel).with_suffix(".elf")
        return debug.serve(m, elf) if serve else debug.session(m, elf)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv):
    """`pagoda pintos': parse ARGV, build, run, report."""
    p = argparse.ArgumentParser(
        prog="pagoda pintos",
        description="Run a Pintos tree's own tests (Make.tests, .ck checkers,"
                    " Grading) on Pagoda, without copying anything of it.")
    p.add_argument("tree", metavar="PATH/TO/PINTOS")
    p.add_argument("globs", nargs="*", metavar="TEST-GLOB",
                   help="e.g. 'tests/vm/*', userprog/args-*, alarm-single")
    p.add_argument("--project", metavar="DIR",
                   help="the project folder whose Make.vars gives the test "
                        "folders and grading (default: vm, else userprog, "
                        "threads, filesys)")
    p.add_argument("-j", "--jobs", type=int, default=2,
                   help="QEMUs (and compilers) at once (default 2)")
    p.add_argument("--repeat", type=int, default=1, metavar="N",
                   help="run each test N times")
    p.add_argument("--gdb", metavar="TEST",
                   help="boot this one test paused with gdb attached")
    p.add_argument("--serve", action="store_true",
                   help="with --gdb: no gdb here, leave QEMU paused at kmain"
                        " for an editor's gdb (build/debug/attach.gdb)")
    p.add_argument("--list", action="store_true",
                   help="list the tests with their settings, do not run")
    opts = p.parse_intermixed_args(argv)
    if not shutil.which("perl"):
        raise PagodaError("perl not found (run tools/install-deps)")
    tree = Tree(opts.tree, opts.project)
    tree.dir.mkdir(parents=True, exist_ok=True)
    tree.work.mkdir(parents=True, exist_ok=True)
    pvars = _project_vars(tree)
    subdirs = list(pvars.get("TEST_SUBDIRS", []))
    if "tests/threads" in subdirs and "tests/threads/mlfqs" not in subdirs \
            and (tree.root / "tests/threads/mlfqs/Make.tests").is_file():
        subdirs.append("tests/threads/mlfqs")
    if not subdirs:
        raise PagodaError(f"{tree.project}/Make.vars names no TEST_SUBDIRS")
    globs = [opts.gdb] if opts.gdb else opts.globs
    with_swap = "vm" in pvars.get("KERNEL_SUBDIRS", [])
    tests, kernels = build(tree, subdirs, globs, opts.jobs, with_swap,
                           opts.list)
    if opts.list:
        for t in tests:
            print(f"{t.name:40} {'kernel' if t.kernel else 'user'}"
                  f" mem={t.memory} fs={t.fsdisk} swap={t.swap}"
                  f" timeout={t.timeout}  {t.command_line()}"
                  + (f"  ERROR: {t.error}" if t.error else ""))
        return 0
    if opts.gdb:
        if len(tests) != 1:
            raise PagodaError(f"--gdb {opts.gdb} matches {len(tests)} tests;"
                              " name one")
        return debug_one(tree, tests[0], kernels, opts.serve)
    print(f"pintos: {tree.root} ({tree.project}): {len(tests)} tests,"
          f" results in {rel(tree.results)}", flush=True)
    grading = (pvars.get("GRADING_FILE") or [None])[0]
    return run_all(tree, tests, kernels, opts.jobs, max(1, opts.repeat),
                   grading)
