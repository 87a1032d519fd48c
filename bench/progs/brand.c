/* SPDX-License-Identifier: MIT */
/* brand PAGES ACCESSES -- random accesses to a working set of PAGES pages:
   each access checks a page's counter against a private tally and, every
   other time, increments both.  With PAGES a little above the user pool
   the clock keeps most of the set resident; the fault rate shows how well
   it picks victims and how often it writes clean pages (never, if it is
   right). */

#include "bench/progs/bench.h"

#define MAX_PAGES 8192

static volatile uint32_t pages[MAX_PAGES][BENCH_PAGE / 4];
static uint32_t tally[MAX_PAGES]; /* 8 pages: small beside the set. */

/* Makes the accesses and reports their clocks. */
int
main(int argc, char *argv[])
{
  int n = bench_arg(argc, argv, 1), accesses = bench_arg(argc, argv, 2);
  if (n > MAX_PAGES)
    return 2;
  uint64_t rng = 0x9e3779b97f4a7c15ull;
  int bad = 0;
  uint64_t start = bench_clock();
  for (int a = 0; a < accesses; a++) {
    uint64_t r = bench_rand(&rng);
    int i = (int)(r % (uint64_t)n);
    bad += pages[i][7] != tally[i];
    if (r & (1ull << 40)) {
      pages[i][7] = ++tally[i];
    }
  }
  uint64_t clocks = bench_clock() - start;
  if (bad != 0) {
    printf("brand: %d accesses found the wrong counter\n", bad);
    return 1;
  }
  bench_report("random", accesses, clocks);
  return 0;
}
