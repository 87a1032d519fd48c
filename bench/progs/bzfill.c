/* SPDX-License-Identifier: MIT */
/* bzfill N -- N lazy zero-fill faults: one store into each of N fresh BSS
   pages.  BSS pages start uninitialised in the SPT, so each first store
   takes a write fault that allocates a frame, zeroes it and maps it.  The
   pages are then read back to check the zeros came with the frames. */

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
