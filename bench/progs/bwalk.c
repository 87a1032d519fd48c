/* SPDX-License-Identifier: MIT */
/* bwalk PAGES PASSES -- linear walks over PAGES pages of BSS, PASSES
   times.  Each visit checks the word the previous pass left in the page
   and writes a new one, so with PAGES above the user pool every page is
   evicted dirty and comes back from swap: the worst case for a clock
   (LRU-like) replacement, every access a fault once memory is full. */

#include "bench/progs/bench.h"

#define MAX_PAGES 8192

static volatile uint64_t pages[MAX_PAGES][BENCH_PAGE / 8];

/* What pass P leaves in page I. */
static uint64_t
stamp(int p, int i)
{
  return ((uint64_t)p << 32) | (uint64_t)i;
}

/* Walks and checks; reports the clocks of all passes. */
int
main(int argc, char *argv[])
{
  int n = bench_arg(argc, argv, 1), passes = bench_arg(argc, argv, 2);
  if (n > MAX_PAGES)
    return 2;
  int bad = 0;
  uint64_t start = bench_clock();
  for (int p = 1; p <= passes; p++)
    for (int i = 0; i < n; i++) {
      bad += pages[i][i % 512] != (p == 1 ? 0 : stamp(p - 1, i));
      pages[i][i % 512] = stamp(p, i);
    }
  uint64_t clocks = bench_clock() - start;
  if (bad != 0) {
    printf("bwalk: %d visits found the wrong word\n", bad);
    return 1;
  }
  bench_report("walk", (long)n * passes, clocks);
  return 0;
}
