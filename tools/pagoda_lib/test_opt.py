# SPDX-License-Identifier: MIT
"""Unit tests of `pagoda opt' (run by `make unit'): OPT, LRU and FIFO on
textbook strings whose fault counts can be checked by hand, OPT against an
exhaustive search of every eviction choice, LRU against a naive model, and
the reduction of bench/refs (which must leave OPT and LRU unchanged for
memories of at least its window)."""

import random
import subprocess
import unittest

from . import opt

BELADY = [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5]
# The string of Silberschatz, Galvin and Gagne's Operating System Concepts.
OSC = [7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1]


def brute_min(refs, frames):
    """Fewest faults over every demand-paging schedule: all resident sets
    reachable after each reference, with their least fault count."""
    states = {frozenset(): 0}
    for page in refs:
        nxt = {}
        for s, f in states.items():
            if page in s:
                choices = [(s, f)]
            elif len(s) < frames:
                choices = [(s | {page}, f + 1)]
            else:
                choices = [((s - {v}) | {page}, f + 1) for v in s]
            for t, g in choices:
                if g < nxt.get(t, g + 1):
                    nxt[t] = g
        states = nxt
    return min(states.values())


def naive_lru(refs, frames):
    """LRU by last-use times, the obvious way."""
    last, faults = {}, 0
    for t, page in enumerate(refs):
        if page not in last:
            faults += 1
            if len(last) == frames:
                del last[min(last, key=last.get)]
        last[page] = t
    return faults


def local_string(rng, n, pages):
    """A string with locality: a drifting hot spot plus random jumps."""
    out, at = [], 0
    for _ in range(n):
        if rng.random() < 0.1:
            at = rng.randrange(pages)
        else:
            at = (at + rng.choice((-1, 0, 0, 1, 1, 2))) % pages
        out.append(at)
    return out


class TextbookStrings(unittest.TestCase):
    def test_belady_anomaly_fifo(self):
        # More frames, more faults: 9 with three, 10 with four.
        self.assertEqual(opt.fifo_faults(BELADY, 3), 9)
        self.assertEqual(opt.fifo_faults(BELADY, 4), 10)

    def test_belady_string_opt_and_lru(self):
        self.assertEqual(opt.opt_faults(BELADY, 3), 7)
        self.assertEqual(opt.opt_faults(BELADY, 4), 6)
        self.assertEqual(opt.lru_faults(BELADY, 3), 10)
        self.assertEqual(opt.lru_faults(BELADY, 4), 8)

    def test_osc_string(self):
        self.assertEqual(opt.fifo_faults(OSC, 3), 15)
        self.assertEqual(opt.opt_faults(OSC, 3), 9)
        self.assertEqual(opt.lru_faults(OSC, 3), 12)

    def test_cold_misses_only_when_everything_fits(self):
        for f in (opt.opt_faults, opt.lru_faults, opt.fifo_faults):
            self.assertEqual(f(OSC, 6), len(set(OSC)))

    def test_loop_one_page_too_big(self):
        # A loop over N+1 pages in N frames: LRU misses every reference;
        # OPT, after N cold misses, misses every N-th (at 4, 8, ..., 48).
        refs = list(range(5)) * 10
        self.assertEqual(opt.lru_faults(refs, 4), 50)
        self.assertEqual(opt.opt_faults(refs, 4), 4 + 12)

    def test_one_frame(self):
        refs = [1, 1, 2, 1, 2, 2]
        self.assertEqual(opt.opt_faults(refs, 1), 4)


class AgainstModels(unittest.TestCase):
    def test_opt_is_minimal(self):
        rng = random.Random(13)
        for _ in range(150):
            n, pages, frames = rng.randrange(1, 14), rng.randrange(2, 7), \
                rng.randrange(1, 5)
            refs = [rng.randrange(pages) for _ in range(n)]
            self.assertEqual(opt.opt_faults(refs, frames),
                             brute_min(refs, frames), (refs, frames))

    def test_lru_matches_naive(self):
        rng = random.Random(14)
        for _ in range(100):
            refs = local_string(rng, rng.randrange(1, 300), 40)
            frames = rng.randrange(1, 20)
            self.assertEqual(opt.lru_faults(refs, frames),
                             naive_lru(refs, frames))

    def test_reserve_adds_cold_misses(self):
        r = opt.measure(BELADY, 7, reserve=3)
        self.assertEqual(r, {"opt": 6 + 3, "lru": 8 + 3, "pages": 5})


@unittest.skipUnless(opt.REFS.exists(), "build/bench/refs not built")
class Reduction(unittest.TestCase):
    def reduce(self, refs, k):
        out = subprocess.run([str(opt.REFS), "-k", str(k), "reduce"],
                             input="\n".join(map(str, refs)) + "\n",
                             capture_output=True, text=True, check=True)
        return opt.parse_refs(out.stdout)

    def test_same_opt_and_lru_for_memories_of_k_or_more(self):
        rng = random.Random(15)
        for k in (2, 3, 4):
            for _ in range(8):
                refs = local_string(rng, 2000, 60)
                small, raw = self.reduce(refs, k)
                self.assertEqual(raw, len(refs))
                self.assertLess(len(small), len(refs))
                for frames in range(k, 40, 3):
                    self.assertEqual(opt.opt_faults(small, frames),
                                     opt.opt_faults(refs, frames))
                    self.assertEqual(opt.lru_faults(small, frames),
                                     opt.lru_faults(refs, frames))

    def test_workload_strings(self):
        # Raw and reduced strings of a small merge sort agree.
        full = subprocess.run([str(opt.REFS), "-r", "bsort", "3000"],
                              capture_output=True, text=True, check=True)
        refs, _ = opt.parse_refs(full.stdout)
        small, raw = opt.workload_refs(["bsort", "3000"])
        self.assertEqual(raw, len(refs))
        self.assertLess(len(small), len(refs) // 10)
        for frames in (4, 5, 6):
            self.assertEqual(opt.opt_faults(small, frames),
                             opt.opt_faults(refs, frames))
            self.assertEqual(opt.lru_faults(small, frames),
                             opt.lru_faults(refs, frames))


if __name__ == "__main__":
    unittest.main()
