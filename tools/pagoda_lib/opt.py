# SPDX-License-Identifier: MIT
"""`pagoda opt': how many page faults the optimal replacement (Belady's
OPT, also called MIN) and exact LRU take on a reference string with a
given number of frames, the yardstick for the kernel's policies.

The strings of the benchmark workloads come from build/bench/refs (which
regenerates them from the programs' loops and reduces them safely; see
bench/refs.c), or from a file of page numbers, one a line.  Every count
includes the cold misses (the first reference to each page).

OPT evicts the resident page whose next use is farthest away.  The next
use of every position is precomputed in one backward pass; the resident
pages sit in a max-heap keyed by next use, with stale entries (a page used
again since it was pushed) skipped when popped, so the whole run is
O(n log frames).  Standard library only."""

import argparse
import heapq
import subprocess
import sys
from collections import OrderedDict, deque

from .common import BUILD, PagodaError

REFS = BUILD / "bench" / "refs"
NEVER = float("inf")


def next_uses(refs):
    """next[i]: the position of the next reference to refs[i] after i, or
    NEVER."""
    nxt = [NEVER] * len(refs)
    seen = {}
    for i in range(len(refs) - 1, -1, -1):
        nxt[i] = seen.get(refs[i], NEVER)
        seen[refs[i]] = i
    return nxt


def opt_faults(refs, frames):
    """Faults of Belady's OPT on REFS with FRAMES frames."""
    if frames < 1:
        raise ValueError("frames must be at least 1")
    nxt = next_uses(refs)
    resident = {}          # page -> its next use
    heap = []              # (-next use, page), possibly stale
    faults = 0
    for i, page in enumerate(refs):
        if page not in resident:
            faults += 1
            if len(resident) == frames:
                while True:
                    neg, victim = heapq.heappop(heap)
                    if resident.get(victim) == -neg:
                        del resident[victim]
                        break
        resident[page] = nxt[i]
        heapq.heappush(heap, (-nxt[i], page))
    return faults


def lru_faults(refs, frames):
    """Faults of exact LRU on REFS with FRAMES frames."""
    stack = OrderedDict()
    faults = 0
    for page in refs:
        if page in stack:
            stack.move_to_end(page)
            continue
        faults += 1
        if len(stack) == frames:
            stack.popitem(last=False)
        stack[page] = True
    return faults


def fifo_faults(refs, frames):
    """Faults of FIFO on REFS with FRAMES frames (exact on full strings
    only: the reduction of bench/refs keeps LRU and OPT, not FIFO)."""
    queue, resident, faults = deque(), set(), 0
    for page in refs:
        if page in resident:
            continue
        faults += 1
        if len(queue) == frames:
            resident.discard(queue.popleft())
        queue.append(page)
        resident.add(page)
    return faults


def parse_refs(text):
    """(page numbers, raw length) from refs output or a plain list; `#
    raw N' gives the length before reduction."""
    refs, raw = [], None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# raw "):
            raw = int(line.split()[2])
        elif line and not line.startswith("#"):
            refs += [int(w) for w in line.replace(",", " ").split()]
    return refs, raw if raw is not None else len(refs)


def workload_refs(words, refs_tool=REFS):
    """The reduced reference string of workload WORDS (`bwalk 1024 4')."""
    if not refs_tool.exists():
        raise PagodaError(f"{refs_tool} is missing (run `make')")
    out = subprocess.run([str(refs_tool)] + [str(w) for w in words],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise PagodaError(out.stderr.strip() or f"refs {words} failed")
    return parse_refs(out.stdout)


def measure(refs, frames, reserve=0):
    """OPT and LRU faults with FRAMES frames of which RESERVE hold pages
    outside the string (the program's code and stack, never evicted by
    OPT): RESERVE cold misses plus the string's faults in the rest."""
    data = frames - reserve
    if data < 1:
        raise PagodaError(f"{reserve} reserved of {frames} frames leaves none")
    return {"opt": opt_faults(refs, data) + reserve,
            "lru": lru_faults(refs, data) + reserve,
            "pages": len(set(refs))}


def main(argv):
    p = argparse.ArgumentParser(
        prog="pagoda opt",
        description="OPT (Belady) and LRU faults of a workload's page "
                    "references, e.g. `pagoda opt --frames 512 bwalk 1024 "
                    "4'.")
    p.add_argument("--frames", type=int, required=True, metavar="N",
                   help="frames of memory (the user pool, -ul=N)")
    p.add_argument("--reserve", type=int, default=0, metavar="R",
                   help="frames held by pages outside the string (code, "
                        "stack): counted as R cold faults")
    p.add_argument("--refs", metavar="FILE",
                   help="read the string from FILE (- for stdin); also "
                        "prints FIFO")
    p.add_argument("workload", nargs="*",
                   help="bwalk|brand|bpar|bsort|bhot and its arguments")
    opts = p.parse_args(argv)
    if bool(opts.refs) == bool(opts.workload):
        p.error("give --refs FILE or a workload")
    if opts.refs:
        text = sys.stdin.read() if opts.refs == "-" else open(opts.refs).read()
        refs, raw = parse_refs(text)
    else:
        refs, raw = workload_refs(opts.workload)
    r = measure(refs, opts.frames, opts.reserve)
    line = (f"refs={raw} reduced={len(refs)} pages={r['pages']} "
            f"frames={opts.frames} reserve={opts.reserve} opt={r['opt']} "
            f"lru={r['lru']}")
    if opts.refs:
        line += f" fifo={fifo_faults(refs, opts.frames - opts.reserve) + opts.reserve}"
    print(line)
    return 0
