# SPDX-License-Identifier: MIT
"""Symbolise kernel call stacks with addr2line.

A panic prints `Call stack: 0xADDR 0xADDR ... .'; every address is a
return address, so one is subtracted before the lookup to land inside the
call instruction: the line shown is the call, not the one after it."""

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .common import KERNEL_ELF, ROOT, PagodaError, rel

HEX = re.compile(r"\b0x[0-9a-fA-F]+\b")
MARK = "Call stack:"


def extract_stacks(text):
    """The address lists of TEXT: one list per `Call stack:' line, or, if
    there is none, every hex number of TEXT as a single list."""
    stacks = [HEX.findall(line.split(MARK, 1)[1])
              for line in text.splitlines() if MARK in line]
    if stacks:
        return [s for s in stacks if s]
    found = HEX.findall(text)
    return [found] if found else []


@dataclass
class Frame:
    """One symbolised address; INLINED lists (function, place) pairs of
    the callers it was inlined into."""
    addr: str
    function: str
    place: str
    inlined: list = field(default_factory=list)

    def lines(self):
        out = [f"{self.addr}: {self.function} ({self.place})"]
        out += [f"    inlined into {fn} ({pl})" for fn, pl in self.inlined]
        return out

    def functions(self):
        return [self.function] + [fn for fn, _ in self.inlined]


def _split_at(text):
    """`func at file:line (discriminator N)' -> (func, file:line)."""
    fn, sep, place = text.rpartition(" at ")
    if not sep:
        return text.strip(), "??"
    place = re.sub(r"\s*\(discriminator \d+\)", "", place.strip())
    path, colon, line = place.rpartition(":")
    if colon and path not in ("??", ""):
        place = f"{rel(path) if Path(path).is_absolute() else path}:{line}"
    return fn.strip(), place


def symbolize(addrs, elf=KERNEL_ELF, adjust=True):
    """Frames for ADDRS (hex strings) looked up in ELF.  ADJUST subtracts
    one from each address (return addresses).  Raises PagodaError if ELF
    or addr2line is missing."""
    if not addrs:
        return []
    if not Path(elf).is_file():
        raise PagodaError(f"{rel(elf)} is missing (run `make')")
    if not shutil.which("addr2line"):
        raise PagodaError("addr2line not found (binutils)")
    looked = [hex(max(int(a, 16) - (1 if adjust else 0), 0)) for a in addrs]
    proc = subprocess.run(["addr2line", "-f", "-i", "-p", "-C", "-a",
                           "-e", str(elf)] + looked,
                          capture_output=True, text=True, cwd=ROOT)
    frames = []
    for line in proc.stdout.splitlines():
        if line.startswith(" (inlined by) ") and frames:
            frames[-1].inlined.append(_split_at(line[len(" (inlined by) "):]))
            continue
        _, sep, rest = line.partition(": ")
        if not sep or len(frames) >= len(addrs):
            continue
        fn, place = _split_at(rest)
        frames.append(Frame(addrs[len(frames)], fn, place))
    while len(frames) < len(addrs):      # addr2line died part way
        frames.append(Frame(addrs[len(frames)], "??", "??"))
    return frames


def format_stacks(text, elf=KERNEL_ELF, adjust=True):
    """Every call stack of TEXT, symbolised, as printable lines."""
    out = []
    for stack in extract_stacks(text):
        if out:
            out.append("")
        for frame in symbolize(stack, elf, adjust):
            out += frame.lines()
    return out


def stack_functions(frames):
    """All function names of FRAMES, inlined callers included, with GCC
    clone suffixes (`.isra.0', `.constprop.0', `.part.0') removed."""
    names = set()
    for frame in frames:
        for fn in frame.functions():
            names.add(fn)
            names.add(fn.split(".", 1)[0])
    return names
