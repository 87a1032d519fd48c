/* SPDX-License-Identifier: MIT */
/* bhot HOT COLD SCAN ROUNDS -- a hot set used every round, and a scan
   that goes by it: each round visits all HOT pages (checking and bumping
   a counter in each), then SCAN pages of a COLD-page array, continuing
   where the last round stopped and wrapping around.  The first visit to a
   cold page writes a stamp, later ones check it (a scan reads).

   With HOT + SCAN above the user pool and HOT well below it, LRU (and the
   clock) lose the whole hot set to every scan: the hot pages are always
   the least recently used when the scan needs room.  OPT keeps them, and
   so does a scan-resistant policy (2Q: cold pages are seen once per pass
   and never reach its main queue).  bench/refs regenerates the page
   references from this same loop. */

#include "bench/progs/bench.h"

#define MAX_HOT 2048
#define MAX_COLD 8192

static volatile uint64_t hot[MAX_HOT][BENCH_PAGE / 8];
static volatile uint64_t cold[MAX_COLD][BENCH_PAGE / 8];

/* Runs the rounds and reports their clocks. */
int
main(int argc, char *argv[])
{
  int nhot = bench_arg(argc, argv, 1), ncold = bench_arg(argc, argv, 2);
  int scan = bench_arg(argc, argv, 3), rounds = bench_arg(argc, argv, 4);
  if (nhot > MAX_HOT || ncold > MAX_COLD)
    return 2;
  int bad = 0;
  long next = 0; /* Cold visits so far: the scan's position. */
  uint64_t start = bench_clock();
  for (int r = 0; r < rounds; r++) {
    for (int h = 0; h < nhot; h++) {
      bad += hot[h][h % 512] != (uint64_t)r;
      hot[h][h % 512] = (uint64_t)r + 1;
    }
    for (int s = 0; s < scan; s++, next++) {
      int c = (int)(next % ncold);
      if (next < ncold)
        cold[c][c % 512] = (uint64_t)c + 1;
      else
        bad += cold[c][c % 512] != (uint64_t)c + 1;
    }
  }
  uint64_t clocks = bench_clock() - start;
  if (bad != 0) {
    printf("bhot: %d visits found the wrong word\n", bad);
    return 1;
  }
  bench_report("hot-scan", (long)rounds * (nhot + scan), clocks);
  return 0;
}
