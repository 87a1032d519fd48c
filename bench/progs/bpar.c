/* SPDX-License-Identifier: MIT */
/* bpar CHILDREN PAGES PASSES -- CHILDREN processes at once, each walking
   its own PAGES pages PASSES times, rewriting each page and checking what
   the previous pass left in it.
   With CHILDREN x PAGES above the user pool the processes evict each
   other's pages: the evictor must take other processes' SPT locks, and
   every child must still see its own data.

   A child alone would finish its walk inside one time slice and free its
   memory before the next one started, so the children wait at a start
   line (a file the parent creates once all exist) and PASSES should make
   each walk outlast a slice (4 ticks; a pass over 192 pages is about
   0.3 M instructions): then they are resident together
   and take turns, mostly at faults that wait for the disk. */

#include "bench/progs/bench.h"

#define MAX_CHILDREN 16
#define START_FILE "bpar.go"
#define MAX_PAGES 4096

static volatile uint64_t pages[MAX_PAGES][BENCH_PAGE / 8];

/* What child C leaves in every word of page I after pass P. */
static uint64_t
stamp(int c, int p, int i)
{
  return ((uint64_t)c << 48 | (uint64_t)p << 16) + (uint64_t)i;
}

/* The child's walk; exits 0 when every visit found the right words.  A
   visit rewrites the whole page, so a pass costs real CPU time and the
   children's turns overlap after a few passes. */
static void
child_walk(int n, int passes, int c)
{
  int bad = 0, fd;
  while ((fd = open(START_FILE)) < 0)
    continue;
  close(fd);
  for (int p = 1; p <= passes; p++)
    for (int i = 0; i < n; i++) {
      uint64_t want = p == 1 ? 0 : stamp(c, p - 1, i);
      bad += pages[i][0] != want || pages[i][511] != want;
      for (int w = 0; w < 512; w++)
        pages[i][w] = stamp(c, p, i);
    }
  exit(bad != 0);
}

/* Starts the children, waits for all and reports the clocks. */
int
main(int argc, char *argv[])
{
  int kids = bench_arg(argc, argv, 1), n = bench_arg(argc, argv, 2);
  int passes = bench_arg(argc, argv, 3);
  if (kids > MAX_CHILDREN || n > MAX_PAGES)
    return 2;
  pid_t pids[MAX_CHILDREN];
  uint64_t start = bench_clock();
  for (int c = 0; c < kids; c++) {
    char name[16];
    snprintf(name, sizeof name, "bpar%d", c);
    pids[c] = fork(name);
    if (pids[c] == 0)
      child_walk(n, passes, c + 1);
  }
  int bad = !create(START_FILE, 0);
  for (int c = 0; c < kids; c++)
    bad += pids[c] == PID_ERROR || wait(pids[c]) != 0;
  uint64_t clocks = bench_clock() - start;
  if (bad != 0) {
    printf("bpar: %d children failed\n", bad);
    return 1;
  }
  bench_report("parallel", (long)kids * n * passes, clocks);
  return 0;
}
