/* SPDX-License-Identifier: MIT */
/* bzfill N [read] -- N lazy zero-fill faults: one store into each of N
   fresh BSS pages.  BSS pages are a lazy region, so each first store takes
   a write fault that records the page, allocates a frame, zeroes it and
   maps it.  The pages are then read back to check the zeros came with the
   frames.  With `read', one load from each page instead: each takes a
   read fault that maps the shared zero frame (no frame of its own). */

#include "bench/progs/bench.h"

#define MAX_PAGES 8192 /* 32 MiB of BSS: costs nothing until touched. */

static volatile char pages[MAX_PAGES][BENCH_PAGE];

/* Touches N pages and reports the clocks of the touching loop. */
int
main(int argc, char *argv[])
{
  int n = bench_arg(argc, argv, 1);
  if (n > MAX_PAGES) {
    printf("bzfill: at most %d pages\n", MAX_PAGES);
    return 2;
  }
  if (argc > 2) { /* read */
    unsigned sum = 0;
    uint64_t start = bench_clock();
    for (int i = 0; i < n; i++)
      sum += pages[i][i % BENCH_PAGE];
    uint64_t clocks = bench_clock() - start;
    if (sum != 0) {
      printf("bzfill: untouched pages are not zero\n");
      return 1;
    }
    bench_report("zero-page-fault", n, clocks);
    return 0;
  }
  uint64_t start = bench_clock();
  for (int i = 0; i < n; i++)
    pages[i][i % BENCH_PAGE] = 1;
  uint64_t clocks = bench_clock() - start;
  for (int i = 0; i < n; i++)
    if (pages[i][(i + 1) % BENCH_PAGE] != 0 || pages[i][i % BENCH_PAGE] != 1) {
      printf("bzfill: page %d is not a fresh zero page\n", i);
      return 1;
    }
  bench_report("zero-fill-fault", n, clocks);
  return 0;
}
