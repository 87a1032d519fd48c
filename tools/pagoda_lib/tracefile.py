# SPDX-License-Identifier: MIT
"""Reading the kernel's trace file (port 0xe9, docs/tracing.md).

The file is a stream of little-endian records.  A VM event is 40 bytes:

    u8 type, u8 arg, u16 0, u32 thread, u64 tsc, u64 as, u64 a, u64 b

and a TRACE_WINDOW event is followed by B bytes of 16-byte call-flow
records (u8 kind, u8 arg, u16 0, u32 function, u64 tsc).  `as' names an
address space (the kernel address of its SPT); exec and fork events bind
it to a process id.  Standard library only."""

import struct
from dataclasses import dataclass, field
from pathlib import Path

from .common import PagodaError

RECORD = struct.Struct("<BBHIQQQQ")
FLOW = struct.Struct("<BBHIQ")
NONE32 = 0xFFFFFFFF

# enum trace_type (devices/trace.h) -> name.
TYPES = {
    1: "boot", 2: "fork", 3: "exec", 4: "name", 5: "exit", 6: "fault",
    7: "alloc", 8: "claim", 9: "zero", 10: "file_in", 11: "swap_in",
    12: "stack", 13: "cow_share", 14: "cow_copy", 15: "cow_last",
    16: "evict", 17: "swap_out", 18: "writeback", 19: "free", 20: "mmap",
    21: "munmap", 22: "window", 23: "zero_page", 24: "pcache_hit",
    25: "pcache_miss", 26: "pcache_evict",
}
TYPE_NUMBERS = {v: k for k, v in TYPES.items()}
FLOW_ENTER, FLOW_EXIT, FLOW_MARK = 0x80, 0x81, 0x82
OUTCOMES = {0: "resolved", 1: "bad", 2: "nomem"}
DESTS = {0: "dropped", 1: "swap", 2: "file"}
ACCESS_WRITE, ACCESS_USER, ACCESS_NOT_PRESENT, ACCESS_OUTSIDE = 1, 2, 4, 8


@dataclass
class Event:
    """One VM event, with the process it belongs to filled in."""
    seq: int
    type: str
    arg: int
    thread: int
    tsc: int
    asid: int
    a: int
    b: int
    pid: int = 0          # 0: no process (kernel, or an unbound space)
    name: str = ""        # exec: the program


@dataclass
class Window:
    """The calls of one thread inside one root call (make TRACE=1)."""
    seq: int              # index of the first event after it
    hits: int             # bit per event type seen inside
    thread: int
    overflow: bool = False  # kept but too big: no records
    records: list = field(default_factory=list)   # (kind, fn|type, tsc)

    def has(self, type_name):
        return bool(self.hits & (1 << TYPE_NUMBERS[type_name]))


@dataclass
class Trace:
    events: list
    windows: list
    pool_base: int = 0
    frames: int = 0
    slots: int = 0


def _name(lo, hi):
    raw = struct.pack("<QQ", lo, hi)
    return raw.split(b"\0", 1)[0].decode("ascii", "replace")


def read(path):
    """The Trace in file PATH.  Raises PagodaError on a damaged file."""
    data = Path(path).read_bytes()
    events, windows, i = [], [], 0
    bound = {}                      # as -> pid
    trace = Trace(events, windows)
    while i < len(data):
        if len(data) - i < RECORD.size:
            raise PagodaError(f"{path}: truncated record at byte {i}")
        t, arg, _, thr, tsc, asid, a, b = RECORD.unpack_from(data, i)
        i += RECORD.size
        if t not in TYPES:
            raise PagodaError(f"{path}: unknown record type {t} at byte "
                              f"{i - RECORD.size}")
        name = TYPES[t]
        if name == "window":
            w = Window(len(events), a, thr, overflow=arg == 1)
            end = i + b
            while i < end:
                k, karg, _, fn, ftsc = FLOW.unpack_from(data, i)
                i += FLOW.size
                w.records.append((k, fn if k != FLOW_MARK else karg, ftsc))
            windows.append(w)
            continue
        if name == "name":
            if events and events[-1].type in ("exec", "fork"):
                events[-1].name = _name(name_lo, a)
            continue
        if name == "boot":
            trace.pool_base, trace.frames = a, b & NONE32
            trace.slots = b >> 32
        name_lo = b
        if name == "fork":      # a = pid | parent << 32, b = name
            a, b = a & NONE32, a >> 32
        if name in ("fork", "exec"):
            bound[asid] = a
        e = Event(len(events), name, arg, thr, tsc, asid, a, b,
                  bound.get(asid, 0))
        if name in ("exec", "fork"):
            e.name = _name(name_lo, 0)
        events.append(e)
    return trace


def counters_from_log(text):
    """The kernel's own counters from a COM2 log: a list of (label, dict)
    for each `vm[NAME]:' exit line in order, and the `vm:' machine line
    (label "vm")."""
    import re
    out = []
    for m in re.finditer(r"^(vm(?:\[[^\]]*\])?): faults (.*)$", text, re.M):
        out.append((m.group(1),
                    {k: int(v) for k, v in
                     re.findall(r"(\w+)=(\d+)", m.group(2))}))
    return out


# Log key -> the event type that counts it (docs/tracing.md).
COUNTED = {"zero": "zero", "zero_page": "zero_page", "file": "file_in",
           "swap_in": "swap_in",
           "stack": "stack", "cow": "cow_copy", "evictions": "evict",
           "swap_reads": "swap_in", "swap_writes": "swap_out",
           "writebacks": "writeback"}
COUNTER_KEYS = list(COUNTED) + ["bad"]


def counters(trace):
    """Counters rebuilt from the events, as the kernel keeps them: a list
    of (pid, dict) taken at each exit, in exit order (a process's counters
    restart at exec), and the machine's dict."""
    zero = lambda: dict.fromkeys(COUNTER_KEYS, 0)
    live, exits, machine = {}, [], zero()
    for e in trace.events:
        if e.type in ("fork", "exec"):
            live[e.pid] = zero()
            continue
        c = live.get(e.pid)
        if e.type == "exit" and c is not None:
            exits.append((e.pid, dict(c)))
            continue
        keys = [k for k, t in COUNTED.items() if t == e.type]
        if e.type == "fault" and e.b >> 8 == 1:
            machine["bad"] += 1
            if not e.b & ACCESS_OUTSIDE:
                keys = ["bad"]
            else:
                continue
        elif e.type != "fault":
            for k in keys:
                machine[k] += 1
        for k in keys:
            if c is not None:
                c[k] += 1
    return exits, machine


def check_against_log(trace, log_text):
    """Reasons (a list, empty if none) why TRACE's counters differ from
    the kernel's own in LOG_TEXT."""
    exits, machine = counters(trace)
    logged = counters_from_log(log_text)
    per_proc = [c for label, c in logged if label != "vm"]
    whole = [c for label, c in logged if label == "vm"]
    reasons = []
    if len(per_proc) != len(exits):
        reasons.append(f"trace has {len(exits)} exits, the log "
                       f"{len(per_proc)} vm[...] lines")
    for (pid, mine), theirs in zip(exits, per_proc):
        diff = {k: (mine[k], theirs.get(k)) for k in COUNTER_KEYS
                if mine[k] != theirs.get(k)}
        if diff:
            reasons.append(f"pid {pid}: trace vs log {diff}")
    if whole:
        diff = {k: (machine[k], whole[-1].get(k)) for k in COUNTER_KEYS
                if machine[k] != whole[-1].get(k)}
        if diff:
            reasons.append(f"machine: trace vs log {diff}")
    return reasons
