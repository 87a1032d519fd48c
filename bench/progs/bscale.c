/* SPDX-License-Identifier: MIT */
/* bscale MB REPS -- how the costs of a fault, a fork and an exit grow with
   the address space: touch MB MiB of BSS (one store per page), then REPS
   times fork a child that exits at once and wait for it.  Reports three
   lines:
     fault     clocks per page of the touching loop (each a zero-fill fault)
     fork      clocks from fork to its return in the parent (the child's
               address space is built: every page shared copy-on-write)
     exit      clocks from there to wait's return (the child runs, exits and
               tears down its pages; the parent wakes)
   The parent returns from fork before the child runs (same priority, no
   tick due: the scheduler does not switch on fork), so the two spans do not
   overlap; a TSC taken by the child would say otherwise only if it did. */

#include "bench/progs/bench.h"

#define MAX_MB 256

static volatile char area[(size_t)MAX_MB << 20];

int
main(int argc, char *argv[])
{
  int mb = bench_arg(argc, argv, 1), reps = bench_arg(argc, argv, 2);
  if (mb > MAX_MB) {
    printf("bscale: at most %d MiB\n", MAX_MB);
    return 2;
  }
  size_t pages = (size_t)mb << 8;
  uint64_t t0 = bench_clock();
  for (size_t i = 0; i < pages; i++)
    area[i * BENCH_PAGE] = 1;
  bench_report("fault", (long)pages, bench_clock() - t0);

  uint64_t fork_clocks = 0, exit_clocks = 0;
  for (int r = 0; r < reps; r++) {
    uint64_t a = bench_clock();
    pid_t pid = fork("bscale-child");
    if (pid == 0)
      exit(0);
    uint64_t b = bench_clock();
    if (pid < 0 || wait(pid) != 0) {
      printf("bscale: fork or wait failed\n");
      return 1;
    }
    uint64_t c = bench_clock();
    fork_clocks += b - a;
    exit_clocks += c - b;
  }
  bench_report("fork", reps, fork_clocks);
  bench_report("exit", reps, exit_clocks);
  for (size_t i = 0; i < pages; i++)
    if (area[i * BENCH_PAGE] != 1) {
      printf("bscale: page %zu lost its store\n", i);
      return 1;
    }
  return 0;
}
