# SPDX-License-Identifier: MIT
"""Deciding whether one test run passed, from its console, log and QEMU's
exit status.  Pure functions: the runner feeds them files, the self-test
feeds them strings.

A normal test passes iff QEMU exited 0 without a timeout, the console has
exactly one `Pagoda booting with' line, `Boot complete.', the pair
`Executing 'ARGS':' / `Execution of 'ARGS' complete.' with exactly the
expected lines between them, no `PANIC', `Powering off...' as its last
line, and the leak check holds.  A panic test (expect=panic) passes iff
the lines between `Executing' and `Kernel PANIC at' are the expected ones,
QEMU exited non-zero by itself, and the symbolised call stack names every
function listed in stack=."""

import difflib
import re
from dataclasses import dataclass, field

from . import backtrace

BOOT = "Pagoda booting with"
PANIC = "Kernel PANIC at"
MEM_LINE = re.compile(r"^mem: (boot|halt) (.*)$")
EXIT_LINE = re.compile(r"^(.*): exit\(-?\d+\)$")
LOAD_LINE = re.compile(r"^load: (.*): (?:open failed|error loading executable)$")


@dataclass
class Verdict:
    """The outcome of one run: REASONS is empty iff it passed."""
    reasons: list = field(default_factory=list)
    diff: list = field(default_factory=list)
    stack: list = field(default_factory=list)   # symbolised lines

    @property
    def passed(self):
        return not self.reasons


def console_lines(text):
    """TEXT split into lines, without a final empty one."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _find(lines, wanted, start=0):
    for i in range(start, len(lines)):
        if lines[i] == wanted:
            return i
    return None


def _mem_fields(log_lines, which):
    """The key=value fields of the first `mem: boot' or last `mem: halt'
    log line, or None if there is none."""
    found = None
    for line in log_lines:
        m = MEM_LINE.match(line.strip())
        if m and m.group(1) == which:
            found = dict(kv.split("=", 1) for kv in m.group(2).split()
                         if "=" in kv)
            if which == "boot":
                break
    return found


def leak_reasons(log_text):
    """One reason per field whose halt value differs from its boot value;
    nothing at all when either line is missing."""
    lines = log_text.splitlines()
    boot, halt = _mem_fields(lines, "boot"), _mem_fields(lines, "halt")
    if boot is None or halt is None:
        return []
    return [f"leak: {key} was {boot[key]} at boot, {halt[key]} at halt"
            for key in boot if key in halt and boot[key] != halt[key]]


def _window_diff(expected, actual, spec):
    if expected == actual:
        return []
    return list(difflib.unified_diff(
        expected, actual, fromfile=f"tests/{spec.id}.out (expected)",
        tofile="console (actual)", lineterm=""))


def _drop_ignored_exits(lines, names):
    """LINES without the exit lines of processes NAMES and the `load:'
    lines of failed execs of programs NAMES."""
    if not names:
        return lines
    return [ln for ln in lines
            if not ((m := EXIT_LINE.match(ln)) and m.group(1) in names)
            and not ((m := LOAD_LINE.match(ln)) and m.group(1) in names)]


def _common_checks(lines, status, timed_out, timeout):
    reasons = []
    if timed_out:
        reasons.append(f"TIMEOUT after {timeout} s")
    boots = sum(1 for ln in lines if ln.startswith(BOOT))
    if boots != 1:
        reasons.append("no `Pagoda booting with' line" if boots == 0
                       else f"booted {boots} times")
    if "Boot complete." not in lines:
        reasons.append("no `Boot complete.' line")
    return reasons


def judge_output(spec, expected, console, log, status, timed_out):
    """Verdict of a normal test (expect=output)."""
    lines = console_lines(console)
    v = Verdict(_common_checks(lines, status, timed_out, spec.timeout))
    panic = next((ln for ln in lines if "PANIC" in ln), None)
    if panic is not None:
        v.reasons.append("kernel panic: " + panic[panic.find("PANIC"):])
        v.stack = _symbolized_stack(console)
    begin = _find(lines, f"Executing '{spec.args}':")
    end = None if begin is None else _find(
        lines, f"Execution of '{spec.args}' complete.", begin + 1)
    if begin is None:
        v.reasons.append(f"no `Executing '{spec.args}':' line")
    elif end is None:
        v.reasons.append(f"no `Execution of '{spec.args}' complete.' line")
    if begin is not None:
        window = lines[begin + 1:end]
        v.diff = _window_diff(expected,
                              _drop_ignored_exits(window, spec.ignore_exit),
                              spec)
    if v.diff and end is not None:
        v.reasons.append(f"output differs from tests/{spec.id}.out")
    if not lines or lines[-1] != "Powering off...":
        v.reasons.append("last console line is not `Powering off...'")
    if status != 0 and not timed_out:
        v.reasons.append(f"QEMU exit status {status}")
    if spec.leak:
        v.reasons += leak_reasons(log)
    return v


def _marked(console):
    return "\n".join(ln for ln in console.splitlines() if backtrace.MARK in ln)


def _symbolized_stack(console):
    try:
        return backtrace.format_stacks(_marked(console))
    except Exception as e:      # a report must never crash the runner
        return [f"(cannot symbolise: {e})"]


def judge_panic(spec, expected, console, log, status, timed_out):
    """Verdict of a test that must panic (expect=panic)."""
    lines = console_lines(console)
    v = Verdict(_common_checks(lines, status, timed_out, spec.timeout))
    at = next((i for i, ln in enumerate(lines) if PANIC in ln), None)
    begin = _find(lines, f"Executing '{spec.args}':")
    if begin is None:
        v.reasons.append(f"no `Executing '{spec.args}':' line")
    if at is None:
        v.reasons.append("no `Kernel PANIC at' line")
    if begin is not None and at is not None and at > begin:
        window = lines[begin + 1:at]
        head = lines[at][:lines[at].find(PANIC)]
        if head:                  # the panic interrupted a partial line
            window.append(head)
        v.diff = _window_diff(expected, window, spec)
        if v.diff:
            v.reasons.append(f"output before the panic differs from"
                             f" tests/{spec.id}.out")
    if status == 0 and not timed_out:
        v.reasons.append("QEMU exited 0; a panic must exit non-zero")
    v.stack, missing = _check_stack(console, spec.stack)
    if missing:
        v.reasons.append("call stack lacks " + ", ".join(missing))
    return v


def _check_stack(console, wanted):
    stacks = backtrace.extract_stacks(_marked(console))
    if not stacks:
        return [], list(wanted)
    try:
        frames = backtrace.symbolize(stacks[0])
    except Exception as e:
        return [f"(cannot symbolise: {e})"], list(wanted)
    names = backtrace.stack_functions(frames)
    lines = [ln for f in frames for ln in f.lines()]
    return lines, [fn for fn in wanted if fn not in names]


def judge(spec, expected, console, log, status, timed_out):
    """Verdict of one run of SPEC; EXPECTED is the list of .out lines."""
    if spec.expect == "panic":
        return judge_panic(spec, expected, console, log, status, timed_out)
    return judge_output(spec, expected, console, log, status, timed_out)
